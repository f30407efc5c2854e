import type { FieldDef, ObjectDef, Schema } from '../schema/schema-types.js';

// Describe results (subset of DescribeSObjectResult / DescribeFieldResult):
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm

const soapTypes: Record<string, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  boolean: 'xsd:boolean',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  int: 'xsd:int',
  date: 'xsd:date',
  datetime: 'xsd:dateTime',
};

export function describeField(f: FieldDef) {
  return {
    name: f.name,
    label: f.label,
    type: f.type,
    soapType: soapTypes[f.type] ?? 'xsd:string',
    length: f.length,
    byteLength: f.length * 3,
    precision: f.precision,
    scale: f.scale,
    digits: f.type === 'int' ? f.precision : 0,
    nillable: !f.required && f.type !== 'boolean' && f.name !== 'Id',
    createable: f.createable,
    updateable: f.updateable,
    defaultedOnCreate: f.defaultValue !== null || !f.createable,
    defaultValue: f.defaultValue,
    unique: f.unique,
    externalId: f.externalId,
    idLookup: f.name === 'Id' || f.externalId || f.unique,
    caseSensitive: f.caseSensitive,
    calculated: f.calculated,
    autoNumber: f.autoNumber,
    custom: f.custom,
    htmlFormatted: f.htmlFormatted,
    filterable: true,
    sortable: f.type !== 'multipicklist' && f.type !== 'textarea',
    groupable: f.type !== 'textarea',
    nameField: f.name === 'Name',
    picklistValues: f.picklistValues.map((v) => ({
      value: v,
      label: v,
      active: true,
      defaultValue: v === f.defaultValue,
      validFor: null,
    })),
    restrictedPicklist: f.restrictedPicklist,
    referenceTo: f.referenceTo,
    relationshipName: f.relationshipName,
    relationshipOrder: f.cascadeDelete && f.type === 'reference' ? 0 : null,
    cascadeDelete: f.cascadeDelete,
  };
}

function childRelationships(schema: Schema, def: ObjectDef) {
  return schema.objects.flatMap((child) =>
    child.fields
      .filter(
        (f) =>
          f.type === 'reference' && f.referenceTo.some((t) => t.toLowerCase() === def.name.toLowerCase()),
      )
      .map((f) => ({
        childSObject: child.name,
        field: f.name,
        relationshipName:
          f.childRelationshipName ??
          (child.custom ? `${child.name.replace(/__c$/, '')}s__r` : `${child.name}s`),
        cascadeDelete: f.cascadeDelete,
      })),
  );
}

export function describeGlobalEntry(def: ObjectDef, version: string) {
  const base = `/services/data/v${version}/sobjects/${def.name}`;
  return {
    name: def.name,
    label: def.label,
    labelPlural: def.labelPlural,
    keyPrefix: def.keyPrefix,
    custom: def.custom,
    customSetting: false,
    createable: !def.isMetadataType,
    updateable: !def.isMetadataType && !def.isEvent,
    deletable: !def.isMetadataType && !def.isEvent,
    queryable: !def.isEvent,
    retrieveable: !def.isEvent,
    searchable: !def.isEvent && !def.isMetadataType,
    layoutable: !def.isEvent && !def.isMetadataType,
    triggerable: !def.isMetadataType,
    replicateable: !def.isEvent && !def.isMetadataType,
    undeletable: !def.isEvent && !def.isMetadataType,
    mergeable: false,
    urls: { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` },
  };
}

export function describeObject(schema: Schema, def: ObjectDef, version: string) {
  return {
    ...describeGlobalEntry(def, version),
    fields: def.fields.map(describeField),
    childRelationships: childRelationships(schema, def),
    recordTypeInfos: [],
  };
}
