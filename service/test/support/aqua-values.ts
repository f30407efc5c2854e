// Values an AQuA export column may hold, by the Salesforce field a stream's maps write it to: for tests that
// build export files of clean lines (the byte path of the spool, mapping/compiled-bytes.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ObjectMap } from '../../src/mapping/field-map.js';
import { findField } from '../../src/mapping/salesforce-schema.js';
import { forceAppSchema as schema } from '../mapping/force-app-objects.js';

const byType: Record<string, readonly string[]> = {
  Number: ['12.5', '-3', '0', '1234567.891', '7', '0.125', '100'],
  Checkbox: ['true', 'false'],
  Date: ['2024-03-01', '1999-12-31', '2024-03-01T10:15:00.000+00:00'],
  DateTime: ['2024-03-01T10:15:00.000+00:00', '2023-12-31T23:59:59.999+00:00', '2024-03-01'],
};

/** The values of a stream's column `path`, from the first field a map writes it to (`crm`: its CRM ids). */
export function aquaValues(
  path: string,
  maps: readonly ObjectMap[],
  crm: readonly string[],
): readonly string[] {
  if (path.endsWith('CrmId')) return crm;
  for (const map of maps) {
    const f = map.fields.find((m) => m.zuora === path);
    if (f === undefined) continue;
    const field = findField(schema, map.salesforceObject, f.salesforce);
    const type = field?.type === 'Currency' || field?.type === 'Percent' ? 'Number' : field?.type;
    return field?.picklistValues ?? byType[type ?? ''] ?? ['plain', 'Name 1', 'SKU-1'];
  }
  return ['2c92c0f8000000000000000000000001', '2c92c0f8000000000000000000000002'];
}

/** The files of a spool folder, by name, with their text. */
export function spoolFiles(dir: string): string[][] {
  return readdirSync(dir)
    .sort()
    .map((name) => [name, readFileSync(join(dir, name), 'utf8')]);
}
