// The value a rule compares with its threshold, over its window ending now:
// - failures: records that failed (count), or failed per record attempted (percentage);
// - latency: the average (rounded up, as Zuora's performance event) or a percentile of the latency samples, ms;
// - silence: minutes since the last session that synced a record (the window does not apply);
// - drift: billing accounts the latest drift check in the window found drifted (count, or per account checked).
// https://docs.zuora.com/en/zuora-platform/extensibility/events-and-notifications/standard-events/standard-events-for-zuora-platform
import { percentileSql, toPercentiles, type PercentileRow } from '../../store/nearest-rank.js';
import type { Queryable } from '../../store/store.js';
import type { RuleWithSecret } from './rule-rows.js';
import { measureDrift } from './drift-metric.js';

export interface Measurement {
  readonly value: number | null;
  readonly windowStart: Date;
  readonly windowEnd: Date;
  readonly description: string;
}

export async function measure(db: Queryable, rule: RuleWithSecret, now: Date): Promise<Measurement> {
  const windowStart = new Date(now.getTime() - rule.windowMinutes * 60_000);
  const span = [windowStart.toISOString(), now.toISOString()];
  if (rule.kind === 'drift') return measureDrift(db, rule, windowStart, now);
  if (rule.kind === 'failures') {
    const rows = await db.query<{ failed: string | number | null; synced: string | number | null }>(
      `SELECT sum(records_failed) AS failed, sum(records_written + records_deleted) AS synced
         FROM sync_sessions WHERE finished_at >= $1 AND finished_at < $2`,
      span,
    );
    const failed = Number(rows[0]?.failed ?? 0);
    const attempted = failed + Number(rows[0]?.synced ?? 0);
    const value =
      rule.thresholdType === 'percentage' ? (attempted === 0 ? 0 : (failed / attempted) * 100) : failed;
    const text =
      rule.thresholdType === 'percentage'
        ? `${value.toFixed(1)}% of ${String(attempted)} records failed`
        : `${String(failed)} records failed`;
    return {
      value,
      windowStart,
      windowEnd: now,
      description: `${text} in the last ${String(rule.windowMinutes)} min`,
    };
  }
  if (rule.kind === 'latency') {
    const rows = await db.query<PercentileRow>(
      percentileSql(
        `SELECT latency_ms::float8 AS v FROM realtime_latencies WHERE committed_at >= $1 AND committed_at < $2
         UNION ALL SELECT (extract(epoch FROM finished_at - requested_at) * 1000)::float8 FROM sync_sessions
          WHERE trigger = 'on_demand' AND finished_at >= $1 AND finished_at < $2`,
        [],
      ),
      span,
    );
    const p = toPercentiles(rows[0]);
    const stat = rule.latencyStat ?? 'avg';
    const raw = stat === 'avg' ? p.avg : p[stat];
    const value = raw === null ? null : Math.ceil(raw);
    const text =
      value === null
        ? 'no latency samples'
        : `${stat} latency ${String(value)} ms over ${String(p.count)} samples`;
    return {
      value,
      windowStart,
      windowEnd: now,
      description: `${text} in the last ${String(rule.windowMinutes)} min`,
    };
  }
  const rows = await db.query<{ last: Date | null }>(
    `SELECT max(finished_at) AS last FROM sync_sessions
      WHERE state IN ('finished', 'finished_with_errors') AND records_written + records_deleted > 0`,
  );
  const last = rows[0]?.last ?? null;
  const value = last === null ? null : (now.getTime() - new Date(last).getTime()) / 60_000;
  return {
    value: value === null ? null : Math.floor(value),
    windowStart: last === null ? new Date(0) : new Date(last),
    windowEnd: now,
    description:
      last === null
        ? 'no session has synced a record yet'
        : `no successful sync for ${String(Math.floor(value ?? 0))} min (last at ${new Date(last).toISOString()})`,
  };
}

export function breaches(rule: RuleWithSecret, m: Measurement): boolean {
  // Silence with no successful sync ever is silence too.
  if (m.value === null) return rule.kind === 'silence';
  return m.value >= rule.threshold;
}
