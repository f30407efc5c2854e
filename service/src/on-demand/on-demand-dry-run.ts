// An on-demand dry run (`"dryRun": true`): the session extracts and maps exactly as the real request, then
// compares with Salesforce's current values (SOQL by external id, api-sync/compare-writer.ts) instead of
// writing. No record, no Sync_History__c, no Last_Sync_* status field is written and no failure is stored;
// the report goes in the session's counts and the full list to DATA_DIR/dry-runs/<session>.ndjson (as a Turbo
// dry run's, so GET /v1/syncs/:id/dry-run-changes serves it). The answer lists the changes themselves.
import { runApiSync } from '../api-sync/api-sync.js';
import type { ApiSyncDeps } from '../api-sync/api-sync-types.js';
import { diffLines, diffReport, writeDiffFile, type DiffLine } from '../compare/diff-report.js';
import type { DiffCounts } from '../compare/diff-types.js';
import { failSession } from '../sessions/session-lifecycle.js';
import { startHeartbeat } from '../sessions/session-owner.js';
import { transitionSession, type SyncSession } from '../sessions/session-rows.js';
import { dryRunFile } from '../turbo/dry-run-finish.js';
import { onDemandTarget, resultsByZuoraId } from './on-demand-results.js';

/** Changes listed in the answer; the rest are in the file. */
export const answeredChanges = 1_000;

export interface OnDemandDryRunRun {
  readonly session: SyncSession;
  readonly changes: readonly DiffLine[];
  /** Changes beyond `answeredChanges` (only in the file). */
  readonly more: number;
}

export async function runOwnDryRun(
  deps: ApiSyncDeps,
  session: SyncSession,
  zuoraIds: readonly string[],
): Promise<OnDemandDryRunRun> {
  const started = Date.now();
  const stop = startHeartbeat(deps.store, session.id);
  try {
    const result = await runApiSync(deps, {
      sessionId: session.id,
      entityId: session.entityId,
      target: onDemandTarget(session, zuoraIds),
      caller: 'on-demand',
      dryRun: true,
    });
    const diffs = result.diffs ?? [];
    const file = dryRunFile(deps.spoolDir, session.id);
    const lines = await writeDiffFile(file, diffs);
    const changes: DiffLine[] = [];
    for (const line of diffLines(diffs)) {
      if (changes.length === answeredChanges) break;
      changes.push(line);
    }
    const counts = {
      objects: { ...result.counts },
      results: resultsByZuoraId(result.outcomes, zuoraIds, session.scope),
      durationMs: Date.now() - started,
      salesforceCalls: result.salesforceCalls,
      zuoraCalls: result.zuoraCalls,
      dryRun: diffReport(diffs, result.salesforceCalls, lines > 0 ? file : null),
    };
    const ended = await transitionSession(deps.store, session.id, 'finished', { counts });
    return { session: ended, changes, more: lines - changes.length };
  } catch (error) {
    await failSession(deps, session.id, error, {}).catch(() => undefined);
    throw error;
  } finally {
    stop();
  }
}

/** What a dry run answers: per object the counts, the changes (fields old -> new), what they cost. */
export interface OnDemandDryRunAnswer {
  readonly objects: Record<string, DiffCounts>;
  readonly changes: DiffLine[];
  /** Changes not listed here (over `answeredChanges`): GET /v1/syncs/:sessionId/dry-run-changes has them all. */
  readonly moreChanges: number;
  readonly salesforceCalls: number;
}

/** The answer of a request's dry runs (one per entity on a multi-entity tenant), counts added up. */
export function dryRunAnswer(runs: readonly OnDemandDryRunRun[]): OnDemandDryRunAnswer {
  const objects: Record<string, DiffCounts> = {};
  const changes: DiffLine[] = [];
  let more = 0;
  let calls = 0;
  for (const run of runs) {
    const report = run.session.counts.dryRun;
    for (const [object, c] of Object.entries(report?.objects ?? {})) {
      const sum = objects[object] ?? { created: 0, updated: 0, unchanged: 0, deleted: 0, failed: 0 };
      objects[object] = {
        created: sum.created + c.created,
        updated: sum.updated + c.updated,
        unchanged: sum.unchanged + c.unchanged,
        deleted: sum.deleted + c.deleted,
        failed: sum.failed + c.failed,
      };
    }
    changes.push(...run.changes);
    more += run.more;
    calls += report?.salesforceCalls ?? 0;
  }
  return { objects, changes, moreChanges: more, salesforceCalls: calls };
}
