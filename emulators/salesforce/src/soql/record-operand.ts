import type { ObjectDef } from '../schema/schema-types.js';
import type { RecordStore } from '../store/record-store.js';
import type { StoredRecord } from '../store/sf-error.js';
import { bindPath, pathGetter } from './bind-path.js';
import type { Operand } from './compile-condition.js';
import { applyDateFunction, dateFunctionField } from './date-functions.js';
import type { Expr } from './soql-ast.js';
import { queryError } from './soql-error.js';

// Reads an expression from one record: a field path or a date function of one. Aggregates belong in
// HAVING and the select list of an aggregate query, never in WHERE.
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_date_functions.htm

export function recordOperand(
  store: RecordStore,
  def: ObjectDef,
  alias: string | null,
  soql: string,
): (expr: Expr) => Operand<StoredRecord> {
  return (expr) => {
    if (expr.kind === 'aggregate') {
      throw queryError(
        'MALFORMED_QUERY',
        `Aggregate functions such as ${expr.fn}() are allowed only in the select list, HAVING and ORDER BY of an aggregate query`,
        soql,
        expr.pos,
      );
    }
    const path = bindPath(store.schema, def, expr.kind === 'field' ? expr : expr.field, soql, alias);
    const get = pathGetter(store, path);
    if (expr.kind === 'field') return { field: path.field, get };
    if (path.field.type !== 'date' && path.field.type !== 'datetime') {
      throw queryError(
        'MALFORMED_QUERY',
        `${expr.fn}() can only be used with date and dateTime fields, not with ${path.field.name}`,
        soql,
        expr.pos,
      );
    }
    const fn = expr.fn;
    return { field: dateFunctionField(fn, path.field), get: (rec) => applyDateFunction(fn, get(rec)) };
  };
}
