// What GET /v1/realtime/stats answers: latency percentiles, event counts by outcome, the backlog and the
// current mode per entity, all read from the store so every process sharing it answers the same.
import type { Queryable } from '../store/store.js';
import { pendingHistoryCount } from '../sessions/history-outbox.js';
import { pendingByEntity } from './change-event-rows.js';
import { latencyStats, latencyWindowMs, type LatencyStats } from './realtime-latency.js';
import { realtimeStates, type RealtimeMode } from './realtime-state-rows.js';

export interface RealtimeStats {
  readonly enabled: boolean;
  readonly windowStart: string;
  readonly latency: LatencyStats;
  readonly events: {
    readonly received: number;
    readonly pending: number;
    readonly synced: number;
    readonly failed: number;
    readonly skipped: number;
    readonly turbo: number;
    /** Pending events backing off after a failed attempt. */
    readonly retrying: number;
    /** Events that failed every allowed attempt (GET /v1/realtime/dead-letters), and those discarded. */
    readonly dead: number;
    readonly discarded: number;
    readonly fromReconciliation: number;
  };
  /** Sync_History__c records committed and not yet delivered to Salesforce (the history outbox). */
  readonly historyOutbox: number;
  readonly entities: {
    readonly entityId: string;
    readonly mode: RealtimeMode;
    readonly modeReason: string | null;
    readonly modeChangedAt: string | null;
    readonly pending: number;
    readonly waiting: number;
    readonly oldestPendingChangeAt: string | null;
    readonly reconciledTo: string | null;
  }[];
}

export async function realtimeStats(
  db: Queryable,
  enabled: boolean,
  since: Date = new Date(Date.now() - latencyWindowMs),
): Promise<RealtimeStats> {
  const [latency, counts, pending, states, outbox] = await Promise.all([
    latencyStats(db, since),
    // Dead letters count whenever they were received: they wait for an admin, like pending events.
    db.query<{ outcome: string | null; source: string; retrying: boolean; n: string }>(
      `SELECT outcome, source, attempts > 0 AS retrying, count(*) AS n FROM change_events
        WHERE received_at >= $1 OR processed_at IS NULL OR outcome = 'dead'
        GROUP BY outcome, source, attempts > 0`,
      [since.toISOString()],
    ),
    pendingByEntity(db),
    realtimeStates(db),
    pendingHistoryCount(db),
  ]);
  const sum = (f: (r: { outcome: string | null; source: string; retrying: boolean }) => boolean) =>
    counts.filter(f).reduce((n, r) => n + Number(r.n), 0);
  const ids = new Set([...pending.map((p) => p.entityId), ...states.map((s) => s.entityId)]);
  return {
    enabled,
    windowStart: since.toISOString(),
    latency,
    events: {
      received: sum(() => true),
      pending: sum((r) => r.outcome === null),
      synced: sum((r) => r.outcome === 'synced'),
      failed: sum((r) => r.outcome === 'failed'),
      skipped: sum((r) => r.outcome === 'skipped'),
      turbo: sum((r) => r.outcome === 'turbo'),
      retrying: sum((r) => r.outcome === null && r.retrying),
      dead: sum((r) => r.outcome === 'dead'),
      discarded: sum((r) => r.outcome === 'discarded'),
      fromReconciliation: sum((r) => r.source === 'reconcile'),
    },
    historyOutbox: outbox,
    entities: [...ids].sort().map((entityId) => {
      const p = pending.find((x) => x.entityId === entityId);
      const s = states.find((x) => x.entityId === entityId);
      return {
        entityId,
        mode: s?.mode ?? 'realtime',
        modeReason: s?.modeReason ?? null,
        modeChangedAt: s?.modeChangedAt?.toISOString() ?? null,
        pending: p?.pending ?? 0,
        waiting: p?.waiting ?? 0,
        oldestPendingChangeAt: p?.oldestOccurredAt?.toISOString() ?? null,
        reconciledTo: s?.reconciledTo?.toISOString() ?? null,
      };
    }),
  };
}
