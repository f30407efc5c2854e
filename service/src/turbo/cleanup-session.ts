// Sync clean-up: deletes what the connector synced into Salesforce for a scope (children first, only
// records carrying the connector's upsert key, so hand-made records are left alone), then forgets the
// scope's watermark and failures, so the next session is a full one (seed 000, product-behaviours 1.4).
import { assertSyncedOrg } from '../sessions/org-guard.js';
import { loadOrder } from '../mapping/load-order.js';
import { mapsInScope } from '../mapping/object-maps.js';
import { engineScopeOf, transitionSession, type SyncSession } from '../sessions/session-rows.js';
import { clearWatermarks } from '../store/watermark-rows.js';
import { forgetFailures } from '../store/failed-record-rows.js';
import { failureObjectOf } from '../sessions/load-plan.js';
import { deleteByIds } from './delete-spooled.js';
import { beginSession, failSession } from '../sessions/session-lifecycle.js';
import type { SyncDeps } from '../sessions/sync-deps.js';
import { CountsBook } from '../sessions/session-counts.js';
import { writeSyncHistory } from '../sessions/sync-history.js';

/** Deletes the records of one object that carry the connector's key (Bulk query, then one delete job). */
async function cleanObject(deps: SyncDeps, object: string, key: string, counts: CountsBook): Promise<void> {
  const ids: string[] = [];
  const records = await deps.salesforce.bulk2.query(`SELECT Id FROM ${object} WHERE ${key} != null`, {
    pollInterval: deps.minPollMs ?? 100,
    pollTimeout: 30 * 60_000,
  });
  // jsforce 3.10 parses every result page as one CSV, so later pages' header rows come back as
  // records: keep only real Ids.
  for await (const record of records) {
    const id = (record as { Id?: unknown }).Id;
    if (typeof id === 'string' && /^[a-zA-Z0-9]{18}$/.test(id)) ids.push(id);
  }
  const c = counts.of(object);
  c.read = ids.length;
  if (ids.length === 0) return;
  const outcome = await deleteByIds(deps, object, ids, undefined, async () => undefined);
  // A child already removed by its master's cascade is not a failure.
  const real = outcome.failures.filter(
    (f) => f.code !== 'ENTITY_IS_DELETED' && f.code !== 'INVALID_CROSS_REFERENCE_KEY',
  );
  c.deleted = outcome.succeeded;
  c.failed = real.length;
  deps.onProgress?.({ object, phase: 'deleted', records: outcome.succeeded, failed: real.length });
}

export async function runCleanupSession(deps: SyncDeps, sessionId: string): Promise<SyncSession> {
  const { store } = deps;
  const { session: found, stop } = await beginSession(store, sessionId);
  const started = Date.now();
  const counts = new CountsBook();
  try {
    await assertSyncedOrg(deps);
    const scope = engineScopeOf(found);
    const maps = mapsInScope(scope, deps.maps);
    const keyOf = new Map(
      maps.map((m) => [m.salesforceObject, m.stableExternalId?.salesforce ?? m.externalId.salesforce]),
    );
    for (const group of [
      ...loadOrder({ scope, ...(deps.maps === undefined ? {} : { maps: deps.maps }) }),
    ].reverse())
      for (const object of group)
        await cleanObject(deps, object, keyOf.get(object) ?? 'External_Id__c', counts);
    const done = await store.transaction(async (tx) => {
      await clearWatermarks(tx, found.scope, found.entityId);
      await forgetFailures(
        tx,
        found.entityId,
        maps.flatMap((m) => [m.salesforceObject, failureObjectOf(m.salesforceObject, 'deferred')]),
      );
      return transitionSession(tx, sessionId, counts.failed > 0 ? 'finished_with_errors' : 'finished', {
        counts: { objects: { ...counts.objects }, durationMs: Date.now() - started },
      });
    });
    await writeSyncHistory(deps, done, counts.objects).catch(() => undefined);
    return done;
  } catch (error) {
    return await failSession(deps, sessionId, error, counts.objects);
  } finally {
    stop();
  }
}
