// Sync clean-up: deletes what the connector synced into Salesforce for a scope (children first, only
// records carrying the connector's upsert key, so hand-made records are left alone), then forgets the
// scope's watermark and failures, so the next session is a full one (seed 000, product-behaviours 1.4).
// A dry run (`cleanup --dry-run`) reads the same records and reports them per object (counts, a sample of
// ids, the full list as a file) without deleting, forgetting or writing anything.
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
import { bulkQuery } from '../salesforce/bulk-query.js';
import type { ObjectDiff } from '../compare/diff-types.js';
import { diffReport, writeDiffFile } from '../compare/diff-report.js';
import { dryRunFile } from './dry-run-finish.js';

interface SyncedRecords {
  readonly ids: string[];
  readonly keys: string[];
  readonly calls: number;
}

/** The records of one object that carry the connector's key: one Bulk API 2.0 query job, its calls counted. */
async function readSynced(deps: SyncDeps, object: string, key: string): Promise<SyncedRecords> {
  const ids: string[] = [];
  const keys: string[] = [];
  const cost = await bulkQuery(
    deps.salesforce,
    `SELECT Id, ${key} FROM ${object} WHERE ${key} != null`,
    (row) => {
      const id = row.Id ?? '';
      if (!/^[a-zA-Z0-9]{18}$/.test(id)) return;
      ids.push(id);
      keys.push(row[key] ?? '');
    },
    { minPollMs: deps.minPollMs ?? 50, maxPollMs: deps.maxPollMs ?? 2_000 },
  );
  return { ids, keys, calls: cost.calls };
}

/** Deletes the records of one object that carry the connector's key (Bulk query, then one delete job). */
async function cleanObject(deps: SyncDeps, object: string, found: SyncedRecords, counts: CountsBook) {
  const c = counts.of(object);
  c.read = found.ids.length;
  if (found.ids.length === 0) return;
  const outcome = await deleteByIds(deps, object, found.ids, undefined, async () => undefined);
  // A child already removed by its master's cascade is not a failure.
  const real = outcome.failures.filter(
    (f) => f.code !== 'ENTITY_IS_DELETED' && f.code !== 'INVALID_CROSS_REFERENCE_KEY',
  );
  c.deleted = outcome.succeeded;
  c.failed = real.length;
  deps.onProgress?.({ object, phase: 'deleted', records: outcome.succeeded, failed: real.length });
}

function wouldDelete(object: string, keyField: string, found: SyncedRecords): ObjectDiff {
  return {
    object,
    keyField,
    created: [],
    updated: [],
    unchanged: [],
    deleted: found.keys,
    deletedIds: found.ids,
    failed: [],
  };
}

/** The objects of the session's scope, children first, each with the key the connector upserts on. */
function cleanupPlan(deps: SyncDeps, found: SyncSession) {
  const scope = engineScopeOf(found);
  const maps = mapsInScope(scope, deps.maps);
  const keyOf = new Map(
    maps.map((m) => [m.salesforceObject, m.stableExternalId?.salesforce ?? m.externalId.salesforce]),
  );
  const objects = [...loadOrder({ scope, ...(deps.maps === undefined ? {} : { maps: deps.maps }) })]
    .reverse()
    .flat()
    .map((object) => ({ object, key: keyOf.get(object) ?? 'External_Id__c' }));
  return { maps, objects };
}

async function finishDryCleanup(
  deps: SyncDeps,
  session: SyncSession,
  diffs: readonly ObjectDiff[],
  calls: number,
  counts: CountsBook,
  started: number,
): Promise<SyncSession> {
  const file = dryRunFile(deps.spoolDir, session.id);
  const lines = await writeDiffFile(file, diffs);
  return transitionSession(deps.store, session.id, 'finished', {
    counts: {
      objects: { ...counts.objects },
      durationMs: Date.now() - started,
      salesforceCalls: calls,
      dryRun: diffReport(diffs, calls, lines > 0 ? file : null),
    },
  });
}

export async function runCleanupSession(deps: SyncDeps, sessionId: string): Promise<SyncSession> {
  const { store } = deps;
  const { session: found, stop } = await beginSession(store, sessionId);
  const started = Date.now();
  const counts = new CountsBook();
  const dryRun = found.params.dryRun === true;
  try {
    await assertSyncedOrg(deps);
    const { maps, objects } = cleanupPlan(deps, found);
    const diffs: ObjectDiff[] = [];
    let calls = 0;
    for (const { object, key } of objects) {
      const synced = await readSynced(deps, object, key);
      calls += synced.calls;
      if (!dryRun) await cleanObject(deps, object, synced, counts);
      else if (synced.ids.length > 0) {
        counts.of(object).read = synced.ids.length;
        diffs.push(wouldDelete(object, key, synced));
      }
    }
    if (dryRun) return await finishDryCleanup(deps, found, diffs, calls, counts, started);
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
