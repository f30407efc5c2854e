// One mapped row against one Salesforce record: the columns whose values differ, old -> new. A column the row
// leaves unset (`undefined`: an empty Bulk CSV cell, a blank lookup) is not compared, as the write would leave
// it as it is; the key column is what matched them.
import type { Row } from '../mapping/record-mapper.js';
import type { SalesforceSchema } from '../mapping/salesforce-schema.js';
import type { CurrentRecord } from './current-values.js';
import type { FieldChange } from './diff-types.js';
import { sameValue, shown } from './field-values.js';

/** A row as the writer would send it: the key, and each column's value (undefined: left unchanged). */
export interface DesiredRow {
  readonly key: string;
  readonly row: Readonly<Record<string, Row[string] | undefined>>;
}

/**
 * A typed row as a write would send it: a blank lookup (relationship column) leaves the reference as it is.
 * https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/datafiles_prepare_csv.htm
 */
export function desiredRowOf(record: { readonly key: string; readonly row: Row }): DesiredRow {
  const row: Record<string, Row[string] | undefined> = {};
  for (const [column, value] of Object.entries(record.row))
    row[column] = column.includes('.') && (value === null || value === '') ? undefined : value;
  return { key: record.key, row };
}

/** The columns a set of rows sets, but the key: what a comparison reads from Salesforce. */
export function columnsOf(rows: readonly DesiredRow[], keyField: string): string[] {
  const columns = new Set<string>();
  for (const r of rows) for (const c of Object.keys(r.row)) if (c !== keyField) columns.add(c);
  return [...columns];
}

export function fieldChanges(
  schema: SalesforceSchema,
  object: string,
  desired: DesiredRow['row'],
  current: CurrentRecord,
  keyField: string,
): FieldChange[] {
  const fields = schema.get(object)?.fields;
  const changes: FieldChange[] = [];
  for (const [column, value] of Object.entries(desired)) {
    if (value === undefined || column === keyField) continue;
    const field = column.includes('.') ? undefined : fields?.get(column);
    const now = current[column];
    if (!sameValue(field, value, now)) changes.push({ field: column, old: shown(now), new: shown(value) });
  }
  return changes;
}
