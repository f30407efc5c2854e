// Grouping and aggregates (Export ZOQL and SQL): each row of the result is one group, keyed on the group by
// fields, with count/sum/avg/min/max computed over its records. Every selected field must be grouped or
// aggregated ("One or more columns in the SELECT statement does not appear in the GROUP BY statement.").
// https://docs.zuora.com/en/zuora-platform/data/legacy-query-methods/export-zoql/export-zoql-clauses ;
// https://docs.zuora.com/en/zuora-platform/data/legacy-query-methods/export-zoql/export-zoql-select-statements/aggregate-functions
import { fieldType, isNumeric, type FieldType } from '../model/field-types.js';
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import type { TenantStore } from '../store/tenant-store.js';
import type { ObjectName } from '../model/object-definitions.js';
import { compareValues } from './compare-values.js';
import { compileFilter, type Operand, type Predicate } from './compile-filter.js';
import { fieldGetter, type Getter } from './field-paths.js';
import { QueryError } from './query-error.js';
import { aggregateText, aggregateType, type Column } from './select-columns.js';
import type { AggregateCall, Expr, FieldRef, OrderKey } from './zoql-ast.js';
import type { Dialect } from './zoql-lexer.js';

export interface Group {
  first: ZRecord;
  values: Map<string, FieldValue>;
}

interface Aggregator {
  key: string;
  call: AggregateCall;
  get: Getter | null;
  start(): (r: ZRecord | null) => FieldValue;
}

export interface GroupPlan {
  keys: Getter[];
  aggregators: Aggregator[];
  having: Predicate<Group> | null;
  order: { operand: Operand<Group>; desc: boolean }[];
}

const groupMismatch =
  'One or more columns in the SELECT statement does not appear in the GROUP BY statement.';

function accumulator(call: AggregateCall, get: Getter | null): () => (r: ZRecord | null) => FieldValue {
  return () => {
    let count = 0;
    let sum = 0;
    let best: FieldValue = null;
    const distinct = new Set<string>();
    return (r) => {
      if (r !== null) {
        const v = get === null ? true : get(r);
        if (v !== null && v !== '') {
          count += 1;
          if (call.distinct) distinct.add(String(v));
          if (call.fn === 'sum' || call.fn === 'avg') sum += Number(v);
          const c = best === null ? -1 : compareValues(v, best);
          if (
            (call.fn === 'min' && (best === null || (c !== null && c < 0))) ||
            (call.fn === 'max' && (best === null || (c !== null && c > 0)))
          )
            best = v;
        }
      }
      if (call.fn === 'count') return call.distinct ? distinct.size : count;
      if (call.fn === 'sum') return count === 0 ? null : Math.round(sum * 1e9) / 1e9;
      if (call.fn === 'avg') return count === 0 ? null : Math.round((sum / count) * 1e9) / 1e9;
      return best;
    };
  };
}

export function buildGroupPlan(
  store: TenantStore,
  object: ObjectName,
  dialect: Dialect,
  parts: { columns: Column[]; groupBy: FieldRef[]; having: Expr | null; orderBy: OrderKey[] },
): GroupPlan {
  const joins = dialect === 'export';
  const groupFields = parts.groupBy.map((g) => fieldGetter(store, object, g.ref, joins));
  const grouped = new Set(groupFields.map((g) => g.label.toLowerCase()));
  const aggregators = new Map<string, Aggregator>();
  const aggregate = (call: AggregateCall): { key: string; type: FieldType } => {
    const arg = call.arg === null ? null : fieldGetter(store, object, call.arg.ref, joins);
    const argType = arg === null ? null : fieldType(arg.target, arg.field);
    if ((call.fn === 'sum' || call.fn === 'avg') && argType !== null && !isNumeric(argType))
      throw new QueryError(
        'value',
        `${call.fn}() supports only numeric values; ${call.arg?.ref ?? ''} is a ${argType}`,
      );
    const key = aggregateText(call).toLowerCase();
    if (!aggregators.has(key))
      aggregators.set(key, {
        key,
        call,
        get: arg?.getter ?? null,
        start: accumulator(call, arg?.getter ?? null),
      });
    return { key, type: aggregateType(call, argType) };
  };
  for (const c of parts.columns) {
    if (c.aggregate !== null) aggregate(c.aggregate);
    else if (!grouped.has(c.label.toLowerCase())) throw new QueryError('syntax', groupMismatch);
  }
  const resolve = (v: FieldRef | AggregateCall): Operand<Group> => {
    if (v.kind === 'aggregate') {
      const { key, type } = aggregate(v);
      return { get: (g) => g.values.get(key) ?? null, type, name: aggregateText(v) };
    }
    const f = fieldGetter(store, object, v.ref, joins);
    if (!grouped.has(f.label.toLowerCase())) throw new QueryError('syntax', groupMismatch);
    return { get: (g) => f.getter(g.first), type: fieldType(f.target, f.field), name: f.label };
  };
  const having = parts.having === null ? null : compileFilter<Group>(parts.having, resolve, dialect);
  const order = parts.orderBy.map((k) => ({ operand: resolve(k.value), desc: k.desc }));
  return { keys: groupFields.map((g) => g.getter), aggregators: [...aggregators.values()], having, order };
}

/** Groups the matching records; with no group by fields, every record falls in one group (even none). */
export function groupRecords(plan: GroupPlan, records: Iterable<ZRecord>): Group[] {
  const groups = new Map<string, { first: ZRecord; feed: ((r: ZRecord | null) => FieldValue)[] }>();
  for (const r of records) {
    const key = plan.keys.map((k) => JSON.stringify(k(r))).join('\u0000');
    let g = groups.get(key);
    if (g === undefined) {
      g = { first: r, feed: plan.aggregators.map((a) => a.start()) };
      groups.set(key, g);
    }
    for (const f of g.feed) f(r);
  }
  if (groups.size === 0 && plan.keys.length === 0) {
    groups.set('', {
      first: { Id: '', CreatedDate: '', UpdatedDate: '' },
      feed: plan.aggregators.map((a) => a.start()),
    });
  }
  return [...groups.values()].map((g) => ({
    first: g.first,
    values: new Map(plan.aggregators.map((a, i) => [a.key, (g.feed[i] as (r: null) => FieldValue)(null)])),
  }));
}
