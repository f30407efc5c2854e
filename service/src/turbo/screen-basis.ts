// What a spool part is screened against (turbo/screen-part.ts): the open failures a row may wait on, read once
// per part before any of it is read or sent; screen-judge.ts decides each row against them.
import { textHash } from '../csv/text-hash.js';
import type { ObjectMap } from '../mapping/field-map.js';
import { waitsForAt, type ParentColumnAt } from '../mapping/parent-rules.js';
import { keyIsZuoraId, parentFailedCode } from '../mapping/record-rules.js';
import type { FailedRecordInput } from '../store/failed-record-rows.js';
import { openFailureKeySet } from '../store/held-keys.js';
import type { KeySet } from '../store/key-set.js';
import type { SharedKeySets } from '../store/shared-key-sets.js';
import type { Queryable } from '../store/store.js';

export interface ScreenedPart {
  /** Rows held back now because a parent failed, as failures (to store). */
  readonly held: FailedRecordInput[];
  /** Keys left in the part that have an open failure under `failureObject`: resolved once they load. */
  readonly resolvable: string[];
  /** Record numbers (the header is 0) not to send: the rows held now and those `sessionId` stored as held. */
  readonly leftOut: Set<number>;
}

export interface ScreenTarget {
  readonly map: ObjectMap | undefined;
  readonly stream: string;
  readonly entityId: string;
  readonly failureObject: string;
  readonly pass: 'upsert' | 'deferred';
  readonly sessionId?: string | undefined;
  /** Parent failure sets shared with the parts screened at the same time (see `parentFailures`). */
  readonly parentSets?: SharedKeySets;
}

/** What a part is screened against; undefined when nothing can apply (no failed parent, no open failure). */
export interface ScreenBasis {
  readonly target: ScreenTarget;
  /** The parent columns whose targets have open failures, and those failures. */
  readonly waits: readonly ParentColumnAt[];
  readonly failed: ReadonlyMap<string, KeySet>;
  /** The part's object's own open failures; marked, those `sessionId` stored as held (left out again). */
  readonly own: KeySet;
  readonly zuoraIdKeys: boolean;
}

export async function screenBasis(
  db: Queryable,
  header: readonly string[],
  target: ScreenTarget,
): Promise<ScreenBasis | undefined> {
  const { map, entityId, failureObject, sessionId } = target;
  const all = map === undefined ? [] : waitsForAt(map, target.pass, header);
  // The open failures of each object a row may wait for, as compact key sets (store/key-set.ts).
  const failed = new Map<string, KeySet>();
  for (const parent of new Set(all.map((w) => w.target))) {
    const keys = await parentFailures(db, parent, target);
    if (keys.size > 0) failed.set(parent, keys);
  }
  // Rows held before are open failures of their own, read with them and marked.
  const held = sessionId === undefined ? undefined : { sessionId, code: parentFailedCode };
  const own = await openFailureKeySet(db, failureObject, entityId, textHash, held);
  if (map === undefined || (failed.size === 0 && own.size === 0)) return undefined;
  // A column whose target has no open failure cannot hold a row back: it is never read.
  const waits = all.filter((w) => failed.has(w.target));
  return { target, waits, failed, own, zuoraIdKeys: keyIsZuoraId(map, header[0] ?? '') };
}

/**
 * A parent's open failures. Shared with other parts when the parent is another object referenced only as a
 * parent (never deferred): it loaded before this part's object started (sessions/load-plan.ts `waitsFor`, the
 * passes one after another), so its failures no longer change while the part's object loads.
 */
function parentFailures(db: Queryable, parent: string, target: ScreenTarget): Promise<KeySet> {
  const read = () => openFailureKeySet(db, parent, target.entityId, textHash);
  const { map, parentSets } = target;
  const stable =
    map !== undefined &&
    parent !== map.salesforceObject &&
    !map.references.some((r) => r.target === parent && r.deferred === true);
  if (parentSets === undefined || !stable) return read();
  return parentSets.get(`${target.pass} ${target.entityId} ${parent}`, read);
}
