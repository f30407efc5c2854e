// `zuora-sync sync` and the embedded demo of `zuora-sync start`: sessions run in this process, with
// progress on a TTY and a summary table at the end.
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import type { SessionParams } from '../sessions/session-json.js';
import type { SessionScope, SyncSession } from '../sessions/session-rows.js';
import { requestSession } from '../sessions/request-session.js';
import { orphanedSessions } from '../sessions/session-owner.js';
import { renderSessionSummary } from '../sessions/session-summary.js';
import type { CliSyncRuntime } from './cli-composition.js';
import { runSession } from '../turbo/run-session.js';
import { progressView } from './sync-progress.js';
import { renderDryRun } from './dry-run-view.js';
import { terminalFor } from './terminal.js';

export interface RunSyncOptions {
  readonly scopes: readonly SessionScope[];
  readonly mode: 'full' | 'incremental' | undefined;
  readonly trigger?: 'manual' | 'scheduled' | 'cleanup' | 'backfill';
  readonly params?: SessionParams;
  /** Entities to sync; default: every entity the runtime covers ('' for a single-entity tenant). */
  readonly entityIds?: readonly string[];
}

/** A session of bulk syncs stays orphaned-looking this long without a heartbeat before another run takes it. */
const orphanStaleSeconds = 120;

/** The session to run for a scope and entity: one a stopped process left behind, else a new one. */
async function sessionToRun(
  store: Store,
  scope: SessionScope,
  entityId: string,
  options: RunSyncOptions,
  out: NodeJS.WriteStream,
): Promise<string | undefined> {
  // A session a stopped process left behind is finished first, from its checkpoints.
  const [orphan] =
    options.trigger === 'cleanup' || options.trigger === 'backfill'
      ? []
      : await orphanedSessions(
          store,
          { triggers: ['manual', 'scheduled', 'backfill', 'cleanup'], scope, entityId, unclaimed: true },
          orphanStaleSeconds,
        );
  if (orphan !== undefined) {
    out.write(`resuming ${scope} session ${orphan.id}, left unfinished by a stopped process\n`);
    return orphan.id;
  }
  const requested = await requestSession(store, {
    scope,
    entityId,
    trigger: options.trigger ?? 'manual',
    ...(options.mode === undefined ? {} : { mode: options.mode }),
    ...(options.params === undefined ? {} : { params: options.params }),
  });
  if (requested.ok) return requested.session.id;
  out.write(`refused: ${requested.message}\n`);
  return undefined;
}

export async function runSyncSessions(
  runtime: CliSyncRuntime,
  store: Store,
  logger: Logger,
  options: RunSyncOptions,
  out: NodeJS.WriteStream,
): Promise<SyncSession[]> {
  const sessions: SyncSession[] = [];
  const entities = options.entityIds ?? (await runtime.entities());
  for (const scope of options.scopes)
    for (const entityId of entities) {
      if (entityId !== '') out.write(`\nentity ${entityId}\n`);
      const id = await sessionToRun(store, scope, entityId, options, out);
      if (id === undefined) continue;
      const before = runtime.emulators?.salesforce.stats();
      const zuoraBefore = runtime.deps.zuora.calls;
      const progress = progressView(out);
      const session = await runSession(
        { ...runtime.deps, logger, onProgress: (event) => progress.onProgress(event) },
        id,
      );
      progress.stop();
      const after = runtime.emulators?.salesforce.stats();
      const usage = {
        zuoraCalls: runtime.deps.zuora.calls - zuoraBefore,
        ...(before === undefined || after === undefined
          ? {}
          : {
              salesforceApiCalls: after.apiRequests - before.apiRequests,
              bulkBatches: after.bulkBatches - before.bulkBatches,
            }),
      };
      out.write(`\n${await renderSessionSummary(store, session, usage)}\n`);
      const dry = session.counts.dryRun;
      if (dry !== undefined) out.write(`\n${renderDryRun(dry, terminalFor(out))}\n`);
      sessions.push(session);
    }
  return sessions;
}
