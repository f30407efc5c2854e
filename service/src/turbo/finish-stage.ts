// Turbo Sync's last stage: the session's state (finished, or finished with errors when a record failed), the
// incremental high-water mark moved to the end of the window (not by a backfill, which re-reads part of the
// data), and the Sync_History__c record in the history outbox, in one transaction; then the record is sent (a
// kill before it reaches Salesforce leaves it in the outbox, sent at the next start: sessions/history-outbox.ts).
import { transitionSession, type SyncSession } from '../sessions/session-rows.js';
import { enqueueSyncHistory, sendOutboxHistory } from '../sessions/history-outbox.js';
import { sessionFailureCounts } from '../store/session-failure-counts.js';
import { writeWatermark } from '../store/watermark-rows.js';
import type { TurboRun } from './turbo-run.js';

export async function finishStage(run: TurboRun): Promise<SyncSession> {
  const { deps, session, counts } = run;
  // Failures as stored, so a session killed and resumed reports what a clean run would.
  counts.setFailed(await sessionFailureCounts(deps.store, session.id));
  const to = counts.failed > 0 ? 'finished_with_errors' : 'finished';
  const summary = {
    objects: { ...counts.objects },
    durationMs: Date.now() - run.startedAt,
    zuoraCalls: deps.zuora.calls - run.zuoraCallsBefore,
    ...(deps.skipUnchanged === true ? { skippedUnchanged: { ...run.skipped } } : {}),
  };
  const finished = await deps.store.transaction(async (tx) => {
    if (run.backfill === undefined)
      await writeWatermark(tx, session.scope, session.entityId, run.windowEnd, session.id);
    const ended = await transitionSession(tx, session.id, to, { counts: summary });
    await enqueueSyncHistory(tx, deps.zuoraHost, ended, counts.objects);
    return ended;
  });
  await sendOutboxHistory(deps, session.id).catch((error: unknown) => {
    deps.logger.warn(
      { err: error, sessionId: session.id },
      'could not write Sync_History__c; the session itself is complete',
    );
  });
  return finished;
}
