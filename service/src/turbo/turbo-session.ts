// A Turbo Sync session from start to end, as its stages: the billing entity (multi-entity tenants), extract
// (AQuA jobs), spool (records through the record rules and maps, to CSV parts), load (upserts, parents before
// children), deferred references, deletions (children first), finish (state, watermark, history). Every
// stage checkpoints, so a session that crashed resumes where it stopped and re-sends at most the one job per
// object that was in flight. Its spool parts (billing PII) go when it ends, unless it may resume.
import { assertSyncedOrg } from '../sessions/org-guard.js';
import { timedStage } from '../sessions/stage-timer.js';
import { beginSession, failSession } from '../sessions/session-lifecycle.js';
import { throwIfCancelRequested } from '../sessions/session-cancel.js';
import type { SyncSession } from '../sessions/session-rows.js';
import type { SyncDeps } from '../sessions/sync-deps.js';
import { billingEntityStage } from './billing-entity.js';
import { extractStage } from './extract-stage.js';
import { finishStage } from './finish-stage.js';
import { spoolStage } from './spool-stage.js';
import { discardSpool } from './spool-retention.js';
import { openTurboRun, type TurboRun } from './turbo-run.js';
import type { LoadWriter } from '../sessions/load-plan.js';
import { TurboWriter } from './turbo-writer.js';
import { DryRunWriter } from './dry-run-writer.js';
import { finishDryRun } from './dry-run-finish.js';

/**
 * The spool stage and the upsert pass: side by side when the spool stage lets objects load as their streams
 * complete (spool-gates.ts), else one after the other. Both are waited for whichever fails first.
 */
async function spoolAndUpsert(run: TurboRun, writer: LoadWriter): Promise<void> {
  const spooling = spoolStage(run);
  const cancelCheck = () => throwIfCancelRequested(run.deps.store, run.session.id);
  if (!(await run.gates.early)) {
    await spooling;
    await cancelCheck();
    return run.plan.runPass(writer, 'upsert');
  }
  const upserting = cancelCheck().then(() => run.plan.runPass(writer, 'upsert'));
  const [spooled, upserted] = await Promise.allSettled([spooling, upserting]);
  if (spooled.status === 'rejected') throw spooled.reason;
  if (upserted.status === 'rejected') throw upserted.reason;
}

export async function runTurboSession(deps: SyncDeps, sessionId: string): Promise<SyncSession> {
  const { session, stop } = await beginSession(deps.store, sessionId);
  let ended: SyncSession;
  try {
    await timedStage(deps, 'org check', () => assertSyncedOrg(deps));
    const run = await timedStage(deps, 'open', () => openTurboRun(deps, session));
    // A dry run takes the same stages with a writer that compares instead of writing.
    const dry = session.params.dryRun === true ? new DryRunWriter(run) : undefined;
    const writer = dry ?? new TurboWriter(run);
    await timedStage(deps, 'billing entity', () => billingEntityStage(run));
    await timedStage(deps, 'extract', () => extractStage(run));
    await timedStage(deps, 'spool + upsert', () => spoolAndUpsert(run, writer));
    await timedStage(deps, 'deferred', () => run.plan.runPass(writer, 'deferred'));
    await timedStage(deps, 'delete', () => run.plan.runPass(writer, 'delete'));
    ended = await timedStage(deps, 'finish', () =>
      dry === undefined ? finishStage(run) : finishDryRun(run, dry),
    );
  } catch (error) {
    ended = await failSession(deps, sessionId, error, {});
  } finally {
    stop();
  }
  discardSpool(deps, sessionId, ended.state);
  return ended;
}
