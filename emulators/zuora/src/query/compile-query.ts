// Compiles a query of one dialect against the store: the object, output columns, row predicate, and (when
// asked) the ordering, limit and grouping. Refusals come back as values naming the fault.
import { resolveObjectName, type ObjectName } from '../model/object-definitions.js';
import { fieldType } from '../model/field-types.js';
import type { ZRecord } from '../model/zuora-record.js';
import type { TenantStore } from '../store/tenant-store.js';
import { compileFilter, type Operand, type Predicate } from './compile-filter.js';
import { fieldGetter } from './field-paths.js';
import { buildGroupPlan, type GroupPlan } from './group-plan.js';
import { excerpt, QueryError } from './query-error.js';
import { selectColumns, type Column } from './select-columns.js';
import { whereLookup, type WhereLookup } from './where-lookup.js';
import type { ParsedQuery } from './zoql-ast.js';
import { parseQuery } from './zoql-parser.js';
import type { Dialect } from './zoql-lexer.js';

export { compareValues } from './compare-values.js';
export type { Column } from './select-columns.js';

/**
 * Zuora publishes one limit on query length, Data Query's 1,000,000 characters
 * (https://docs.zuora.com/en/zuora-platform/data/data-query/overview-of-data-query); the emulator applies it to
 * every dialect so an oversized query is refused rather than read.
 */
export const maxQueryLength = 1_000_000;

export interface CompiledQuery {
  object: ObjectName;
  dialect: Dialect;
  columns: Column[];
  matches: Predicate<ZRecord>;
  order: { operand: Operand<ZRecord>; desc: boolean }[];
  limit: { offset: number; count: number } | null;
  /** Set for aggregate queries: rows are groups, and each column reads `c<index>` of a grouped row. */
  grouping: GroupPlan | null;
  /** Values of one field every matching record holds one of (where-lookup.ts), or null. */
  lookup?: WhereLookup | null;
}

/** The predicate of a query without a where clause (readers may skip building records to test them). */
export const matchesEvery: Predicate<ZRecord> = () => true;

export type CompileResult = { ok: true; query: CompiledQuery } | { ok: false; error: QueryError };

function compileParsed(store: TenantStore, parsed: ParsedQuery): CompiledQuery {
  const object = resolveObjectName(parsed.object);
  if (object === undefined) throw new QueryError('object', `invalid object type: ${excerpt(parsed.object)}`);
  const joins = parsed.dialect === 'export';
  const columns = selectColumns(store, object, parsed.items, joins);
  const resolve = (v: { kind: 'field'; ref: string } | { kind: 'aggregate' }): Operand<ZRecord> => {
    if (v.kind === 'aggregate')
      throw new QueryError('syntax', 'aggregate functions are not allowed in the where clause');
    const f = fieldGetter(store, object, v.ref, joins);
    return { get: f.getter, type: fieldType(f.target, f.field), name: f.label };
  };
  const matches = parsed.where === null ? matchesEvery : compileFilter(parsed.where, resolve, parsed.dialect);
  const aggregated =
    parsed.groupBy.length > 0 || columns.some((c) => c.aggregate !== null) || parsed.having !== null;
  if (!aggregated) {
    const order = parsed.orderBy.map((k) => ({ operand: resolve(k.value), desc: k.desc }));
    const lookup = whereLookup(store, object, joins, parsed.where);
    return {
      object,
      dialect: parsed.dialect,
      columns,
      matches,
      order,
      limit: parsed.limit,
      grouping: null,
      lookup,
    };
  }
  const grouping = buildGroupPlan(store, object, parsed.dialect, {
    columns,
    groupBy: parsed.groupBy,
    having: parsed.having,
    orderBy: parsed.orderBy,
  });
  const grouped = columns.map((c, i): Column => {
    const key = `c${i}`;
    const { ownField: _own, ...rest } = c;
    return { ...rest, getter: (row) => row[key] ?? null };
  });
  return {
    object,
    dialect: parsed.dialect,
    columns: grouped,
    matches,
    order: [],
    limit: parsed.limit,
    grouping,
  };
}

export function compileQuery(store: TenantStore, query: string, dialect: Dialect): CompileResult {
  try {
    if (typeof query !== 'string') throw new QueryError('syntax', 'the query must be a string');
    if (query.length > maxQueryLength)
      throw new QueryError(
        'limit',
        `the query is ${query.length} characters long; the limit is ${maxQueryLength}`,
      );
    return { ok: true, query: compileParsed(store, parseQuery(query, dialect)) };
  } catch (e) {
    if (e instanceof QueryError) return { ok: false, error: e };
    if (e instanceof RangeError)
      return { ok: false, error: new QueryError('limit', 'the query is too complex to evaluate') };
    throw e;
  }
}
