// Admin-defined field mappings, added without code: JSON entries
// `{ zuoraObject, zuoraField, salesforceObject, salesforceField, transform? }` validated with zod and
// checked against the object pairs and the Salesforce schema before they are accepted.
// Zuora 360 asks for the same API name on both sides and only String/Date/Picklist custom fields
// (https://knowledgecenter.zuora.com/CRM_Integrations/Zuora_360/Zuora_360_Custom_Fields); here the
// names may differ and any writable field type works, provided the transform fits it.
import { z } from 'zod';
import { transformNames, type FieldMapping, type ObjectMap } from './field-map.js';
import { objectMaps } from './object-maps.js';
import { findField, type SalesforceSchema } from './salesforce-schema.js';
import { compatibleTypes, inferTransform } from './transforms/transform-registry.js';

const apiName = /^[A-Za-z][A-Za-z0-9_]*$/;

export const customFieldMappingSchema = z.strictObject({
  zuoraObject: z.string().regex(apiName, 'a Zuora object name such as Account'),
  zuoraField: z
    .string()
    .regex(
      /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/,
      'a Zuora field name such as Region__c or BillToContact.City',
    ),
  salesforceObject: z.string().regex(apiName, 'a Salesforce object API name such as CustomerAccount__c'),
  salesforceField: z.string().regex(apiName, 'a Salesforce field API name such as Region__c'),
  transform: z.enum(transformNames).optional(),
});

export type CustomFieldMapping = z.infer<typeof customFieldMappingSchema>;

// An array, or `{ "mappings": [...] }`. Chosen by shape before parsing so errors keep their path
// (a zod union would report only "Invalid input").
const mappingList = z.array(customFieldMappingSchema);
const mappingDocument = z.strictObject({ mappings: mappingList });

export type CustomMappingsResult =
  | { readonly ok: true; readonly mappings: readonly CustomFieldMapping[] }
  | { readonly ok: false; readonly errors: readonly string[] };

function describeEntry(m: CustomFieldMapping): string {
  return `${m.zuoraObject}.${m.zuoraField} -> ${m.salesforceObject}.${m.salesforceField}`;
}

/** Checks one entry against the pairs, the schema and what is already mapped. */
export function checkCustomMapping(
  m: CustomFieldMapping,
  schema: SalesforceSchema,
  maps: readonly ObjectMap[],
): string | undefined {
  const pair = maps.find((p) => p.zuoraObject === m.zuoraObject && p.salesforceObject === m.salesforceObject);
  if (!pair) {
    const known = maps.filter((p) => p.zuoraObject === m.zuoraObject).map((p) => p.salesforceObject);
    return `${describeEntry(m)}: Turbo Sync has no ${m.zuoraObject} -> ${m.salesforceObject} pair${
      known.length ? ` (${m.zuoraObject} syncs to ${known.join(', ')})` : ''
    }`;
  }
  if (!schema.has(m.salesforceObject)) {
    return `${describeEntry(m)}: the Salesforce object ${m.salesforceObject} is not in the schema`;
  }
  const field = findField(schema, m.salesforceObject, m.salesforceField);
  if (!field) {
    return `${describeEntry(m)}: the Salesforce field ${m.salesforceObject}.${m.salesforceField} does not exist in the schema; create it first`;
  }
  if (field.readOnly === true) {
    return `${describeEntry(m)}: ${m.salesforceObject}.${m.salesforceField} is read-only for the sync user (not createable or not updateable in the org), so a sync cannot write it`;
  }
  const transform = m.transform ?? inferTransform(field.type);
  if (transform === undefined) {
    return `${describeEntry(m)}: ${m.salesforceObject}.${m.salesforceField} is a ${field.type} field, which a sync cannot write`;
  }
  if (!compatibleTypes[transform].includes(field.type)) {
    return `${describeEntry(m)}: transform ${transform} cannot write a ${field.type} field (it writes ${compatibleTypes[transform].join(', ')})`;
  }
  const taken =
    pair.externalId.salesforce === m.salesforceField ||
    pair.fields.some((f) => f.salesforce === m.salesforceField) ||
    pair.references.some((r) => r.salesforce.replace(/__r$/, '__c') === m.salesforceField);
  if (taken)
    return `${describeEntry(m)}: ${m.salesforceObject}.${m.salesforceField} is already written by the ${pair.name} map`;
  return undefined;
}

/** The Salesforce objects a document's entries write (none when it does not parse). */
export function mappedObjects(document: unknown): string[] {
  const parsed = Array.isArray(document)
    ? mappingList.safeParse(document)
    : mappingDocument.transform((d) => d.mappings).safeParse(document);
  return parsed.success ? [...new Set(parsed.data.map((m) => m.salesforceObject))] : [];
}

/** Parses a JSON document (an array, or `{ "mappings": [...] }`) into accepted mappings or errors. */
export function parseCustomMappings(
  input: unknown,
  schema: SalesforceSchema,
  maps: readonly ObjectMap[] = objectMaps,
): CustomMappingsResult {
  let document = input;
  if (typeof input === 'string') {
    try {
      document = JSON.parse(input) as unknown;
    } catch (error) {
      return { ok: false, errors: [`custom mappings are not valid JSON: ${(error as Error).message}`] };
    }
  }
  const parsed = Array.isArray(document)
    ? mappingList.safeParse(document)
    : mappingDocument.transform((d) => d.mappings).safeParse(document);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map(
        (i) => `custom mappings${i.path.length ? ` at ${i.path.join('.')}` : ''}: ${i.message}`,
      ),
    };
  }
  const entries = parsed.data;
  const errors: string[] = [];
  let current = maps;
  for (const entry of entries) {
    const problem = checkCustomMapping(entry, schema, current);
    if (problem) errors.push(problem);
    else current = applyCustomMappings(current, [entry]);
  }
  return errors.length ? { ok: false, errors } : { ok: true, mappings: entries };
}

/** New maps with the custom field mappings appended to their pairs (the inputs are not changed). */
export function applyCustomMappings(
  maps: readonly ObjectMap[],
  mappings: readonly CustomFieldMapping[],
): ObjectMap[] {
  return maps.map((pair) => {
    const extra: FieldMapping[] = mappings
      .filter((m) => m.zuoraObject === pair.zuoraObject && m.salesforceObject === pair.salesforceObject)
      .map((m) => ({
        zuora: m.zuoraField,
        salesforce: m.salesforceField,
        ...(m.transform ? { transform: m.transform } : {}),
        note: 'custom mapping',
      }));
    return extra.length ? { ...pair, fields: [...pair.fields, ...extra] } : pair;
  });
}
