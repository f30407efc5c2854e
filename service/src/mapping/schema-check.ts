// Checks every Salesforce field the maps write against a schema (force-app or a describe of the
// org): it must exist, have a type the transform can write, keys must be External IDs, and
// references must be lookups to the right object keyed on one of its External IDs.
import { lookupField, type ObjectMap } from './field-map.js';
import { objectMaps } from './object-maps.js';
import { findField, type SalesforceSchema } from './salesforce-schema.js';
import { compatibleTypes, inferTransform } from './transforms/transform-registry.js';

export interface SchemaIssue {
  readonly pair: string;
  readonly object: string;
  readonly field: string;
  readonly problem:
    | 'missing object'
    | 'missing field'
    | 'incompatible type'
    | 'read-only'
    | 'not an external id'
    | 'wrong lookup';
  readonly detail: string;
}

export function checkMapsAgainstSchema(
  schema: SalesforceSchema,
  maps: readonly ObjectMap[] = objectMaps,
): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  for (const m of maps) {
    const object = m.salesforceObject;
    const issue = (field: string, problem: SchemaIssue['problem'], detail: string) =>
      issues.push({ pair: m.name, object, field, problem, detail });
    if (!schema.has(object)) {
      issue('', 'missing object', `${object} is not in the schema`);
      continue;
    }
    for (const key of [m.externalId, ...(m.stableExternalId ? [m.stableExternalId] : [])]) {
      const f = findField(schema, object, key.salesforce);
      if (!f) issue(key.salesforce, 'missing field', 'upsert key');
      else if (!f.externalId)
        issue(key.salesforce, 'not an external id', `upsert key must be an External ID field`);
    }
    for (const entry of m.fields) {
      const f = findField(schema, object, entry.salesforce);
      if (!f) {
        issue(entry.salesforce, 'missing field', `written from Zuora ${m.zuoraObject}.${entry.zuora}`);
        continue;
      }
      if (f.readOnly === true)
        issue(entry.salesforce, 'read-only', 'not createable or not updateable for the sync user');
      const transform = entry.transform ?? inferTransform(f.type);
      if (transform === undefined || !compatibleTypes[transform].includes(f.type)) {
        issue(
          entry.salesforce,
          'incompatible type',
          `${f.type} field, ${transform ? `transform ${transform} writes ${compatibleTypes[transform].join('/')}` : 'not writable'}`,
        );
      }
    }
    for (const ref of m.references) {
      const name = lookupField(ref);
      const f = findField(schema, object, name);
      if (!f) {
        issue(name, 'missing field', `lookup to ${ref.target}`);
        continue;
      }
      if ((f.type !== 'Lookup' && f.type !== 'MasterDetail') || f.referenceTo !== ref.target) {
        issue(
          name,
          'wrong lookup',
          `expected Lookup(${ref.target}), found ${f.type}${f.referenceTo ? `(${f.referenceTo})` : ''}`,
        );
      }
      if (ref.via !== 'Id' && schema.has(ref.target)) {
        const key = findField(schema, ref.target, ref.via);
        if (!key?.externalId)
          issue(name, 'not an external id', `${ref.target}.${ref.via} must be an External ID field`);
      }
    }
  }
  return issues;
}

export function formatSchemaIssues(issues: readonly SchemaIssue[]): string {
  return issues
    .map((i) => `${i.object}.${i.field || '*'}: ${i.problem} (${i.detail}) [${i.pair}]`)
    .join('\n');
}
