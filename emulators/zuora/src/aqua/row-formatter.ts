// Formats one CSV row per result row. Exports touch every field of millions of records, so the row function
// is generated per query: a literal property access per column gets its own inline cache, where a shared
// `record[field]` lookup would be megamorphic. Field names come from the object definitions (resolved
// from the query), never from raw input; joined and aggregate columns fall back to their getters.
import type { FieldValue } from '../model/zuora-record.js';
import type { Column, Row } from '../query/select-columns.js';

export type RowFormatter = (row: Row) => string;

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Past this many columns a generated function is too large for the optimizing compiler: loop instead. */
const maxGeneratedColumns = 256;

export function rowFormatter(columns: readonly Column[], cell: (v: FieldValue) => string): RowFormatter {
  const getters = columns.map((c) => c.getter);
  if (columns.length > maxGeneratedColumns) return (r) => getters.map((g) => cell(g(r))).join(',');
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
  return factory(cell, getters);
}
