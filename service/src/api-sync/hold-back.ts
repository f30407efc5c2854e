// Before a Composite pass: the records whose parent has an open failure (and is not sent again in the same
// pass) are taken out, in load order, so a record held makes its own children wait in turn. The writer
// (composite-writer.ts) and the on-demand dry run's comparison (compare-writer.ts) hold back the same records.
import { failedParent, parentFailure, waitsFor, type ParentRef } from '../mapping/parent-rules.js';
import { openFailureKeys } from '../store/failed-record-rows.js';
import type { Queryable } from '../store/store.js';
import type { PreparedDelete, PreparedObject, PreparedRecord } from './composite-writer.js';

export interface HeldRecord {
  readonly object: PreparedObject;
  readonly record: PreparedRecord;
  readonly parents: readonly ParentRef[];
  readonly failure: ReturnType<typeof parentFailure>;
}

export interface HoldBack {
  readonly held: HeldRecord[];
  readonly kept: { readonly object: PreparedObject; readonly records: PreparedRecord[] }[];
}

export function recordsOf(
  p: PreparedObject,
  pass: 'upsert' | 'deferred' | 'delete',
): readonly PreparedDelete[] {
  return pass === 'upsert' ? p.upserts : pass === 'deferred' ? p.deferred : p.deletes;
}

/** Takes out the records whose parent failed before this pass (or is held in it), in load order. */
export async function holdBack(
  store: Queryable,
  entityId: string,
  pass: 'upsert' | 'deferred',
  ordered: readonly PreparedObject[],
): Promise<HoldBack> {
  // In the upsert pass a parent sent again may load now; by the deferred pass every upsert has settled.
  const sent = new Map(
    pass === 'deferred' ? [] : ordered.map((p) => [p.object, new Set(p.upserts.map((r) => r.key))]),
  );
  const failed = await failedParents(store, entityId, pass, ordered, sent);
  const held: HeldRecord[] = [];
  const kept = ordered.map((p) => {
    const records: PreparedRecord[] = [];
    for (const r of pass === 'upsert' ? p.upserts : p.deferred) {
      const parents = waitsFor(p.map, pass, { column: p.keyField, value: r.key }, r.row);
      const parent = failedParent(parents, (target, key) => failed.get(target)?.has(key) === true);
      if (parent === undefined) {
        records.push(r);
        continue;
      }
      held.push({ object: p, record: r, parents, failure: parentFailure(parent) });
      // Its own children wait for it in turn (parents come first in load order).
      failed.set(p.object, (failed.get(p.object) ?? new Set<string>()).add(r.key));
    }
    return { object: p, records };
  });
  return { held, kept: kept.filter((k) => k.records.length > 0) };
}

/** Parents referenced in this pass with an open failure, not sent again in it. */
async function failedParents(
  store: Queryable,
  entityId: string,
  pass: 'upsert' | 'deferred',
  ordered: readonly PreparedObject[],
  sent: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<Map<string, Set<string>>> {
  const wanted = new Map<string, Set<string>>();
  for (const p of ordered)
    for (const r of recordsOf(p, pass))
      for (const parent of waitsFor(
        p.map,
        pass,
        { column: p.keyField, value: r.key },
        (r as PreparedRecord).row,
      )) {
        if (sent.get(parent.target)?.has(parent.key) === true) continue;
        wanted.set(parent.target, (wanted.get(parent.target) ?? new Set<string>()).add(parent.key));
      }
  const failed = new Map<string, Set<string>>();
  for (const [object, keys] of wanted)
    failed.set(object, await openFailureKeys(store, object, entityId, [...keys]));
  return failed;
}
