// Latency percentiles as Zuora defines them for its connector: sort the samples, skip the first p% and take
// the next one. With 25, 50, 68, 78, 90, 102 s, P50 = 78 and P90 = 102. That is index floor(p * n) of the
// sorted samples (0-based), not PostgreSQL's percentile_disc (index ceil(p * n) - 1, which gives P50 = 68).
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/zuora-connector-for-salesforce-crm/zuora-connector-for-salesforce-crm/zuora-connector-for-salesforce-crm-sync-methods/near-real-time-sync

export const percentiles = { p50: 0.5, p90: 0.9, p95: 0.95, p99: 0.99 } as const;
export type PercentileName = keyof typeof percentiles;

/** The 0-based index of percentile `p` among `n` sorted samples. */
export function rankIndex(n: number, p: number): number {
  return Math.min(n - 1, Math.floor(p * n + 1e-9));
}

export function nearestRank(sorted: readonly number[], p: number): number | undefined {
  return sorted.length === 0 ? undefined : sorted[rankIndex(sorted.length, p)];
}

/**
 * SQL computing, per group of `source` (a query with the columns named in `groups` and a numeric `v`), the
 * sample count `n`, `avg`, `mx` and p50/p90/p95/p99 by the rule above, with one sort per group: PostgreSQL's
 * percentile_disc(q) takes index ceil(q * n) - 1, which equals floor(p * n) for q = p + 1e-10 whenever the
 * fraction p * n misses the next whole number by more than n * 1e-10 (for these p it misses by at least
 * 0.01, so the rule holds up to a hundred million samples).
 * https://www.postgresql.org/docs/current/functions-aggregate.html#FUNCTIONS-ORDEREDSET-TABLE
 */
export function percentileSql(source: string, groups: readonly string[]): string {
  const by = groups.join(', ');
  const qs = Object.values(percentiles).map((p) => String(p + 1e-10));
  return `SELECT ${groups.length === 0 ? '' : `${by}, `}count(*) AS n, avg(v)::float8 AS avg, max(v)::float8 AS mx,
         percentile_disc(ARRAY[${qs.join(', ')}]::float8[]) WITHIN GROUP (ORDER BY v) AS ps
    FROM (${source}) s
   ${groups.length === 0 ? '' : `GROUP BY ${by}`}`;
}

export interface PercentileRow {
  n: string | number;
  avg: number | null;
  mx: number | null;
  ps: readonly (number | string | null)[] | null;
}

export interface Percentiles {
  readonly count: number;
  readonly avg: number | null;
  readonly max: number | null;
  readonly p50: number | null;
  readonly p90: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
}

const num = (v: number | string | null | undefined) => (v === null || v === undefined ? null : Number(v));

export function toPercentiles(r: PercentileRow | undefined): Percentiles {
  return {
    count: Number(r?.n ?? 0),
    avg: num(r?.avg),
    max: num(r?.mx),
    p50: num(r?.ps?.[0]),
    p90: num(r?.ps?.[1]),
    p95: num(r?.ps?.[2]),
    p99: num(r?.ps?.[3]),
  };
}
