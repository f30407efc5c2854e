// A Turbo Sync dry run's last stage: the report (counts, a sample of the changes, the cost) in the session's
// counts and the full list of changes as an NDJSON file under the data folder (DATA_DIR/dry-runs/<id>.ndjson,
// removed with the session by the console's retention). The watermark does not move, no Sync_History__c is
// written, no failure is stored, and the spool is removed: nothing of a dry run changes what a real run does.
// A drift check's report is kept in the store too (drift-report.ts), for the console and the drift rule.
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { diffReport, writeDiffFile } from '../compare/diff-report.js';
import { transitionSession, type SyncSession } from '../sessions/session-rows.js';
import type { DryRunWriter } from './dry-run-writer.js';
import type { TurboRun } from './turbo-run.js';
import type { DriftPart } from '../sessions/session-json.js';
import { keepDriftReport } from './drift-report.js';

/** Where a session's dry-run file is kept, beside the spool in the data folder. */
export function dryRunFile(spoolDir: string, sessionId: string): string {
  return join(dirname(spoolDir), 'dry-runs', `${sessionId}.ndjson`);
}

export async function finishDryRun(run: TurboRun, writer: DryRunWriter): Promise<SyncSession> {
  const { deps, session, counts } = run;
  const diffs = await writer.diffs(run.plan.unstored);
  const file = dryRunFile(deps.spoolDir, session.id);
  const lines = await writeDiffFile(file, diffs);
  const report = { ...diffReport(diffs, writer.calls, lines > 0 ? file : null), ...driftPart(writer) };
  await rm(run.spool.dir, { recursive: true, force: true });
  if (writer.drift !== undefined) await keepDriftReport(deps.store, session, writer.drift, diffs, report);
  return transitionSession(deps.store, session.id, 'finished', {
    counts: {
      objects: { ...counts.objects },
      durationMs: Date.now() - run.startedAt,
      zuoraCalls: deps.zuora.calls - run.zuoraCallsBefore,
      salesforceCalls: writer.calls,
      dryRun: report,
    },
  });
}

/** A drift check's part of the report: the accounts whose checksums differ, and each object's read. */
function driftPart(writer: DryRunWriter): { drift?: DriftPart } {
  const drift = writer.drift;
  if (drift === undefined) return {};
  const reads: DriftPart['reads'] = {};
  for (const [object, r] of drift.reads)
    reads[object] = { records: r.records.size, calls: r.calls, pages: r.pages };
  return {
    drift: { accounts: drift.checksums.drifted(), checkedAccounts: drift.checksums.sums.size, reads },
  };
}
