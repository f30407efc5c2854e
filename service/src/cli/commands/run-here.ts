// Sessions run in this process (`sync`, `cleanup`, `backfill`) against the configured or embedded services.
import { createLogger } from '../../config/logger.js';
import { migrate } from '../../store/migrate.js';
import { openStore } from '../../store/open-store.js';
import { PgliteStore } from '../../store/pglite-store.js';
import type { SessionScope } from '../../sessions/session-rows.js';
import { ExitCode, isEmulated, type CliContext } from '../cli-context.js';
import { refuseStoreWithEmulators } from '../emulated-store.js';
import { runSyncSessions, type RunSyncOptions } from '../run-sync-sessions.js';

export async function runHere(
  ctx: CliContext,
  scopes: readonly SessionScope[],
  options: Omit<RunSyncOptions, 'scopes'>,
): Promise<void> {
  const cfg = ctx.config();
  refuseStoreWithEmulators(cfg);
  const logger = createLogger(cfg.logLevel === 'info' ? 'warn' : cfg.logLevel);
  // Emulators start fresh on every run, so their state and the store's watermarks must start fresh too.
  const store = isEmulated(cfg) ? await PgliteStore.open(undefined) : await openStore(cfg);
  try {
    await migrate(store);
    const runtime = await ctx.composition.createSyncRuntime(cfg, store, logger);
    try {
      if (runtime.emulators !== undefined) {
        ctx.io.stdout.write(
          'no credentials configured: syncing the embedded Zuora emulator into the embedded Salesforce emulator\n',
        );
      }
      const sessions = await runSyncSessions(runtime, store, logger, { scopes, ...options }, ctx.io.stdout);
      if (sessions.some((s) => s.state === 'failed')) throw new ExitCode(1);
    } finally {
      await runtime.close();
    }
  } finally {
    await store.close();
  }
}
