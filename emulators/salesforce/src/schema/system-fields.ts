import { makeField, type FieldDef } from './schema-types.js';

// Audit and system fields every sObject carries; the platform sets them, clients cannot.
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/system_fields.htm
export function systemFields(options: { owner: boolean }): FieldDef[] {
  const readOnly = { createable: false, updateable: false, custom: false };
  const fields = [
    makeField({ name: 'Id', label: 'Record ID', type: 'id', length: 18, ...readOnly }),
    makeField({ name: 'IsDeleted', label: 'Deleted', type: 'boolean', ...readOnly }),
    makeField({ name: 'CreatedDate', label: 'Created Date', type: 'datetime', ...readOnly }),
    makeField({
      name: 'CreatedById',
      label: 'Created By ID',
      type: 'reference',
      length: 18,
      referenceTo: ['User'],
      relationshipName: 'CreatedBy',
      ...readOnly,
    }),
    makeField({ name: 'LastModifiedDate', label: 'Last Modified Date', type: 'datetime', ...readOnly }),
    makeField({
      name: 'LastModifiedById',
      label: 'Last Modified By ID',
      type: 'reference',
      length: 18,
      referenceTo: ['User'],
      relationshipName: 'LastModifiedBy',
      ...readOnly,
    }),
    makeField({ name: 'SystemModstamp', label: 'System Modstamp', type: 'datetime', ...readOnly }),
  ];
  if (options.owner) {
    fields.push(
      makeField({
        name: 'OwnerId',
        label: 'Owner ID',
        type: 'reference',
        length: 18,
        referenceTo: ['User'],
        relationshipName: 'Owner',
        custom: false,
      }),
    );
  }
  return fields;
}
