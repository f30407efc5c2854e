// `zuora-sync sync` and the embedded demo of `zuora-sync start`: sessions run in this process, with
// progress on a TTY and a summary table at the end.
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import type { SessionScope, SyncSession } from '../sessions/session-rows.js';
import { requestSession } from '../sessions/request-session.js';
import { orphanedSessions } from '../sessions/session-owner.js';
import { renderSessionSummary } from '../sessions/session-summary.js';
import type { CliSyncRuntime } from './cli-composition.js';
import { runSession } from '../turbo/run-session.js';
import { progressView } from './sync-progress.js';

export interface RunSyncOptions {
  readonly scopes: readonly SessionScope[];
  readonly mode: 'full' | 'incremental' | undefined;
  readonly trigger?: 'manual' | 'scheduled' | 'cleanup' | 'backfill';
  readonly params?: Record<string, unknown>;
  /** Entities to sync; default: every entity the runtime covers ('' for a single-entity tenant). */
  readonly entityIds?: readonly string[];
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
      // A session a stopped process left behind is finished first, from its checkpoints.
      const [orphan] =
        options.trigger === 'cleanup' || options.trigger === 'backfill'
          ? []
          : await orphanedSessions(store, scope, entityId);
      const requested =
        orphan !== undefined
          ? { ok: true as const, session: { id: orphan } }
          : await requestSession(store, {
              scope,
              entityId,
              trigger: options.trigger ?? 'manual',
              ...(options.mode === undefined ? {} : { mode: options.mode }),
              ...(options.params === undefined ? {} : { params: options.params }),
            });
      if (!requested.ok) {
        out.write(`refused: ${requested.message}\n`);
        continue;
      }
      if (orphan !== undefined)
        out.write(`resuming ${scope} session ${orphan}, left unfinished by a stopped process\n`);
      const before = runtime.emulators?.salesforce.stats();
      const zuoraBefore = runtime.deps.zuora.calls;
      const progress = progressView(out);
      const session = await runSession(
        { ...runtime.deps, logger, onProgress: (event) => progress.onProgress(event) },
        requested.session.id,
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
      sessions.push(session);
    }
  return sessions;
}
