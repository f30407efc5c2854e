// A drift check's report kept in the store (drift_reports, migration 007) when the check ends: the summary
// (accounts checked and drifted, records differing), the report of the session's counts, and the differing
// records down to the field, each with its billing account, for the console's drift page and the drift
// notification rule. At most `storedChanges` records are kept there; the NDJSON file has them all.
import { diffLines, type DiffLine } from '../compare/diff-report.js';
import type { ObjectDiff } from '../compare/diff-types.js';
import type { DryRunReport } from '../sessions/session-json.js';
import type { SyncSession } from '../sessions/session-rows.js';
import { saveDriftReport } from '../store/drift-report-rows.js';
import type { Queryable } from '../store/store.js';
import type { DriftSource } from './drift-source.js';

export const storedChanges = 5_000;

export type DriftChange = DiffLine & { readonly account: string };

export async function keepDriftReport(
  db: Queryable,
  session: SyncSession,
  drift: DriftSource,
  diffs: readonly ObjectDiff[],
  report: DryRunReport,
): Promise<void> {
  const changes: DriftChange[] = [];
  let total = 0;
  for (const line of diffLines(diffs)) {
    total += 1;
    if (changes.length < storedChanges)
      changes.push({ ...line, account: drift.accountOf.get(`${line.object}\u0000${line.key}`) ?? '' });
  }
  const records = Object.values(report.objects).reduce((n, c) => n + c.created + c.updated + c.deleted, 0);
  await saveDriftReport(db, {
    sessionId: session.id,
    entityId: session.entityId,
    trigger: session.trigger,
    checkedAccounts: report.drift?.checkedAccounts ?? 0,
    driftedAccounts: Object.keys(report.drift?.accounts ?? {}).length,
    driftedRecords: records,
    report,
    changes,
    moreChanges: total - changes.length,
  });
}
