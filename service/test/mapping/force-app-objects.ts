// The package's object metadata, read once per test file.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadForceAppSchema } from '../../src/mapping/force-app-schema.js';
import type { SalesforceField, SalesforceSchema } from '../../src/mapping/salesforce-schema.js';

export const objectsDir = join(
  fileURLToPath(new URL('.', import.meta.url)),
  '../../../force-app/main/default/objects',
);
export const forceAppSchema = loadForceAppSchema(objectsDir);

function withFields(schema: SalesforceSchema, object: string, fields: SalesforceField[]): SalesforceSchema {
  const base = schema.get(object);
  if (!base) return schema;
  const merged = new Map(base.fields);
  for (const f of fields) if (!merged.has(f.name)) merged.set(f.name, f);
  return new Map(schema).set(object, { name: object, fields: merged });
}

/**
 * The package schema for tests of the mapping logic. Fields the package still lacks (reported by
 * force-app-compatibility.test.ts) are filled in so that one gap does not hide every other assertion.
 */
export const mappingTestSchema = withFields(forceAppSchema, 'ProductRatePlanCharge__c', [
  { name: 'Type__c', type: 'Text', length: 255 },
]);
