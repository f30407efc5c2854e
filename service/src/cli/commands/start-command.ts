// `zuora-sync start` (npm start), the main job: sync now, then serve. With no credentials it is the embedded
// demo: a full sync, a round of business changes in the Zuora emulator, an incremental sync, then CPQ orders
// from the Salesforce emulator's CPQ org to Zuora (cli/cpq-demo-step.ts).
import { createLogger } from '../../config/logger.js';
import type { CliSyncRuntime } from '../cli-composition.js';
import type { CliCommand, CliContext } from '../cli-context.js';
import { cpqFor } from '../../cpq/cpq-runtime.js';
import { loadCpqDemo, runCpqDemo } from '../cpq-demo-step.js';
import { runSyncSessions } from '../run-sync-sessions.js';
import { listenAndWait, serviceFor } from './serve-here.js';

export const startCommand: CliCommand = {
  register(program, ctx) {
    program
      .command('start')
      .description(
        'the main job: sync now (with no credentials, the embedded demo: full sync, a round of business changes, incremental sync, then CPQ orders), then serve',
      )
      .action(async () => {
        const cfg = ctx.config();
        const logger = createLogger(cfg.logLevel === 'info' ? 'warn' : cfg.logLevel);
        const service = await serviceFor(ctx, cfg, logger);
        const runtime = service.runtime as CliSyncRuntime;
        try {
          await syncFirst(ctx, runtime, service.store, logger, cfg.emulator);
        } catch (error) {
          await service.close();
          throw error;
        }
        ctx.io.stdout.write('\n');
        await listenAndWait(ctx, service, cfg);
      });
  },
};

async function syncFirst(
  ctx: CliContext,
  runtime: CliSyncRuntime,
  store: Parameters<typeof runSyncSessions>[1],
  logger: Parameters<typeof runSyncSessions>[2],
  tenant: { readonly size: string; readonly seed: number },
): Promise<void> {
  const out = ctx.io.stdout;
  const emulators = runtime.emulators;
  if (emulators !== undefined) {
    out.write(
      `embedded default: Zuora emulator at ${emulators.zuora.url}, Salesforce emulator at ${emulators.salesforce.url} (tenant ${tenant.size}, seed ${String(tenant.seed)})\n`,
    );
    // The CPQ scenario is part of the org's seed: loaded (the org reset to it) before anything is synced.
    loadCpqDemo(emulators.cpq, tenant.seed, out);
    out.write('\n== full sync\n');
  }
  await runSyncSessions(runtime, store, logger, { scopes: ['catalog', 'accounts'], mode: undefined }, out);
  if (emulators === undefined) return;
  const round = emulators.applyDemoChanges();
  out.write(
    `\n== business changes in Zuora: ${String(round.applied)} events, ${String(round.changes)} records changed\n`,
  );
  for (const r of round.refused) out.write(`   (not applied: ${r})\n`);
  out.write('\n== incremental sync\n');
  await runSyncSessions(runtime, store, logger, { scopes: ['accounts'], mode: 'incremental' }, out);
  out.write('\n== CPQ orders: Salesforce CPQ -> Zuora\n');
  await runCpqDemo(cpqFor(runtime.deps).deps, emulators.cpq, out);
}
