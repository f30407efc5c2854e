// Children of records that failed, treated as Turbo Sync treats them (hold-back-orphans.ts): a record whose
// parent has an open failure (and is not re-sent now) or failed to map in this run is not sent, and one whose
// parent's write failed in this run has its foreign-key error recorded as such. Both become PARENT_FAILED
// failures naming the parent (`Object:key` in error_fields), which the next Turbo session sends again once
// that parent has synced (failed-record-rows.ts, openFailures).
import { objectMaps } from '../mapping/object-maps.js';
import type { Queryable } from '../store/store.js';
import { parentFailedCode } from '../mapping/record-rules.js';
import type { RecordOutcome } from './api-sync-types.js';
import type { PreparedObject, PreparedRecord } from './prepare-writes.js';

interface Relationship {
  readonly relationship: string;
  readonly target: string;
}

/** The external-id relationships of a Salesforce object (self references excluded). */
function relationshipsOf(object: string): Relationship[] {
  return objectMaps
    .filter((m) => m.salesforceObject === object)
    .flatMap((m) => m.references)
    .filter((r) => r.via !== 'Id' && r.target !== object)
    .map((r) => ({ relationship: r.salesforce, target: r.target }));
}

function parentKeys(
  record: PreparedRecord,
  rels: readonly Relationship[],
): { target: string; key: string }[] {
  return rels.flatMap((r) => {
    const nested = record.json[r.relationship];
    if (nested === null || typeof nested !== 'object') return [];
    // One key: the target's External ID field the mapper chose (SubscriptionNumber__c for stable subscriptions).
    const value = Object.values(nested as Record<string, unknown>)[0];
    return typeof value === 'string' && value !== '' ? [{ target: r.target, key: value }] : [];
  });
}

/** Failure `fields` per outcome: the parent a PARENT_FAILED outcome waits for. */
export type ParentOf = WeakMap<RecordOutcome, string>;

function heldOutcome(
  p: PreparedObject,
  r: PreparedRecord,
  parent: { target: string; key: string },
): RecordOutcome {
  return {
    zuoraObject: p.zuoraObject,
    salesforceObject: p.object,
    zuoraId: r.zuoraId,
    externalId: r.key,
    salesforceId: null,
    operation: 'upsert',
    success: false,
    errorCode: parentFailedCode,
    errorMessage: `not sent: its ${parent.target} ${parent.key} failed to sync; it is sent again once that record syncs`,
    zuoraUpdatedAt: r.zuoraUpdatedAt,
    committedAt: null,
    ownerZuoraId: r.ownerZuoraId,
  };
}

/**
 * Takes out of `ordered` (load order) the records whose parent failed before this run and is not re-sent,
 * or failed to map now; answers their outcomes and the objects left to send.
 */
export async function holdBackChildren(
  db: Queryable,
  entityId: string,
  ordered: readonly PreparedObject[],
  earlier: readonly RecordOutcome[],
  parentOf: ParentOf,
): Promise<{ objects: PreparedObject[]; held: RecordOutcome[] }> {
  const failed = new Map<string, Set<string>>();
  const mark = (object: string, key: string) => {
    const set = failed.get(object) ?? new Set<string>();
    set.add(key);
    failed.set(object, set);
  };
  for (const o of earlier) if (!o.success) mark(o.salesforceObject, o.externalId);
  const sent = new Map(ordered.map((p) => [p.object, new Set(p.upserts.map((r) => r.key))]));
  // Open failures in the store, for the parents referenced here that this run does not send.
  const wanted = new Map<string, Set<string>>();
  for (const p of ordered) {
    const rels = relationshipsOf(p.object);
    if (rels.length === 0) continue;
    for (const r of p.upserts) {
      for (const parent of parentKeys(r, rels)) {
        if (sent.get(parent.target)?.has(parent.key) === true) continue;
        const set = wanted.get(parent.target) ?? new Set<string>();
        set.add(parent.key);
        wanted.set(parent.target, set);
      }
    }
  }
  for (const [object, keys] of wanted) {
    const rows = await db.query<{ external_id: string }>(
      `SELECT external_id FROM failed_records
        WHERE salesforce_object = $1 AND entity_id = $2 AND resolved_at IS NULL AND external_id = ANY($3::text[])`,
      [object, entityId, [...keys]],
    );
    for (const row of rows) mark(object, row.external_id);
  }
  const held: RecordOutcome[] = [];
  const objects = ordered.map((p): PreparedObject => {
    const rels = relationshipsOf(p.object);
    if (rels.length === 0) return p;
    const keep: PreparedRecord[] = [];
    for (const r of p.upserts) {
      const parent = parentKeys(r, rels).find((x) => failed.get(x.target)?.has(x.key) === true);
      if (parent === undefined) {
        keep.push(r);
        continue;
      }
      const outcome = heldOutcome(p, r, parent);
      parentOf.set(outcome, `${parent.target}:${parent.key}`);
      held.push(outcome);
      // Its own children wait for it in turn (parents come first in load order).
      mark(p.object, r.key);
    }
    if (keep.length === p.upserts.length) return p;
    const keptKeys = new Set(keep.map((r) => r.key));
    return { ...p, upserts: keep, deferred: p.deferred.filter((d) => keptKeys.has(d.key)) };
  });
  return { objects, held };
}

/** Foreign-key refusals caused by a parent whose write failed in this run, recorded as PARENT_FAILED. */
export function attributeParentFailures(
  ordered: readonly PreparedObject[],
  outcomes: RecordOutcome[],
  parentOf: ParentOf,
): void {
  const failed = new Map<string, Set<string>>();
  for (const o of outcomes) {
    if (o.success) continue;
    const set = failed.get(o.salesforceObject) ?? new Set<string>();
    set.add(o.externalId);
    failed.set(o.salesforceObject, set);
  }
  const records = new Map(ordered.map((p) => [p.object, new Map(p.upserts.map((r) => [r.key, r]))]));
  outcomes.forEach((o, i) => {
    if (o.success || o.operation !== 'upsert' || o.errorCode === parentFailedCode) return;
    const record = records.get(o.salesforceObject)?.get(o.externalId);
    if (record === undefined) return;
    const parent = parentKeys(record, relationshipsOf(o.salesforceObject)).find(
      (x) => failed.get(x.target)?.has(x.key) === true,
    );
    if (parent === undefined) return;
    const replaced: RecordOutcome = {
      ...o,
      errorCode: parentFailedCode,
      errorMessage: `its ${parent.target} ${parent.key} failed to sync (${o.errorCode ?? 'error'}: ${o.errorMessage ?? ''}); it is sent again once that record syncs`,
    };
    parentOf.set(replaced, `${parent.target}:${parent.key}`);
    outcomes[i] = replaced;
  });
}
