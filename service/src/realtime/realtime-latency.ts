// Per-record latency of near-real-time sync: from the time the record changed in Zuora to the time
// Salesforce committed it. Each sample is stored (so percentiles survive restarts and cover every process
// sharing the store) and observed by a Prometheus histogram on the app's registry. Zuora measures its own
// connector's latency as P50/P90 over a 7-day rolling window, hence the default window:
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/zuora-connector-for-salesforce-crm/zuora-connector-for-salesforce-crm/zuora-connector-for-salesforce-crm-sync-methods/near-real-time-sync
import { Histogram, type Registry } from 'prom-client';
import type { Queryable } from '../store/store.js';

export interface LatencySample {
  readonly entityId: string;
  readonly zuoraObject: string;
  readonly zuoraId: string;
  readonly sessionId: string;
  readonly changedAt: Date;
  readonly committedAt: Date;
}

export interface LatencyStats {
  readonly count: number;
  readonly p50Ms: number | null;
  readonly p90Ms: number | null;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
  readonly maxMs: number | null;
}

export const latencyWindowMs = 7 * 24 * 3_600_000;

export class LatencyRecorder {
  readonly #histogram: Histogram<'object'> | undefined;

  constructor(registry: Registry | undefined) {
    this.#histogram =
      registry === undefined
        ? undefined
        : new Histogram({
            name: 'zuora_sync_realtime_latency_seconds',
            help: 'Near-real-time sync latency per record: Zuora change time to Salesforce commit time',
            labelNames: ['object'] as const,
            buckets: [0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600],
            registers: [registry],
          });
  }

  /** Stores the samples in the caller's transaction; the histogram is told once that commits. */
  async store(db: Queryable, samples: readonly LatencySample[]): Promise<() => void> {
    if (samples.length > 0) {
      await db.query(
        `INSERT INTO realtime_latencies (entity_id, zuora_object, zuora_id, session_id, changed_at, committed_at, latency_ms)
         SELECT e, o, i, s::uuid, c, k, GREATEST(0, (extract(epoch FROM k - c) * 1000)::bigint)
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[])
             AS t(e, o, i, s, c, k)`,
        [
          samples.map((s) => s.entityId),
          samples.map((s) => s.zuoraObject),
          samples.map((s) => s.zuoraId),
          samples.map((s) => s.sessionId),
          samples.map((s) => s.changedAt.toISOString()),
          samples.map((s) => s.committedAt.toISOString()),
        ],
      );
    }
    return () => {
      for (const s of samples) {
        const seconds = Math.max(0, s.committedAt.getTime() - s.changedAt.getTime()) / 1000;
        this.#histogram?.observe({ object: s.zuoraObject }, seconds);
      }
    };
  }
}

export async function latencyStats(
  db: Queryable,
  since: Date = new Date(Date.now() - latencyWindowMs),
): Promise<LatencyStats> {
  const rows = await db.query<{
    n: string;
    p50: number | null;
    p90: number | null;
    p95: number | null;
    p99: number | null;
    mx: string | null;
  }>(
    `SELECT count(*) AS n,
            percentile_disc(0.5) WITHIN GROUP (ORDER BY latency_ms)::float8 AS p50,
            percentile_disc(0.9) WITHIN GROUP (ORDER BY latency_ms)::float8 AS p90,
            percentile_disc(0.95) WITHIN GROUP (ORDER BY latency_ms)::float8 AS p95,
            percentile_disc(0.99) WITHIN GROUP (ORDER BY latency_ms)::float8 AS p99,
            max(latency_ms) AS mx
       FROM realtime_latencies WHERE committed_at >= $1`,
    [since.toISOString()],
  );
  const r = rows[0];
  return {
    count: Number(r?.n ?? 0),
    p50Ms: r?.p50 ?? null,
    p90Ms: r?.p90 ?? null,
    p95Ms: r?.p95 ?? null,
    p99Ms: r?.p99 ?? null,
    maxMs: r?.mx === null || r?.mx === undefined ? null : Number(r.mx),
  };
}
