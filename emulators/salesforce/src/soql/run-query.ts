import { isIdLike } from '../schema/field-capabilities.js';
import type { FieldDef } from '../schema/schema-types.js';
import type { RecordStore } from '../store/record-store.js';
import { isAggregateQuery, runAggregateQuery } from './aggregate-query.js';
import { bindObject, pathGetter } from './bind-path.js';
import { planColumns, toColumns } from './child-plan.js';
import { compileCondition } from './compile-condition.js';
import { equalityKey } from './filter-value.js';
import { candidateRows } from './indexed-rows.js';
import { orderRows } from './order-rows.js';
import { checkOffset, scanRows, sortKeys, type QueryEnv } from './query-env.js';
import type { QueryResult, RunOptions } from './query-result.js';
import { recordOperand } from './record-operand.js';
import type { Condition, SoqlQuery } from './soql-ast.js';
import { queryError } from './soql-error.js';

// Binds a parsed query to the schema (unknown objects and fields fail as the API words them) and
// runs it over the store. Semi-joins and anti-joins (`Id IN (SELECT ...)`): the subquery selects one
// Id or reference field, may not nest another semi-join, and may not use OFFSET ("not allowed in
// most subqueries ... returns a MALFORMED_QUERY error").
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_comparisonoperators.htm
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_offset.htm

export type { QueryResult, RunOptions } from './query-result.js';

function hasSemiJoin(c: Condition | null): boolean {
  if (!c) return false;
  if (c.kind === 'and' || c.kind === 'or') return c.parts.some(hasSemiJoin);
  if (c.kind === 'not') return hasSemiJoin(c.part);
  return c.kind === 'in' && !Array.isArray(c.values);
}

function semiJoin(store: RecordStore, opts: RunOptions) {
  return (sub: SoqlQuery, left: FieldDef): Set<string> => {
    const fail = (message: string): never => {
      throw queryError('MALFORMED_QUERY', message, opts.soql, sub.fromPos);
    };
    if (sub.offset !== null) fail('OFFSET is not allowed in a semi-join or anti-join subquery');
    if (hasSemiJoin(sub.where)) fail('Nesting of semi join sub-selects is not supported');
    if (!isIdLike(left))
      fail(`The left operand of a semi-join must be an Id or reference field, not ${left.name}`);
    const inner = runQuery(store, sub, { ...opts, includeDeleted: false });
    const column = inner.kind === 'records' && inner.columns.length === 1 ? inner.columns[0] : undefined;
    if (inner.kind !== 'records' || column?.kind !== 'field' || !isIdLike(column.path.field))
      return fail('A semi-join subquery must select one Id or reference field');
    const get = pathGetter(store, column.path);
    return new Set(inner.rows.map((r) => equalityKey(column.path.field, get(r))));
  };
}

export function queryEnv(store: RecordStore, opts: RunOptions): QueryEnv {
  return {
    store,
    opts,
    conditions: (def, alias) => ({
      soql: opts.soql,
      now: store.clock,
      operand: recordOperand(store, def, alias, opts.soql),
      semiJoin: semiJoin(store, opts),
    }),
  };
}

export function runQuery(store: RecordStore, q: SoqlQuery, opts: RunOptions): QueryResult {
  const env = queryEnv(store, opts);
  const def = bindObject(store.schema, q.from, opts.soql, q.fromPos);
  checkOffset(q, opts.soql);
  if (isAggregateQuery(q)) return runAggregateQuery(env, def, q);
  const plans = planColumns(env, def, q, 1);
  const predicate = q.where ? compileCondition(q.where, env.conditions(def, q.fromAlias)) : null;
  const candidates = candidateRows(env, def, q.fromAlias, q.where);
  let rows = orderRows(scanRows(env, def, predicate, candidates), sortKeys(env, def, q));
  const offset = q.offset ?? 0;
  rows = rows.slice(offset, q.limit === null ? undefined : offset + q.limit);
  return { kind: 'records', def, columns: toColumns(env, plans, rows), rows, totalSize: rows.length };
}
