import { groupable } from '../schema/field-capabilities.js';
import type { ObjectDef } from '../schema/schema-types.js';
import type { SfValue, StoredRecord } from '../store/sf-error.js';
import { bindPath } from './bind-path.js';
import { aggregateField, checkAggregateArg, computeAggregate } from './aggregate-functions.js';
import { compileCondition, type Operand } from './compile-condition.js';
import { equalityKey } from './filter-value.js';
import { checkSortable, orderRows } from './order-rows.js';
import { candidateRows } from './indexed-rows.js';
import { scanRows, type QueryEnv } from './query-env.js';
import type { AggregateColumn, QueryResult } from './query-result.js';
import { recordOperand } from './record-operand.js';
import type { Expr, SoqlQuery } from './soql-ast.js';
import { queryError } from './soql-error.js';

// Aggregate queries: GROUP BY, HAVING and aggregate functions. Aggregates and date functions without
// an alias are named expr0, expr1, ... in the order of the select list ("i denotes the order of the
// aggregated fields with no explicit aliases"); a grouped field keeps its name or its alias.
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_groupby.htm
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_having.htm
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_alias.htm
// "You must use a GROUP BY clause if your query has a LIMIT clause and an aggregated function", and
// child relationship subqueries cannot be combined with GROUP BY:
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_group_by_considerations.htm

interface Group {
  keys: SfValue[];
  rows: StoredRecord[];
  cache: Map<string, SfValue>;
}

export function isAggregateQuery(q: SoqlQuery): boolean {
  return (
    q.groupBy.length > 0 ||
    q.having !== null ||
    q.select.some((s) => s.kind === 'expr' && s.expr.kind !== 'field')
  );
}

function fail(env: QueryEnv, message: string, pos: number): never {
  throw queryError('MALFORMED_QUERY', message, env.opts.soql, pos);
}

/** A key that is the same for the same grouped expression however it is written (`name`, `Acct.Name`). */
function exprKey(env: QueryEnv, def: ObjectDef, q: SoqlQuery, e: Expr): string {
  if (e.kind === 'aggregate') return '';
  const path = bindPath(env.store.schema, def, e.kind === 'field' ? e : e.field, env.opts.soql, q.fromAlias);
  return e.kind === 'field' ? path.text.toLowerCase() : `${e.fn}(${path.text.toLowerCase()})`;
}

/** Reads expressions from groups: grouped fields from the group key, aggregates computed (once) from its rows. */
function groupOperand(env: QueryEnv, def: ObjectDef, q: SoqlQuery, grouped: string[]) {
  const records = recordOperand(env.store, def, q.fromAlias, env.opts.soql);
  return (expr: Expr): Operand<Group> => {
    if (expr.kind !== 'aggregate') {
      const i = grouped.indexOf(exprKey(env, def, q, expr));
      if (i < 0) {
        const text = expr.kind === 'field' ? expr.path : `${expr.fn}(${expr.field.path})`;
        fail(env, `Field must be grouped or aggregated: ${text}`, expr.pos);
      }
      return { field: records(expr).field, get: (g) => g.keys[i] ?? null };
    }
    const fn = expr.fn;
    if (expr.arg === null) return { field: aggregateField(fn, null, expr.text), get: (g) => g.rows.length };
    if (expr.arg.kind !== 'field') fail(env, `${fn}() takes a field`, expr.pos);
    const arg = records(expr.arg);
    checkAggregateArg(fn, arg.field, env.opts.soql, expr.pos);
    const key = expr.text.toUpperCase();
    return {
      field: aggregateField(fn, arg.field, expr.text),
      get: (g) => {
        if (!g.cache.has(key)) g.cache.set(key, computeAggregate(fn, arg.field, g.rows.map(arg.get)));
        return g.cache.get(key) ?? null;
      },
    };
  };
}

function groupRows(rows: StoredRecord[], keyGetters: Array<Operand<StoredRecord>>, single: boolean): Group[] {
  if (single) return [{ keys: [], rows, cache: new Map() }];
  const groups = new Map<string, Group>();
  for (const rec of rows) {
    const keys = keyGetters.map((k) => k.get(rec));
    const id = keys
      .map((v, i) => equalityKey((keyGetters[i] as Operand<StoredRecord>).field, v))
      .join('\u0001');
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { keys, rows: [], cache: new Map() }));
    group.rows.push(rec);
  }
  return [...groups.values()];
}

function selectColumns(env: QueryEnv, q: SoqlQuery, operand: (e: Expr) => Operand<Group>) {
  let unnamed = 0;
  const columns: Array<AggregateColumn & { get: (g: Group) => SfValue }> = [];
  for (const item of q.select) {
    if (item.kind !== 'expr')
      fail(
        env,
        "You can't use child relationship subqueries or FIELDS() with GROUP BY or aggregate functions",
        item.pos,
      );
    const { field, get } = operand(item.expr);
    const aggregate = item.expr.kind !== 'field';
    const name = item.alias ?? (aggregate ? `expr${unnamed++}` : field.name);
    const display = item.alias ?? (item.expr.kind === 'aggregate' ? item.expr.text : name);
    columns.push({ name, aggregate, field, display, get });
  }
  return columns;
}

export function runAggregateQuery(env: QueryEnv, def: ObjectDef, q: SoqlQuery): QueryResult {
  const soql = env.opts.soql;
  const records = recordOperand(env.store, def, q.fromAlias, soql);
  const keyGetters = q.groupBy.map((e) => {
    const o = records(e);
    if (!groupable(o.field))
      throw queryError(
        'INVALID_FIELD',
        `field '${o.field.name}' can not be grouped in a query call`,
        soql,
        e.pos,
      );
    return o;
  });
  const grouped = q.groupBy.map((e) => exprKey(env, def, q, e));
  const operand = groupOperand(env, def, q, grouped);
  const bare = q.select.find((s) => s.kind === 'expr' && s.expr.kind === 'aggregate' && s.expr.arg === null);
  if (bare && q.select.length > 1) fail(env, 'COUNT() must be the only element in the SELECT list', bare.pos);
  if (!bare && q.limit !== null && q.groupBy.length === 0)
    fail(env, 'A query with an aggregate function and a LIMIT clause must have a GROUP BY clause', q.fromPos);
  const predicate = q.where ? compileCondition(q.where, env.conditions(def, q.fromAlias)) : null;
  const rows = scanRows(env, def, predicate, candidateRows(env, def, q.fromAlias, q.where));
  if (bare) {
    const total = q.groupBy.length > 0 ? groupRows(rows, keyGetters, false).length : rows.length;
    return { kind: 'count', def, totalSize: Math.min(total, q.limit ?? total) };
  }
  const columns = selectColumns(env, q, operand);
  let groups = groupRows(rows, keyGetters, q.groupBy.length === 0);
  if (q.having)
    groups = groups.filter(
      compileCondition(q.having, {
        soql,
        now: env.store.clock,
        operand,
        semiJoin: () => fail(env, 'Semi-joins are not allowed in HAVING', q.fromPos),
      }),
    );
  groups = orderRows(
    groups,
    q.orderBy.map((o) => {
      const { field, get } = operand(o.expr);
      if (o.expr.kind !== 'aggregate') checkSortable(field, soql, o.expr.pos);
      return { field, get, descending: o.descending, nullsLast: o.nullsLast };
    }),
  );
  const offset = q.offset ?? 0;
  groups = groups.slice(offset, q.limit === null ? undefined : offset + q.limit);
  const out = groups.map((g) => Object.fromEntries(columns.map((c) => [c.name, c.get(g)])));
  return {
    kind: 'aggregate',
    def,
    columns: columns.map(({ name, aggregate, field, display }) => ({ name, aggregate, field, display })),
    rows: out,
    groupBy: q.groupBy.length > 0,
  };
}
