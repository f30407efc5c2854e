// The drift rule's value: the billing accounts the latest drift check of the window found drifted (their
// checksums differ: records missing, extra or different in Salesforce), as a count or a percentage of the
// accounts checked. No check in the window: no value, so the rule does not fire.
import { latestDriftReport } from '../../store/drift-report-rows.js';
import type { Queryable } from '../../store/store.js';
import type { Measurement } from './rule-metric.js';
import type { RuleWithSecret } from './rule-rows.js';

export async function measureDrift(
  db: Queryable,
  rule: RuleWithSecret,
  windowStart: Date,
  now: Date,
): Promise<Measurement> {
  const latest = await latestDriftReport(db, windowStart, now);
  if (latest === undefined)
    return {
      value: null,
      windowStart,
      windowEnd: now,
      description: `no drift check in the last ${String(rule.windowMinutes)} min`,
    };
  const { driftedAccounts: drifted, checkedAccounts: checked } = latest;
  const value =
    rule.thresholdType === 'percentage' ? (checked === 0 ? 0 : (drifted / checked) * 100) : drifted;
  return {
    value,
    windowStart,
    windowEnd: now,
    description:
      `${String(drifted)} of ${String(checked)} billing accounts drifted (${String(latest.driftedRecords)} records` +
      ` missing, extra or different) in the drift check ${latest.sessionId} at ${latest.checkedAt.toISOString()}`,
  };
}
