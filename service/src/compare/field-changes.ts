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
