// One near-real-time batch for one entity: a `realtime` session (refused, so the batch waits, while a manual
// or scheduled accounts session runs: seed 000), the waiting events claimed under it, collapsed to one ref per
// record (the engine reads the record's current state from Zuora, so the newest state wins whatever order the
// callouts came in), written through the API-sync engine, and only then marked processed, in one transaction
// with their latency samples. If the batch cannot finish (budget spent, transport failure, process killed),
// its claims go back to the queue and the events are synced by a later batch.
import { assertSyncedOrg, OrgChangedError } from '../sessions/org-guard.js';
import { ApiBudgetExhaustedError } from '../salesforce/api-budget.js';
import type {
  ApiSyncDeps,
  ApiSyncRequest,
  ApiSyncResult,
  RecordOutcome,
} from '../api-sync/api-sync-types.js';
import { transitionSession, findSession } from '../sessions/session-rows.js';
import { requestSession } from '../sessions/request-session.js';
import { beginSession, failSession } from '../sessions/session-lifecycle.js';
import { writeSyncHistory } from '../sessions/sync-history.js';
import { claimEvents, markProcessed, releaseClaims, type ClaimedEvent } from './change-event-rows.js';
import type { LatencyRecorder, LatencySample } from './realtime-latency.js';

export type RunApiSync = (deps: ApiSyncDeps, request: ApiSyncRequest) => Promise<ApiSyncResult>;

export interface BatchDeps {
  readonly api: ApiSyncDeps;
  readonly runApiSync: RunApiSync;
  readonly latency: LatencyRecorder;
  readonly maxBatchEvents: number;
  /** Heartbeat of the batch's session; claims of a session silent for longer are released elsewhere. */
  readonly heartbeatMs: number;
}

export type BatchResult =
  | {
      readonly kind: 'synced';
      readonly sessionId: string;
      readonly events: number;
      readonly records: number;
      readonly failed: number;
      readonly salesforceCalls: number;
    }
  | { readonly kind: 'empty' }
  | { readonly kind: 'waiting'; readonly reason: string }
  | { readonly kind: 'budget'; readonly reason: string }
  | { readonly kind: 'failed'; readonly reason: string };

const refKey = (object: string, id: string) => `${object.toLowerCase()}\u0000${id}`;

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
  const refs = [...byRecord.values()].map((list) => ({
    zuoraObject: (list[0] as ClaimedEvent).zuoraObject,
    zuoraId: (list[0] as ClaimedEvent).zuoraId,
  }));
  const result = await deps.runApiSync(deps.api, {
    sessionId,
    entityId,
    target: { kind: 'records', refs },
    caller: 'real-time',
  });
  const readAt = result.readAt === undefined ? undefined : new Date(result.readAt);
  const settled = settle(byRecord, result.outcomes, entityId, sessionId, readAt);
  const observe = await store.transaction(async (tx) => {
    await markProcessed(tx, settled.synced, 'synced', sessionId);
    await markProcessed(tx, settled.skipped, 'skipped', sessionId);
    for (const f of settled.failed) await markProcessed(tx, f.ids, 'failed', sessionId, f.error);
    const done = await deps.latency.store(tx, settled.samples);
    await transitionSession(tx, sessionId, settled.failed.length > 0 ? 'finished_with_errors' : 'finished', {
      counts: {
        objects: { ...result.counts },
        realtime: {
          events: events.length,
          records: refs.length,
          salesforceCalls: result.salesforceCalls,
          zuoraCalls: result.zuoraCalls,
        },
      },
    });
    return done;
  });
  observe();
  const session = await findSession(store, sessionId);
  if (session !== undefined)
    await writeSyncHistory(deps.api, session, result.counts).catch((err: unknown) => {
      logger.warn({ err, sessionId }, 'real-time batch: Sync_History__c not written');
    });
  logger.info(
    { sessionId, entityId, events: events.length, records: refs.length, failed: settled.failed.length },
    'real-time batch synced',
  );
  return {
    kind: 'synced',
    sessionId,
    events: events.length,
    records: refs.length,
    failed: settled.failed.length,
    salesforceCalls: result.salesforceCalls,
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
