// Builds the mapping schema from sObject describe results (jsforce `conn.describe(name)`), so a
// production org's real field sizes and picklists drive validation.
// Describe field types: https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_describesobjects_describesobjectresult.htm
import type {
  SalesforceField,
  SalesforceFieldType,
  SalesforceObjectSchema,
  SalesforceSchema,
} from './salesforce-schema.js';

/** The subset of a describe Field result this module reads. */
export interface DescribeFieldLike {
  name: string;
  type: string;
  length?: number;
  precision?: number;
  scale?: number;
  externalId?: boolean;
  calculated?: boolean;
  autoNumber?: boolean;
  createable?: boolean;
  updateable?: boolean;
  extraTypeInfo?: string | null | undefined;
  referenceTo?: string[] | null | undefined;
  restrictedPicklist?: boolean;
  picklistValues?: { value: string; active: boolean }[] | null | undefined;
}

export interface DescribeObjectLike {
  name: string;
  fields: DescribeFieldLike[];
}

const typeByDescribe: Record<string, SalesforceFieldType> = {
  string: 'Text',
  email: 'Email',
  phone: 'Phone',
  url: 'Url',
  double: 'Number',
  int: 'Number',
  long: 'Number',
  currency: 'Currency',
  percent: 'Percent',
  boolean: 'Checkbox',
  date: 'Date',
  datetime: 'DateTime',
  picklist: 'Picklist',
  multipicklist: 'MultiselectPicklist',
  reference: 'Lookup',
  id: 'Id',
};

function fieldType(f: DescribeFieldLike): SalesforceFieldType {
  if (f.calculated) return 'Formula';
  if (f.autoNumber) return 'AutoNumber';
  if (f.type === 'textarea') {
    if (f.extraTypeInfo === 'richtextarea') return 'Html';
    return (f.length ?? 0) > 255 ? 'LongTextArea' : 'TextArea';
  }
  return typeByDescribe[f.type] ?? 'Other';
}

export function schemaFromDescribe(objects: readonly DescribeObjectLike[]): SalesforceSchema {
  const schema = new Map<string, SalesforceObjectSchema>();
  for (const object of objects) {
    const fields = new Map<string, SalesforceField>();
    for (const f of object.fields) {
      const type = fieldType(f);
      const referenceTo = f.referenceTo?.[0];
      const values =
        type === 'Picklist' && f.restrictedPicklist
          ? (f.picklistValues ?? []).filter((v) => v.active).map((v) => v.value)
          : undefined;
      fields.set(f.name, {
        name: f.name,
        type,
        ...(f.length ? { length: f.length } : {}),
        ...(f.precision ? { precision: f.precision, scale: f.scale ?? 0 } : {}),
        ...(f.externalId ? { externalId: true } : {}),
        // An upsert creates and updates: a field short of either is one the sync cannot write.
        ...(f.createable === false || f.updateable === false ? { readOnly: true } : {}),
        ...(referenceTo !== undefined ? { referenceTo } : {}),
        ...(values !== undefined ? { picklistValues: values } : {}),
      });
    }
    schema.set(object.name, { name: object.name, fields });
  }
  return schema;
}
