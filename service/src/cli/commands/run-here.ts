// Sessions run in this process (`sync`, `cleanup`, `backfill`) against the configured or embedded services.
import { createLogger } from '../../config/logger.js';
import { migrate } from '../../store/migrate.js';
import { Writable } from 'node:stream';
import { openMemoryStore, openStore } from '../../store/open-store.js';
import type { SessionScope, SyncSession } from '../../sessions/session-rows.js';
import { ExitCode, isEmulated, type CliContext } from '../cli-context.js';
import { refuseStoreWithEmulators } from '../emulated-store.js';
import { runSyncSessions, type RunSyncOptions } from '../run-sync-sessions.js';

export async function runHere(
  ctx: CliContext,
  scopes: readonly SessionScope[],
  options: Omit<RunSyncOptions, 'scopes'>,
  json = false,
): Promise<void> {
  const cfg = ctx.config();
  refuseStoreWithEmulators(cfg);
  const logger = createLogger(cfg.logLevel === 'info' ? 'warn' : cfg.logLevel);
  // Emulators start fresh on every run, so their state and the store's watermarks must start fresh too.
  const store = isEmulated(cfg) ? await openMemoryStore() : await openStore(cfg);
  try {
    await migrate(store);
    const runtime = await ctx.composition.createSyncRuntime(cfg, store, logger);
    try {
      if (runtime.emulators !== undefined) {
        (json ? ctx.io.stderr : ctx.io.stdout).write(
          'no credentials configured: syncing the embedded Zuora emulator into the embedded Salesforce emulator\n',
        );
      }
      // --json: the sessions as JSON on stdout, and nothing else there (no progress, no tables).
      const out = json ? discard() : ctx.io.stdout;
      const sessions = await runSyncSessions(runtime, store, logger, { scopes, ...options }, out);
      if (json) ctx.io.stdout.write(`${JSON.stringify({ sessions: sessions.map(sessionJson) }, null, 2)}\n`);
      if (sessions.some((s) => s.state === 'failed')) throw new ExitCode(1);
    } finally {
      await runtime.close();
    }
  } finally {
    await store.close();
  }
}

/** A stream that drops what is written (--json keeps stdout for the JSON). */
export function discard(): NodeJS.WriteStream {
  return new Writable({ write: (_chunk, _encoding, done) => done() }) as unknown as NodeJS.WriteStream;
}

function sessionJson(s: SyncSession): Record<string, unknown> {
  return { id: s.id, scope: s.scope, entityId: s.entityId, state: s.state, error: s.error, counts: s.counts };
}
