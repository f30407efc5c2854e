import { isIdLike } from '../schema/field-capabilities.js';
import type { ObjectDef } from '../schema/schema-types.js';
import { bindPath, type BoundPath } from './bind-path.js';
import { equalityKey, filterValue } from './filter-value.js';
import type { QueryEnv } from './query-env.js';
import type { Condition } from './soql-ast.js';

// Which rows a WHERE can match, from the Id and reference-field look-ups among its top-level AND-ed
// conditions (`Id IN (...)`, `OrderId = '...'`, `SBQQ__OrderItem__r.OrderId IN (...)`), so that a query
// costs what it returns rather than a pass over the whole table. Only a narrowing: the rows found are
// still filtered by the whole WHERE and then ordered and cut as a scan's would be (run-query.ts), so the
// answer is the scan's. A path is followed parent by parent: the parents that match, then the rows whose
// reference holds one of them (as pathGetter reads a parent: the live record of that Id in the target).
// Conditions the look-ups cannot answer (ranges, LIKE, NOT, OR, negated or null-holding IN, semi-joins,
// text fields) leave the scan as it was.

/** The equality keys an Id or reference condition asks for, and its bound path; null: not a look-up. */
function lookup(env: QueryEnv, def: ObjectDef, alias: string | null, c: Condition) {
  if (c.kind !== 'compare' && c.kind !== 'in') return null;
  if (c.left.kind !== 'field') return null;
  const literals = c.kind === 'compare' ? (c.op === '=' ? [c.value] : null) : c.negated ? null : c.values;
  if (!Array.isArray(literals) || literals.some((l) => l.kind === 'null')) return null;
  const path = bindPath(env.store.schema, def, c.left, env.opts.soql, alias);
  if (!isIdLike(path.field)) return null;
  const keys = literals.map((l) => equalityKey(path.field, filterValue(path.field, l, env.opts.soql)));
  return { path, keys };
}

/** Rows of `def` whose `path` may read one of `keys`, or null when a table on the way has no index. */
function rowsOnPath(env: QueryEnv, def: ObjectDef, path: BoundPath, keys: string[]): number[] | null {
  const hops = path.hops;
  const last = hops.length === 0 ? def : (hops[hops.length - 1]?.target as ObjectDef);
  let rows = env.store.table(last).live.rowsWith(path.field.name, keys);
  for (let i = hops.length - 1; i >= 0 && rows !== null; i -= 1) {
    const hop = hops[i];
    if (hop === undefined) return null;
    const parentIds = env.store.table(hop.target).live.idsOf(rows);
    const owner = i === 0 ? def : (hops[i - 1]?.target as ObjectDef);
    rows = env.store.table(owner).live.rowsWith(hop.field.name, parentIds);
  }
  return rows;
}

/** The rows the WHERE's top-level look-ups allow (the fewest of them), or null: scan the table. */
export function candidateRows(
  env: QueryEnv,
  def: ObjectDef,
  alias: string | null,
  where: Condition | null,
): number[] | null {
  if (where === null) return null;
  const parts = where.kind === 'and' ? where.parts : [where];
  let best: number[] | null = null;
  for (const part of parts) {
    const found = lookup(env, def, alias, part);
    if (found === null) continue;
    const rows = rowsOnPath(env, def, found.path, found.keys);
    if (rows !== null && (best === null || rows.length < best.length)) best = rows;
  }
  return best;
}
