// Check (a): every Salesforce field the reference mapping tables name exists in force-app.

import type { MappingTable } from '../reference/mapping-tables.js';
import type { ObjectIndex } from './object-index.js';

/** Standard objects whose standard fields (Name) exist in every org. */
const STANDARD_OBJECTS = new Set(['Product2', 'Account']);

export interface MissingField {
  object: string;
  field: string;
  documented: string;
  table: string;
}

export function findMissingFields(tables: readonly MappingTable[], index: ObjectIndex): MissingField[] {
  const missing: MissingField[] = [];
  const seen = new Set<string>();
  for (const table of tables) {
    const object = index.get(table.objectName);
    const isStandard = STANDARD_OBJECTS.has(table.objectName);
    if (!isStandard && !object?.hasObjectFile) {
      const key = `${table.objectName}.`;
      if (!seen.has(key))
        missing.push({
          object: table.objectName,
          field: '(object)',
          documented: table.documentedObject,
          table: table.heading,
        });
      seen.add(key);
    }
    for (const row of table.rows) {
      if (!row.apiName) continue;
      const key = `${table.objectName}.${row.apiName}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const present =
        row.apiName === 'Name'
          ? isStandard || object?.nameFieldType !== undefined
          : object?.fields.has(row.apiName) === true;
      if (!present)
        missing.push({
          object: table.objectName,
          field: row.apiName,
          documented: row.documentedName,
          table: table.heading,
        });
    }
  }
  return missing;
}

export function describeMissing(missing: readonly MissingField[]): string {
  return missing
    .map((item) => `${item.object}.${item.field} (documented as ${item.documented} in "${item.table}")`)
    .join('\n');
}
