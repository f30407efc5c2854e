// Turbo Sync's last stage: the session's state (finished, or finished with errors when a record failed), the
// incremental high-water mark moved to the end of the window (not by a backfill, which re-reads part of the
// data), in one transaction; then the Sync_History__c record (best effort: the session itself is complete).
import { transitionSession, type SyncSession } from '../sessions/session-rows.js';
import { writeSyncHistory } from '../sessions/sync-history.js';
import { writeWatermark } from '../store/watermark-rows.js';
import type { TurboRun } from './turbo-run.js';

export async function finishStage(run: TurboRun): Promise<SyncSession> {
  const { deps, session, counts } = run;
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
    return transitionSession(tx, session.id, to, { counts: summary });
  });
  await writeSyncHistory(deps, finished, counts.objects).catch((error: unknown) => {
    deps.logger.warn(
      { err: error, sessionId: session.id },
      'could not write Sync_History__c; the session itself is complete',
    );
  });
  return finished;
}
