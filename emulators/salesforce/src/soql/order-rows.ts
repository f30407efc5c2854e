import { sortable } from '../schema/field-capabilities.js';
import type { FieldDef } from '../schema/schema-types.js';
import type { SfValue } from '../store/sf-error.js';
import { compareValues } from './filter-value.js';
import { queryError } from './soql-error.js';

// ORDER BY: ascending puts nulls first and descending last unless NULLS FIRST/LAST says otherwise;
// picklists sort in their defined order, text without case.
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_orderby.htm

export interface SortKey<T> {
  field: FieldDef;
  get: (row: T) => SfValue;
  descending: boolean;
  nullsLast: boolean;
}

export function checkSortable(field: FieldDef, soql: string, pos: number): void {
  if (!sortable(field))
    throw queryError('INVALID_FIELD', `field '${field.name}' can not be sorted in a query call`, soql, pos);
}

export function orderRows<T>(rows: T[], keys: Array<SortKey<T>>): T[] {
  if (keys.length === 0) return rows;
  return rows.sort((a, b) => {
    for (const { field, get, descending, nullsLast } of keys) {
      const x = get(a);
      const y = get(b);
      if (x === y) continue;
      if (x === null || y === null) return (x === null) === nullsLast ? 1 : -1;
      const cmp = compareValues(field, x, y);
      if (cmp !== 0) return descending ? -cmp : cmp;
    }
    return 0;
  });
}
