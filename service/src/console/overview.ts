// The console's overview: Zuora's four summary tiles (synced, errors, error rate, median latency) with the
// change against the previous period of the same length, per direction and per mode; then what Zuora's
// dashboard lacks: real-time mode and backlog, the API budget, Zuora calls, and the next scheduled sessions.
import { CronExpressionParser } from 'cron-parser';
import { pendingByEntity } from '../realtime/change-event-rows.js';
import { realtimeStates } from '../realtime/realtime-state-rows.js';
import { sessionTotals, type SessionTotals } from '../sessions/session-totals.js';
import { countFailures } from '../store/failure-queries.js';
import { percentileSql, toPercentiles, type PercentileRow } from '../store/nearest-rank.js';
import type { Queryable } from '../store/store.js';

export interface Tile {
  readonly synced: number;
  readonly errors: number;
  /** Failed records per record attempted, in percent (null with nothing attempted). */
  readonly errorRate: number | null;
  readonly medianLatencyMs: number | null;
  readonly sessions: number;
}

export interface TileWithChange extends Tile {
  readonly key: string;
  readonly previous: Tile;
}

const modeOf = (t: SessionTotals['trigger']) => t;

function tileOf(rows: readonly SessionTotals[], median: number | null): Tile {
  const synced = rows.reduce((n, r) => n + r.recordsSynced, 0);
  const errors = rows.reduce((n, r) => n + r.recordsFailed, 0);
  return {
    synced,
    errors,
    errorRate: synced + errors === 0 ? null : Math.round((errors / (synced + errors)) * 10_000) / 100,
    medianLatencyMs: median,
    sessions: rows.reduce((n, r) => n + r.sessions, 0),
  };
}

/** Median latency per mode: a record for real-time, a request for on-demand, a session for the others. */
async function medians(db: Queryable, from: Date, to: Date): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  const source = `SELECT trigger AS g, (extract(epoch FROM finished_at - COALESCE(started_at, requested_at)) * 1000)::float8 AS v
      FROM sync_sessions WHERE finished_at >= $1 AND finished_at < $2 AND trigger NOT IN ('realtime', 'on_demand')
    UNION ALL SELECT 'on_demand', (extract(epoch FROM finished_at - requested_at) * 1000)::float8
      FROM sync_sessions WHERE finished_at >= $1 AND finished_at < $2 AND trigger = 'on_demand'
    UNION ALL SELECT 'realtime', latency_ms::float8 FROM realtime_latencies WHERE committed_at >= $1 AND committed_at < $2`;
  const rows = await db.query<PercentileRow & { g: string }>(percentileSql(source, ['g']), [
    from.toISOString(),
    to.toISOString(),
  ]);
  for (const r of rows) out.set(r.g, toPercentiles(r).p50);
  // Across modes, the record-level latencies (real-time records and on-demand requests), as Zuora's tile.
  const overall = await db.query<PercentileRow>(
    percentileSql(
      `SELECT latency_ms::float8 AS v FROM realtime_latencies WHERE committed_at >= $1 AND committed_at < $2
         UNION ALL SELECT (extract(epoch FROM finished_at - requested_at) * 1000)::float8 FROM sync_sessions
          WHERE trigger = 'on_demand' AND finished_at >= $1 AND finished_at < $2`,
      [],
    ),
    [from.toISOString(), to.toISOString()],
  );
  out.set('all', toPercentiles(overall[0]).p50);
  return out;
}

export async function summaryTiles(db: Queryable, from: Date, to: Date): Promise<TileWithChange[]> {
  const span = to.getTime() - from.getTime();
  const prevFrom = new Date(from.getTime() - span);
  const [now, before, mNow, mBefore] = await Promise.all([
    sessionTotals(db, from, to),
    sessionTotals(db, prevFrom, from),
    medians(db, from, to),
    medians(db, prevFrom, from),
  ]);
  const modes = [...new Set([...now, ...before].map((r) => modeOf(r.trigger)))].sort();
  const tile = (key: string, pick: (r: SessionTotals) => boolean): TileWithChange => ({
    key,
    ...tileOf(now.filter(pick), mNow.get(key) ?? null),
    previous: tileOf(before.filter(pick), mBefore.get(key) ?? null),
  });
  return [tile('all', () => true), ...modes.map((m) => tile(m, (r) => r.trigger === m))];
}

export interface NextSession {
  readonly scope: 'accounts' | 'catalog';
  readonly cron: string;
  readonly nextAt: string;
}

export function nextSessions(
  crons: { accounts: string | undefined; catalog: string | undefined },
  now: Date,
): NextSession[] {
  const out: NextSession[] = [];
  for (const scope of ['accounts', 'catalog'] as const) {
    const cron = crons[scope];
    if (cron === undefined) continue;
    const it = CronExpressionParser.parse(cron, { currentDate: now, tz: 'UTC' });
    for (let i = 0; i < 3; i += 1) out.push({ scope, cron, nextAt: it.next().toDate().toISOString() });
  }
  return out.sort((a, b) => a.nextAt.localeCompare(b.nextAt));
}

/** Mode and backlog per entity (the overview needs neither latency nor event counts: no percentile here). */
export async function realtimeView(db: Queryable, enabled: boolean) {
  const [pending, states] = await Promise.all([pendingByEntity(db), realtimeStates(db)]);
  const ids = [...new Set([...pending.map((p) => p.entityId), ...states.map((s) => s.entityId)])].sort();
  return {
    enabled,
    entities: ids.map((entityId) => {
      const p = pending.find((x) => x.entityId === entityId);
      const s = states.find((x) => x.entityId === entityId);
      return {
        entityId,
        mode: s?.mode ?? 'realtime',
        modeReason: s?.modeReason ?? null,
        pending: p?.pending ?? 0,
        oldestPendingChangeAt: p?.oldestOccurredAt?.toISOString() ?? null,
      };
    }),
  };
}

export const openFailures = (db: Queryable) => countFailures(db, {});
