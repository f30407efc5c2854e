// Latency for the console's Performance page: percentiles (Zuora's nearest-rank rule) per object and path,
// over time in day/hour/minute buckets, and the end-to-end latency of real-time sync split into its stages.
// Real-time samples are per record (Zuora change -> Salesforce commit); an on-demand sample is one request
// (asked -> answered), filed under the object it was asked for.
import type { Queryable } from '../store/store.js';
import {
  percentiles,
  percentileSql,
  toPercentiles,
  type PercentileRow,
  type Percentiles,
} from '../store/nearest-rank.js';

export type LatencyPath = 'callout' | 'reconcile' | 'on-demand';
export type Bucket = 'day' | 'hour' | 'minute';

export interface LatencyQuery {
  readonly from: Date;
  readonly to: Date;
  readonly object?: string;
  readonly path?: LatencyPath;
}

/** One sample per row: object, path, the latency `v` (ms) and when it ended `at`; $1/$2 are from/to. */
function samples(q: LatencyQuery, params: unknown[]): string {
  params.push(q.from.toISOString(), q.to.toISOString());
  const realtime = `SELECT zuora_object AS object, path, latency_ms::float8 AS v, committed_at AS at
      FROM realtime_latencies WHERE committed_at >= $1 AND committed_at < $2`;
  const onDemand = `SELECT CASE scope WHEN 'accounts' THEN 'Account' ELSE 'Product' END AS object, 'on-demand' AS path,
           (extract(epoch FROM finished_at - requested_at) * 1000)::float8 AS v, finished_at AS at
      FROM sync_sessions WHERE trigger = 'on_demand' AND state IN ('finished', 'finished_with_errors')
       AND finished_at >= $1 AND finished_at < $2`;
  const union =
    q.path === 'on-demand' ? onDemand : q.path === undefined ? `${realtime} UNION ALL ${onDemand}` : realtime;
  const where: string[] = [];
  if (q.path !== undefined && q.path !== 'on-demand') {
    params.push(q.path);
    where.push(`path = $${String(params.length)}`);
  }
  if (q.object !== undefined) {
    params.push(q.object);
    where.push(`object = $${String(params.length)}`);
  }
  return `SELECT * FROM (${union}) u${where.length === 0 ? '' : ` WHERE ${where.join(' AND ')}`}`;
}

export interface GroupPercentiles extends Percentiles {
  readonly object: string;
  readonly path: string;
}

export async function latencyByObject(db: Queryable, q: LatencyQuery): Promise<GroupPercentiles[]> {
  const params: unknown[] = [];
  const rows = await db.query<PercentileRow & { object: string; path: string }>(
    `${percentileSql(samples(q, params), ['object', 'path'])} ORDER BY object, path`,
    params,
  );
  return rows.map((r) => ({ object: r.object, path: r.path, ...toPercentiles(r) }));
}

export interface BucketPercentiles extends Percentiles {
  readonly start: string;
}

export async function latencySeries(
  db: Queryable,
  q: LatencyQuery,
  bucket: Bucket,
): Promise<BucketPercentiles[]> {
  const params: unknown[] = [];
  const source = samples(q, params);
  const rows = await db.query<PercentileRow & { bucket: Date | string }>(
    `${percentileSql(`SELECT date_trunc('${bucket}', at AT TIME ZONE 'UTC') AS bucket, v FROM (${source}) x`, ['bucket'])}
      ORDER BY bucket`,
    params,
  );
  return rows.map((r) => ({ start: utcIso(r.bucket), ...toPercentiles(r) }));
}

/** A UTC wall-clock timestamp (timestamp without time zone) as an ISO instant. */
export function utcIso(v: Date | string): string {
  if (typeof v === 'string') return `${v.replace(' ', 'T').slice(0, 19)}Z`;
  // pg and PGlite read a timestamp without time zone as local time: undo the offset.
  return new Date(v.getTime() - v.getTimezoneOffset() * 60_000).toISOString();
}

export interface StageLatency {
  /** Zuora change -> the service has the event (callout delivery, or reconciliation's discovery). */
  readonly received: Percentiles;
  /** Event received -> the record read from Zuora (queueing, batching and the read). */
  readonly read: Percentiles;
  /** Read from Zuora -> committed in Salesforce. */
  readonly written: Percentiles;
}

export async function latencyStages(db: Queryable, q: LatencyQuery): Promise<StageLatency> {
  if (q.path === 'on-demand') {
    const none = toPercentiles(undefined);
    return { received: none, read: none, written: none };
  }
  const params: unknown[] = [q.from.toISOString(), q.to.toISOString()];
  const filters = [
    ...(q.object === undefined ? [] : [`zuora_object = $${String(params.push(q.object))}`]),
    ...(q.path === undefined ? [] : [`path = $${String(params.push(q.path))}`]),
  ];
  const ms = (a: string, b: string) => `GREATEST(0, extract(epoch FROM ${b} - ${a}) * 1000)::float8`;
  const qs = `ARRAY[${Object.values(percentiles)
    .map((p) => String(p + 1e-10))
    .join(', ')}]::float8[]`;
  const stage = (name: string, v: string) =>
    `count(*) AS ${name}_n, avg(${v})::float8 AS ${name}_avg, max(${v})::float8 AS ${name}_mx,
     percentile_disc(${qs}) WITHIN GROUP (ORDER BY ${v}) AS ${name}_ps`;
  // One pass over the samples, one sort per stage (store/nearest-rank.ts explains the percentile rule).
  const rows = await db.query<Record<string, unknown>>(
    `SELECT ${stage('received', ms('changed_at', 'received_at'))}, ${stage('read', ms('received_at', 'read_at'))},
            ${stage('written', ms('read_at', 'committed_at'))}
       FROM realtime_latencies
      WHERE committed_at >= $1 AND committed_at < $2 AND received_at IS NOT NULL AND read_at IS NOT NULL
        ${filters.map((f) => `AND ${f}`).join(' ')}`,
    params,
  );
  const r = rows[0] ?? {};
  const of = (name: string) =>
    toPercentiles({
      n: r[`${name}_n`] as number,
      avg: r[`${name}_avg`] as number | null,
      mx: r[`${name}_mx`] as number | null,
      ps: r[`${name}_ps`] as number[] | null,
    });
  return { received: of('received'), read: of('read'), written: of('written') };
}
