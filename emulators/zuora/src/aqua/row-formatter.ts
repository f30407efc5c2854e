// Formats one CSV row per record. Exports touch every field of millions of records, so the row function
// is generated per query: a literal property access per column gets its own inline cache, where a shared
// `record[field]` lookup would be megamorphic. Field names come from the object definitions (resolved
// from the query), never from raw input; joined columns fall back to their getter closures.
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import type { CompiledQuery } from '../query/compile-query.js';
import { csvCell } from './csv.js';

export type RowFormatter = (record: ZRecord) => string;

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function rowFormatter(columns: CompiledQuery['columns']): RowFormatter {
  const getters = columns.map((c) => c.getter);
  const parts = columns.map((c, i) =>
    c.ownField !== undefined && identifier.test(c.ownField)
      ? `cell(r.${c.ownField} ?? null)`
      : `cell(g[${i}](r))`,
  );
  // One array joined at once builds a flat string; a chain of `+` would leave a cons-string per cell.
  const body = `return function formatRow(r) { return [${parts.join(', ')}].join(','); };`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- deliberate: see the module comment.
  const factory = new Function('cell', 'g', body) as (
    cell: (v: FieldValue) => string,
    g: typeof getters,
  ) => RowFormatter;
  return factory(csvCell, getters);
}
