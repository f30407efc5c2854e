import type { RecordsResult } from '../soql/query-result.js';
import type { SoqlQuery } from '../soql/soql-ast.js';

// What Bulk API 2.0 query jobs refuse: "GROUP BY, OFFSET, or TYPEOF clauses", "Aggregate Functions
// such as COUNT()", "Parent-to-child relationship queries" (child-to-parent paths are fine).
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/queries.htm
// The job is refused when it is created, with API_ERROR as for compound fields ("Selecting compound
// data not supported in Bulk Query"); "Aggregate Relationships not supported in Bulk Query" is the
// platform's wording for subqueries, the other wordings are the emulator's own.

export function bulkQueryRefusal(q: SoqlQuery): string | null {
  if (q.select.some((s) => s.kind === 'subquery'))
    return 'Aggregate Relationships not supported in Bulk Query';
  if (q.select.some((s) => s.kind === 'expr' && s.expr.kind === 'aggregate'))
    return 'Aggregate functions such as COUNT() are not supported in Bulk Query';
  if (q.groupBy.length > 0 || q.having) return 'GROUP BY is not supported in Bulk Query';
  if (q.select.some((s) => s.kind === 'expr' && s.expr.kind === 'dateFn'))
    return 'Date functions in the select list are not supported in Bulk Query';
  if (q.offset !== null) return 'OFFSET is not supported in Bulk Query';
  return null;
}

/** Compound fields (addresses) cannot be selected in Bulk queries; their components can. */
export function compoundRefusal(result: RecordsResult): string | null {
  const compound = result.columns.some((c) => c.kind === 'field' && c.path.field.type === 'address');
  return compound ? 'Selecting compound data not supported in Bulk Query' : null;
}
