// One near-real-time batch for one entity: a `realtime` session (refused, so the batch waits, while a manual
// or scheduled accounts session runs: seed 000), the waiting events claimed under it, collapsed to one ref per
// record (the engine reads the record's current state from Zuora, so the newest state wins whatever order the
// callouts came in), written through the API-sync engine, and only then marked processed, in one transaction
// with their latency samples. If the batch cannot finish (budget spent, process killed), its claims go back to
// the queue and the events are synced by a later batch. A record whose sync throws is isolated from the
// others (isolate-failures.ts) and its events charged an attempt: they back off, and end dead-lettered.
import { assertSyncedOrg, OrgChangedError } from '../sessions/org-guard.js';
import { ApiBudgetExhaustedError } from '../salesforce/api-budget.js';
import type {
  ApiSyncDeps,
  ApiSyncRequest,
  ApiSyncResult,
  RecordOutcome,
} from '../api-sync/api-sync-types.js';
import { transitionSession } from '../sessions/session-rows.js';
import { requestSession } from '../sessions/request-session.js';
import { beginSession, failSession } from '../sessions/session-lifecycle.js';
import type { ObjectCounts } from '../sessions/session-counts.js';
import { enqueueSyncHistory, sendOutboxHistory } from '../sessions/history-outbox.js';
import { claimEvents, markProcessed, releaseClaims, type ClaimedEvent } from './change-event-rows.js';
import { recordFailedAttempts, type RetryPolicy } from './event-attempts.js';
import { runIsolated, type IsolatedRuns, type RecordRef } from './isolate-failures.js';
import type { LatencyRecorder, LatencySample } from './realtime-latency.js';

export type RunApiSync = (deps: ApiSyncDeps, request: ApiSyncRequest) => Promise<ApiSyncResult>;

export interface BatchDeps {
  readonly api: ApiSyncDeps;
  readonly runApiSync: RunApiSync;
  readonly latency: LatencyRecorder;
  readonly maxBatchEvents: number;
  /** Heartbeat of the batch's session; claims of a session silent for longer are released elsewhere. */
  readonly heartbeatMs: number;
  /** Attempts and backoff of events whose record makes the sync throw. */
  readonly retry: RetryPolicy;
  /**
   * Send the batch's history record right after committing it (default); false: it waits in the history
   * outbox for the engine's grouped send (adaptive batching: one call for many batches' records).
   */
  readonly sendHistory?: boolean;
}

export type BatchResult =
  | {
      readonly kind: 'synced';
      readonly sessionId: string;
      readonly events: number;
      readonly records: number;
      readonly failed: number;
      readonly salesforceCalls: number;
      /** Events whose record made the sync throw: charged an attempt, waiting to be tried again. */
      readonly retrying: number;
      /** Events dead-lettered by this batch (their last allowed attempt failed). */
      readonly deadLettered: number;
    }
  | { readonly kind: 'empty' }
  | { readonly kind: 'waiting'; readonly reason: string }
  | { readonly kind: 'budget'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string };

const refKey = (object: string, id: string) => `${object.toLowerCase()}\u0000${id}`;

/**
 * Runs the claimed records, records that already failed an attempt apart from the others, so retrying a
 * poison event never costs the fresh events anything; a run that throws is split (isolate-failures.ts).
 */
function runClaimed(
  deps: BatchDeps,
  sessionId: string,
  entityId: string,
  byRecord: ReadonlyMap<string, readonly ClaimedEvent[]>,
): Promise<IsolatedRuns> {
  const fresh: RecordRef[] = [];
  const retried: RecordRef[] = [];
  for (const list of byRecord.values()) {
    const first = list[0] as ClaimedEvent;
    const ref = { zuoraObject: first.zuoraObject, zuoraId: first.zuoraId };
    (list.some((e) => e.attempts > 0) ? retried : fresh).push(ref);
  }
  return runIsolated(
    (refs) =>
      deps.runApiSync(deps.api, {
        sessionId,
        entityId,
        target: { kind: 'records', refs },
        caller: 'real-time',
      }),
    [fresh, retried],
    () => deps.api.zuora.calls,
  );
}

/**
 * Takes the records whose run threw out of `byRecord` (they are charged an attempt, not settled), with their
 * events' ids; they count as failed under their Zuora object (no Salesforce object was reached).
 */
function takeThrown(
  runs: IsolatedRuns,
  byRecord: Map<string, ClaimedEvent[]>,
): { thrown: { error: string; ids: string[] }[]; counts: Record<string, ObjectCounts> } {
  const thrown = runs.failed.map((g) => ({
    error: g.error,
    ids: g.refs.flatMap((r) => (byRecord.get(refKey(r.zuoraObject, r.zuoraId)) ?? []).map((e) => e.id)),
  }));
  const counts: Record<string, ObjectCounts> = structuredClone({ ...runs.result.counts });
  for (const g of runs.failed)
    for (const r of g.refs) {
      byRecord.delete(refKey(r.zuoraObject, r.zuoraId));
      const c = (counts[r.zuoraObject] ??= { read: 0, written: 0, created: 0, failed: 0, deleted: 0 });
      c.failed += 1;
    }
  return { thrown, counts };
}

/** Syncs the claimed events' records and commits their outcomes, latency samples and the session's end. */
async function syncClaimed(
  deps: BatchDeps,
  sessionId: string,
  entityId: string,
  events: readonly ClaimedEvent[],
): Promise<BatchResult & { readonly kind: 'synced' }> {
  const { store, logger } = deps.api;
  const byRecord = new Map<string, ClaimedEvent[]>();
  for (const e of events) {
    const key = refKey(e.zuoraObject, e.zuoraId);
    byRecord.set(key, [...(byRecord.get(key) ?? []), e]);
  }
  const runs = await runClaimed(deps, sessionId, entityId, byRecord);
  const result = runs.result;
  const { thrown, counts } = takeThrown(runs, byRecord);
  const readAt = result.readAt === undefined ? undefined : new Date(result.readAt);
  const settled = settle(byRecord, result.outcomes, entityId, sessionId, readAt);
  const charged = { retrying: 0, dead: 0 };
  const observe = await store.transaction(async (tx) => {
    await markProcessed(tx, settled.synced, 'synced', sessionId);
    await markProcessed(tx, settled.skipped, 'skipped', sessionId);
    for (const f of settled.failed) await markProcessed(tx, f.ids, 'failed', sessionId, f.error);
    for (const t of thrown) {
      const n = await recordFailedAttempts(tx, t.ids, t.error, sessionId, deps.retry);
      charged.retrying += n.retrying;
      charged.dead += n.dead;
    }
    const done = await deps.latency.store(tx, settled.samples);
    const clean = settled.failed.length === 0 && thrown.length === 0;
    const ended = await transitionSession(tx, sessionId, clean ? 'finished' : 'finished_with_errors', {
      ...(thrown.length === 0
        ? {}
        : { error: `${String(thrown.length)} record(s) failed: ${thrown[0]?.error ?? ''}` }),
      counts: {
        objects: counts,
        realtime: {
          events: events.length,
          records: byRecord.size + runs.failed.reduce((n, g) => n + g.refs.length, 0),
          salesforceCalls: result.salesforceCalls,
          zuoraCalls: result.zuoraCalls,
          failedRuns: runs.failedRuns,
          zuoraCallsOnFailures: runs.zuoraCallsOnFailures,
          retrying: charged.retrying,
          deadLettered: charged.dead,
        },
      },
    });
    // The history record commits with the events (the outbox): a kill before it reaches Salesforce leaves it
    // there for the next start to send.
    await enqueueSyncHistory(tx, deps.api.zuoraHost, ended, counts);
    return done;
  });
  observe();
  if (deps.sendHistory !== false)
    await sendOutboxHistory(deps.api, sessionId).catch((err: unknown) => {
      logger.warn({ err, sessionId }, 'real-time batch: Sync_History__c left in the outbox');
    });
  const failed = settled.failed.length + thrown.length;
  logger.info(
    { sessionId, entityId, events: events.length, failed, retrying: charged.retrying, dead: charged.dead },
    'real-time batch synced',
  );
  return {
    kind: 'synced',
    sessionId,
    events: events.length,
    records: byRecord.size,
    failed,
    salesforceCalls: result.salesforceCalls,
    retrying: charged.retrying,
    deadLettered: charged.dead,
  };
}

export async function runRealtimeBatch(deps: BatchDeps, entityId: string): Promise<BatchResult> {
  const { store, logger } = deps.api;
  // Another Salesforce org than the one on record: the events wait for an admin's confirmation, without a
  // failed session at every tick (the org Id is checked at most once a minute, org-guard.ts).
  const org = await assertSyncedOrg(deps.api).then(
    () => undefined,
    (error: unknown) => {
      if (error instanceof OrgChangedError) return error;
      throw error;
    },
  );
  if (org !== undefined) return { kind: 'waiting', reason: org.message };
  const requested = await requestSession(store, {
    scope: 'accounts',
    trigger: 'realtime',
    mode: 'incremental',
    entityId,
  });
  if (!requested.ok) return { kind: 'waiting', reason: requested.message };
  const sessionId = requested.session.id;
  const running = await beginSession(store, sessionId, deps.heartbeatMs);
  try {
    const events = await claimEvents(store, sessionId, entityId, deps.maxBatchEvents);
    if (events.length > 0) return await syncClaimed(deps, sessionId, entityId, events);
    // Another process took them first: this session ends with nothing done (no history record).
    await store.transaction((tx) =>
      transitionSession(tx, sessionId, 'cancelled', {
        error: 'no events left: another process claimed them',
      }),
    );
    return { kind: 'empty' };
  } catch (error) {
    await releaseClaims(store, [sessionId]);
    if (error instanceof ApiBudgetExhaustedError) {
      logger.warn({ sessionId, entityId }, `real-time batch waits: ${error.message}`);
      await store.transaction((tx) =>
        transitionSession(tx, sessionId, 'cancelled', { error: `${error.message}; the events wait` }),
      );
      return { kind: 'budget', reason: error.message };
    }
    await failSession(deps.api, sessionId, error, {});
    return { kind: 'failed', reason: (error as Error).message };
  } finally {
    running.stop();
  }
}

interface Settled {
  readonly synced: string[];
  readonly skipped: string[];
  readonly failed: { ids: string[]; error: string }[];
  readonly samples: LatencySample[];
}

/** Decides each record's outcome from the engine's outcomes, with one latency sample per synced record. */
function settle(
  byRecord: ReadonlyMap<string, readonly ClaimedEvent[]>,
  outcomes: readonly RecordOutcome[],
  entityId: string,
  sessionId: string,
  readAt: Date | undefined,
): Settled {
  const outcomesOf = new Map<string, RecordOutcome[]>();
  for (const o of outcomes) {
    if (o.zuoraId === null) continue;
    const key = refKey(o.zuoraObject, o.zuoraId);
    outcomesOf.set(key, [...(outcomesOf.get(key) ?? []), o]);
  }
  const settled: Settled = { synced: [], skipped: [], failed: [], samples: [] };
  for (const [key, events] of byRecord) {
    const ids = events.map((e) => e.id);
    const mine = outcomesOf.get(key) ?? [];
    // No outcome: the record is outside what is synced (e.g. a catalog-only object); nothing to write.
    if (mine.length === 0) {
      settled.skipped.push(...ids);
      continue;
    }
    const failure = mine.find((o) => !o.success);
    if (failure !== undefined) {
      settled.failed.push({
        ids,
        error:
          `${failure.salesforceObject} ${failure.externalId}: ${failure.errorCode ?? 'ERROR'} ${failure.errorMessage ?? ''}`.trim(),
      });
      continue;
    }
    settled.synced.push(...ids);
    const committed = mine
      .map((o) => (o.committedAt === null ? NaN : Date.parse(o.committedAt)))
      .filter((t) => !Number.isNaN(t));
    const first = events.reduce((a, e) => (e.occurredAt < a.occurredAt ? e : a));
    if (committed.length > 0)
      settled.samples.push({
        entityId,
        zuoraObject: first.zuoraObject,
        zuoraId: first.zuoraId,
        sessionId,
        changedAt: first.occurredAt,
        committedAt: new Date(Math.max(...committed)),
        receivedAt: first.receivedAt,
        ...(readAt === undefined ? {} : { readAt }),
        path: first.source,
      });
  }
  return settled;
}
