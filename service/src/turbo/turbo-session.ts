// A Turbo Sync session from start to end: extract (one AQuA job) -> spool -> load in dependency order
// (Bulk API 2.0, independent objects in parallel) -> deferred references -> deletions (children first)
// -> failures stored -> watermark -> Sync_History__c. Every stage checkpoints, so a session that crashed
// resumes where it stopped and re-sends at most the one job per object that was in flight.
import { join } from 'node:path';
import { loadOrder } from '../mapping/load-order.js';
import { mapsInScope } from '../mapping/object-maps.js';
import { readCheckpoints, writeCheckpoint, type Checkpoint } from '../sessions/checkpoint-rows.js';
import { recordFailures, resolveFailures } from '../store/failed-record-rows.js';
import { transitionSession, type SyncSession } from '../sessions/session-rows.js';
import { fullSyncStart, readWatermark, writeWatermark } from '../store/watermark-rows.js';
import { CsvSpool, type SpoolPass } from './csv-spool.js';
import { deleteSpooled } from './delete-spooled.js';
import { extractToSpool } from './extract-to-spool.js';
import { screenPart } from './hold-back-orphans.js';
import { loadObject } from './load-object.js';
import { collectionsSessionLimit, loadPartByCollections } from './load-part-collections.js';
import { ApiBudgetExhaustedError } from '../salesforce/api-budget.js';
import { backfillStreams, planStreams, type BackfillSpec } from '../mapping/stream-plan.js';
import type { SyncDeps } from '../sessions/sync-deps.js';
import { writeSyncHistory, type ObjectCounts } from '../sessions/sync-history.js';
import { beginSession, failSession } from '../sessions/session-lifecycle.js';
import { upsertBillingEntity } from './billing-entity.js';

/** Incremental windows start a little before the last mark; upserts make the overlap harmless. */
const overlapMs = 5 * 60_000;
const parallelLoads = 3;

async function inParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

export async function runTurboSession(deps: SyncDeps, sessionId: string): Promise<SyncSession> {
  const { store } = deps;
  const now = deps.now ?? (() => new Date());
  const { session, stop } = await beginSession(store, sessionId);
  const started = Date.now();
  const calls = { zuora: deps.zuora.calls };

  try {
    const checkpoints = await readCheckpoints(store, sessionId);
    const spool = new CsvSpool(join(deps.spoolDir, sessionId), deps.spoolPartBytes);
    const backfill =
      session.trigger === 'backfill'
        ? ((session.params.backfill as BackfillSpec | undefined) ?? {})
        : undefined;
    const streams =
      backfill === undefined
        ? planStreams(session.scope)
        : backfillStreams(planStreams(session.scope), backfill);
    const maps = mapsInScope(session.scope);
    const streamOf = new Map(maps.map((m) => [m.salesforceObject, m.zuoraObject]));
    const mapOf = new Map(maps.map((m) => [m.salesforceObject, m]));
    const context = {
      schema: deps.schema,
      ...(session.entityId === '' ? {} : { entityId: session.entityId }),
      subscriptionIdentity:
        session.params.subscriptionIdentity === 'version' ? ('version' as const) : ('number' as const),
    };
    const counts: Record<string, ObjectCounts> = {};
    const countsOf = (object: string): ObjectCounts =>
      (counts[object] ??= { read: 0, written: 0, created: 0, failed: 0, deleted: 0 });

    // 0. Multi-entity: the session's BillingEntity__c (which catalog records reference), checked first so an
    // entity the tenant does not have fails the session by name before anything is read.
    if (session.entityId !== '') {
      const c = countsOf('BillingEntity__c');
      const cp = checkpoints.get('billing-entity');
      if (cp?.phase !== 'done') {
        const write = await upsertBillingEntity(deps, session.entityId);
        await writeCheckpoint(store, sessionId, 'billing-entity', {
          phase: 'done',
          recordsRead: 1,
          recordsWritten: 1,
          cursor: { created: write.created },
        });
        c.created += write.created ? 1 : 0;
      } else c.created += cp.cursor?.created === true ? 1 : 0;
      c.read = 1;
      c.written = 1;
    }

    // 1. Extract.
    const extract = checkpoints.get('extract');
    let windowEnd: Date;
    if (extract?.phase === 'done') {
      windowEnd = new Date(typeof extract.cursor?.windowEnd === 'string' ? extract.cursor.windowEnd : now());
      restoreReadCounts(extract, maps, countsOf);
    } else {
      const savedEnd = extract?.cursor?.windowEnd;
      windowEnd = typeof savedEnd === 'string' ? new Date(savedEnd) : now();
      const mark =
        session.mode === 'full' ? undefined : await readWatermark(store, session.scope, session.entityId);
      const since = mark === undefined ? fullSyncStart : new Date(mark.getTime() - overlapMs);
      spool.clear();
      const saved = extract?.cursor ?? {};
      const jobIds: { main?: string; retry?: string } = {
        ...(typeof saved.aquaJobId === 'string' ? { main: saved.aquaJobId } : {}),
        ...(typeof saved.retryJobId === 'string' ? { retry: saved.retryJobId } : {}),
      };
      const cursor: Record<string, unknown> = {
        windowEnd: windowEnd.toISOString(),
        since: since.toISOString(),
      };
      if (jobIds.main !== undefined) cursor.aquaJobId = jobIds.main;
      if (jobIds.retry !== undefined) cursor.retryJobId = jobIds.retry;
      const summary = await extractToSpool(deps, spool, {
        sessionId,
        scope: session.scope,
        entityId: session.entityId,
        since,
        streams,
        context,
        aquaJobIds: jobIds,
        ...(backfill === undefined ? {} : { backfill }),
        onJobSubmitted: async (kind, id) => {
          cursor[kind === 'main' ? 'aquaJobId' : 'retryJobId'] = id;
          await writeCheckpoint(store, sessionId, 'extract', { phase: 'extracting', cursor });
        },
      });
      await recordFailures(store, sessionId, summary.failures);
      const read: Record<string, number> = {};
      for (const map of maps) read[map.salesforceObject] = summary.read[map.salesforceObject] ?? 0;
      const mappingFailures: Record<string, number> = {};
      for (const f of summary.failures)
        mappingFailures[f.salesforceObject] = (mappingFailures[f.salesforceObject] ?? 0) + 1;
      await writeCheckpoint(store, sessionId, 'extract', {
        phase: 'done',
        cursor: {
          windowEnd: windowEnd.toISOString(),
          since: since.toISOString(),
          read,
          mappingFailures,
          skipped: summary.skipped,
        },
        recordsRead: Object.values(summary.read).reduce((a, b) => a + b, 0),
        recordsFailed: summary.failures.length,
      });
      restoreReadCounts({ cursor: { read, mappingFailures } }, maps, countsOf);
    }

    // 2. Load: parents before children, independent objects side by side; then the deferred references.
    const load = async (object: string, pass: SpoolPass): Promise<void> => {
      if (!spool.has(object, pass)) return;
      const c = countsOf(object);
      const stream = streamOf.get(object) ?? object;
      if (pass === 'delete') {
        const name = `delete:${object}`;
        const cp = checkpoints.get(name);
        if (cp?.phase === 'done') {
          c.deleted += cp.recordsWritten;
          return;
        }
        const deleted = await deleteSpooled(deps, spool, object, cp?.bulkJobId ?? undefined, (jobId) =>
          writeCheckpoint(store, sessionId, name, { phase: 'loading', bulkJobId: jobId }),
        );
        c.deleted += deleted.deleted;
        await writeCheckpoint(store, sessionId, name, { phase: 'done', recordsWritten: deleted.deleted });
        deps.onProgress?.({ object, phase: 'deleted', records: deleted.deleted, failed: 0 });
        return;
      }
      // One Bulk job per spool part (each under the 100 MB upload limit), each checkpointed on its own.
      for (const part of spool.parts(object, pass)) await loadPart(object, pass, part, c, stream);
    };

    // Sessions with few records load through Composite calls: a Bulk job costs about 8 API calls however small.
    const smallSession = Object.values(counts).reduce((n, c) => n + c.read, 0) <= collectionsSessionLimit;
    const loadPart = async (
      object: string,
      pass: SpoolPass,
      part: number,
      c: ObjectCounts,
      stream: string,
    ): Promise<void> => {
      const name = part === 0 ? `${pass}:${object}` : `${pass}:${object}:${String(part)}`;
      const cp = checkpoints.get(name);
      if (cp?.phase === 'done') {
        if (pass === 'upsert') {
          c.written += cp.recordsWritten;
          c.failed += cp.recordsFailed;
          c.created += Number(cp.cursor?.created ?? 0);
        }
        return;
      }
      const file = spool.path(object, pass, part);
      const keyField = spool.header(object, pass, part)[0] ?? '';
      // A failed deferred reference leaves the record itself in place: it is kept under its own label so it
      // never holds back the record's children, and counted apart from the object's failed records.
      const failureObject = pass === 'deferred' ? `${object} (deferred references)` : object;
      const map = mapOf.get(object);
      // One read of the part at most (none on a first full sync): orphans held back, open failures noted.
      const screened = await screenPart(store, file, map, stream, session.entityId, failureObject);
      const held = screened.held.map((f) => ({ ...f, salesforceObject: failureObject }));
      await recordFailures(store, sessionId, held);
      if (pass === 'upsert') c.failed += held.length;
      await writeCheckpoint(store, sessionId, name, { phase: 'loading' });
      const viaBulk = () =>
        loadObject(deps.salesforce, {
          object,
          operation: 'upsert',
          keyField,
          csv: () => spool.stream(object, pass, part),
          resumeJobId: cp?.bulkJobId ?? undefined,
          onJobCreated: (jobId) =>
            writeCheckpoint(store, sessionId, name, { phase: 'loading', bulkJobId: jobId }),
          minPollMs: deps.minPollMs ?? 100,
          maxPollMs: deps.maxPollMs ?? 2_000,
        });
      // A small session writes through Composite calls (upserts are idempotent, so a resumed part is simply
      // sent again); a part whose Bulk job had started, or an API budget the governor has stopped, uses Bulk.
      const outcome =
        smallSession && cp?.bulkJobId == null
          ? await loadPartByCollections(deps, { object, keyField, file }).catch((error: unknown) => {
              if (error instanceof ApiBudgetExhaustedError) return viaBulk();
              throw error;
            })
          : await viaBulk();
      const failedKeys = new Set(outcome.failures.map((f) => f.key));
      await recordFailures(
        store,
        sessionId,
        outcome.failures.map((f) => ({
          stream,
          salesforceObject: failureObject,
          entityId: session.entityId,
          externalId: f.key,
          zuoraId: /^[0-9a-f]{32}$/i.test(f.key) ? f.key : null,
          code: f.code,
          message: f.error,
        })),
      );
      const ok = screened.resolvable.filter((k) => !failedKeys.has(k));
      await resolveFailures(store, sessionId, failureObject, session.entityId, ok);
      if (pass === 'upsert') {
        c.written += outcome.succeeded;
        c.created += outcome.created;
        c.failed += outcome.failures.length;
      }
      await writeCheckpoint(store, sessionId, name, {
        phase: 'done',
        recordsWritten: pass === 'upsert' ? outcome.succeeded : 0,
        recordsFailed: pass === 'upsert' ? outcome.failures.length + held.length : 0,
        cursor: { created: outcome.created, jobs: outcome.jobs },
      });
      deps.onProgress?.({
        object,
        phase: 'loaded',
        records: outcome.succeeded,
        failed: outcome.failures.length,
      });
    };

    const groups = loadOrder({ scope: session.scope });
    for (const group of groups) await inParallel(group, parallelLoads, (object) => load(object, 'upsert'));
    await inParallel(groups.flat(), parallelLoads, (object) => load(object, 'deferred'));
    for (const group of [...groups].reverse())
      await inParallel(group, parallelLoads, (object) => load(object, 'delete'));

    // 3. Finish: state, watermark, history.
    const failed = Object.values(counts).reduce((a, c) => a + c.failed, 0);
    const to = failed > 0 ? 'finished_with_errors' : 'finished';
    const summaryCounts = {
      objects: counts,
      durationMs: Date.now() - started,
      zuoraCalls: deps.zuora.calls - calls.zuora,
    };
    const finished = await store.transaction(async (tx) => {
      // A backfill re-reads part of the data: the incremental high-water mark does not move.
      if (backfill === undefined)
        await writeWatermark(tx, session.scope, session.entityId, windowEnd, sessionId);
      return transitionSession(tx, sessionId, to, { counts: summaryCounts });
    });
    await writeSyncHistory(deps, finished, counts).catch((error: unknown) => {
      deps.logger.warn(
        { err: error, sessionId },
        'could not write Sync_History__c; the session itself is complete',
      );
    });
    return finished;
  } catch (error) {
    return await failSession(deps, sessionId, error, {});
  } finally {
    stop();
  }
}

function restoreReadCounts(
  extract: Pick<Checkpoint, 'cursor'>,
  maps: readonly { salesforceObject: string }[],
  countsOf: (object: string) => ObjectCounts,
): void {
  const read = (extract.cursor?.read ?? {}) as Record<string, number>;
  const mappingFailures = (extract.cursor?.mappingFailures ?? {}) as Record<string, number>;
  for (const map of maps) {
    const c = countsOf(map.salesforceObject);
    c.read = read[map.salesforceObject] ?? 0;
    c.failed += mappingFailures[map.salesforceObject] ?? 0;
  }
}
