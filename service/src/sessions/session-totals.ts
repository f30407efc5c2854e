// What the console's overview and trend chart count, from the per-session totals columns (kept by a trigger,
// migration 003): sessions that ended in a period, by trigger and scope, and per time bucket.
import type { Queryable } from '../store/store.js';
import type { SessionScope, SessionTrigger } from './session-rows.js';

export interface SessionTotals {
  readonly trigger: SessionTrigger;
  readonly scope: SessionScope;
  readonly sessions: number;
  readonly failedSessions: number;
  readonly recordsRead: number;
  /** Records written or deleted in Salesforce: Zuora's "Total Sync'd". */
  readonly recordsSynced: number;
  readonly recordsFailed: number;
  readonly zuoraCalls: number;
  readonly salesforceCalls: number;
}

const n = (v: string | number | null) => Number(v ?? 0);

export async function sessionTotals(db: Queryable, from: Date, to: Date): Promise<SessionTotals[]> {
  const rows = await db.query<{
    trigger: SessionTrigger;
    scope: SessionScope;
    sessions: string | number;
    failed_sessions: string | number;
    read: string | number | null;
    synced: string | number | null;
    failed: string | number | null;
    zuora: string | number | null;
    salesforce: string | number | null;
  }>(
    `SELECT trigger, scope, count(*) AS sessions, count(*) FILTER (WHERE state = 'failed') AS failed_sessions,
            sum(records_read) AS read, sum(records_written + records_deleted) AS synced,
            sum(records_failed) AS failed, sum(zuora_calls) AS zuora,
            sum(COALESCE(salesforce_calls, GREATEST(0, sf_api_used_end - sf_api_used_start))) AS salesforce
       FROM sync_sessions WHERE finished_at >= $1 AND finished_at < $2 GROUP BY trigger, scope`,
    [from.toISOString(), to.toISOString()],
  );
  return rows.map((r) => ({
    trigger: r.trigger,
    scope: r.scope,
    sessions: n(r.sessions),
    failedSessions: n(r.failed_sessions),
    recordsRead: n(r.read),
    recordsSynced: n(r.synced),
    recordsFailed: n(r.failed),
    zuoraCalls: n(r.zuora),
    salesforceCalls: n(r.salesforce),
  }));
}

export interface SyncBucket {
  readonly start: Date | string;
  readonly synced: number;
  readonly failed: number;
}

export async function syncSeries(
  db: Queryable,
  from: Date,
  to: Date,
  bucket: 'day' | 'hour' | 'minute',
  triggers?: readonly SessionTrigger[],
): Promise<SyncBucket[]> {
  const rows = await db.query<{ bucket: Date | string; synced: string | number; failed: string | number }>(
    `SELECT date_trunc('${bucket}', finished_at AT TIME ZONE 'UTC') AS bucket,
            sum(records_written + records_deleted) AS synced, sum(records_failed) AS failed
       FROM sync_sessions WHERE finished_at >= $1 AND finished_at < $2
        AND ($3::text[] IS NULL OR trigger = ANY($3::text[]))
      GROUP BY 1 ORDER BY 1`,
    [from.toISOString(), to.toISOString(), triggers === undefined || triggers.length === 0 ? null : triggers],
  );
  return rows.map((r) => ({ start: r.bucket, synced: n(r.synced), failed: n(r.failed) }));
}

export interface Throughput {
  readonly id: string;
  readonly trigger: SessionTrigger;
  readonly scope: SessionScope;
  readonly finishedAt: Date;
  readonly records: number;
  readonly seconds: number;
  readonly recordsPerSecond: number;
}

/** Records per second of the Turbo sessions that ended in the period, newest first. */
export async function turboThroughput(
  db: Queryable,
  from: Date,
  to: Date,
  limit: number,
): Promise<Throughput[]> {
  const rows = await db.query<{
    id: string;
    trigger: SessionTrigger;
    scope: SessionScope;
    finished_at: Date;
    records: string | number;
    seconds: number;
  }>(
    `SELECT id, trigger, scope, finished_at, records_written + records_failed + records_deleted AS records,
            GREATEST(0.001, extract(epoch FROM finished_at - started_at))::float8 AS seconds
       FROM sync_sessions
      WHERE finished_at >= $1 AND finished_at < $2 AND started_at IS NOT NULL
        AND trigger IN ('manual', 'scheduled', 'backfill') AND state IN ('finished', 'finished_with_errors')
      ORDER BY finished_at DESC LIMIT $3`,
    [from.toISOString(), to.toISOString(), limit],
  );
  return rows.map((r) => ({
    id: r.id,
    trigger: r.trigger,
    scope: r.scope,
    finishedAt: new Date(r.finished_at),
    records: n(r.records),
    seconds: Number(r.seconds),
    recordsPerSecond: Math.round((n(r.records) / Number(r.seconds)) * 10) / 10,
  }));
}
