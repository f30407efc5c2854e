import type { ObjectDef } from '../schema/schema-types.js';
import type { RecordStore } from '../store/record-store.js';
import type { StoredRecord } from '../store/sf-error.js';
import type { ConditionContext } from './compile-condition.js';
import { checkSortable, type SortKey } from './order-rows.js';
import type { RunOptions } from './query-result.js';
import { recordOperand } from './record-operand.js';
import type { SoqlQuery } from './soql-ast.js';
import { queryError } from './soql-error.js';

// What every part of a running query shares: the store, the options, and how to compile a condition
// on an object (semi-joins run nested queries, so the caller that can run queries provides it).

export interface QueryEnv {
  store: RecordStore;
  opts: RunOptions;
  conditions: (def: ObjectDef, alias: string | null) => ConditionContext<StoredRecord>;
}

/** "The maximum offset is 2,000 rows. Requesting an offset greater than 2,000 results in a NUMBER_OUTSIDE_VALID_RANGE error." */
export const MAX_OFFSET = 2000;

export function checkOffset(q: SoqlQuery, soql: string): void {
  if (q.offset !== null && q.offset > MAX_OFFSET) {
    throw queryError(
      'NUMBER_OUTSIDE_VALID_RANGE',
      `Maximum SOQL offset allowed is ${MAX_OFFSET}`,
      soql,
      q.offsetPos,
    );
  }
}

export function sortKeys(env: QueryEnv, def: ObjectDef, q: SoqlQuery): Array<SortKey<StoredRecord>> {
  const operand = recordOperand(env.store, def, q.fromAlias, env.opts.soql);
  return q.orderBy.map((o) => {
    const { field, get } = operand(o.expr);
    checkSortable(field, env.opts.soql, o.expr.pos);
    return { field, get, descending: o.descending, nullsLast: o.nullsLast };
  });
}

/**
 * Records of `def` (and the recycle bin for queryAll) that pass `predicate`, in insertion order. `candidates`
 * (indexed-rows.ts): live rows known to hold every match, read instead of the whole table.
 */
export function scanRows(
  env: QueryEnv,
  def: ObjectDef,
  predicate: ((rec: StoredRecord) => boolean) | null,
  candidates: readonly number[] | null = null,
): StoredRecord[] {
  const table = env.store.table(def);
  const rows: StoredRecord[] = [];
  const live = candidates === null ? table.live.values() : table.live.readRows(candidates);
  for (const rec of live) if (!predicate || predicate(rec)) rows.push(rec);
  if (env.opts.includeDeleted)
    for (const rec of table.deleted.values()) if (!predicate || predicate(rec)) rows.push(rec);
  return rows;
}
