// Per-record latency of near-real-time sync: from the time the record changed in Zuora to the time
// Salesforce committed it. Each sample is stored (so percentiles survive restarts and cover every process
// sharing the store) and observed by a Prometheus histogram on the app's registry. Zuora measures its own
// connector's latency as P50/P90 over a 7-day rolling window, hence the default window:
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/zuora-connector-for-salesforce-crm/zuora-connector-for-salesforce-crm/zuora-connector-for-salesforce-crm-sync-methods/near-real-time-sync
import { Histogram, type Registry } from 'prom-client';
import type { Queryable } from '../store/store.js';
import { percentileSql, toPercentiles, type PercentileRow } from '../store/nearest-rank.js';

export interface LatencySample {
  readonly entityId: string;
  readonly zuoraObject: string;
  readonly zuoraId: string;
  readonly sessionId: string;
  readonly changedAt: Date;
  readonly committedAt: Date;
  /** Stages of the latency, when known: the change reached the service, and had been read from Zuora. */
  readonly receivedAt?: Date;
  readonly readAt?: Date;
  /** How the change reached the service: a Zuora callout or the reconciliation poll. */
  readonly path?: 'callout' | 'reconcile';
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
        `INSERT INTO realtime_latencies (entity_id, zuora_object, zuora_id, session_id, changed_at, committed_at,
                                         latency_ms, received_at, read_at, path)
         SELECT e, o, i, s::uuid, c, k, GREATEST(0, (extract(epoch FROM k - c) * 1000)::bigint), r, d, p
           FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::timestamptz[],
                       $7::timestamptz[], $8::timestamptz[], $9::text[])
             AS t(e, o, i, s, c, k, r, d, p)`,
        [
          samples.map((s) => s.entityId),
          samples.map((s) => s.zuoraObject),
          samples.map((s) => s.zuoraId),
          samples.map((s) => s.sessionId),
          samples.map((s) => s.changedAt.toISOString()),
          samples.map((s) => s.committedAt.toISOString()),
          samples.map((s) => s.receivedAt?.toISOString() ?? null),
          samples.map((s) => s.readAt?.toISOString() ?? null),
          samples.map((s) => s.path ?? 'callout'),
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

/** Percentiles as Zuora defines them (store/nearest-rank.ts), over the samples committed since `since`. */
export async function latencyStats(
  db: Queryable,
  since: Date = new Date(Date.now() - latencyWindowMs),
): Promise<LatencyStats> {
  const rows = await db.query<PercentileRow>(
    percentileSql('SELECT latency_ms::float8 AS v FROM realtime_latencies WHERE committed_at >= $1', []),
    [since.toISOString()],
  );
  const r = toPercentiles(rows[0]);
  return { count: r.count, p50Ms: r.p50, p90Ms: r.p90, p95Ms: r.p95, p99Ms: r.p99, maxMs: r.max };
}
