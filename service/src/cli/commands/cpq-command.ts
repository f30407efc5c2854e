// `zuora-sync cpq sync --order <id...> | --account <id...> [--dry-run]`: sends CPQ orders to Zuora in this
// process, as POST /v1/cpq/order-syncs does (docs/cpq-order-sync-contract.md), and prints one line per order
// (with --dry-run, the exact Zuora requests as JSON). Exit code 1 when an order failed.
import { createLogger } from '../../config/logger.js';
import type { CpqDeps } from '../../cpq/cpq-deps.js';
import { cpqRuntime } from '../../cpq/cpq-runtime.js';
import { runCpqSession } from '../../cpq/cpq-session.js';
import { orphanedSessions } from '../../sessions/session-owner.js';
import { runCpqRequest } from '../../cpq/cpq-request.js';
import type { CpqOrderResult } from '../../cpq/order-outcome.js';
import { migrate } from '../../store/migrate.js';
import { openStore } from '../../store/open-store.js';
import { ExitCode, usage, type CliCommand } from '../cli-context.js';

/** CPQ sessions a stopped process left (SIGKILL, a crash) go on from their checkpoints first. */
async function resumeOrphans(deps: CpqDeps, say: (id: string) => void): Promise<void> {
  for (const o of await orphanedSessions(
    deps.store,
    { triggers: ['on_demand', 'scheduled'], scope: 'cpq' },
    60,
  )) {
    say(o.id);
    await runCpqSession(deps, o.id);
  }
}

interface CpqSyncOptions {
  readonly order?: string[];
  readonly account?: string[];
  readonly dryRun?: boolean;
}

function line(r: CpqOrderResult): string {
  const what =
    r.status === 'Synced' ? `Zuora order ${r.zuoraOrderNumber ?? ''}` : `${r.errorCode ?? ''} ${r.message}`;
  return `${r.orderNumber || r.orderId}  ${r.status}  ${what}${r.fix === null ? '' : `\n    fix: ${r.fix}`}\n`;
}

export const cpqCommand: CliCommand = {
  register(program, ctx) {
    const cpq = program.command('cpq').description('Salesforce CPQ orders -> Zuora');
    cpq
      .command('sync')
      .description('send activated CPQ orders (or all of some accounts) to Zuora now')
      .option('--order <orderId...>', 'Salesforce Order Ids')
      .option('--account <accountId...>', 'Salesforce Account Ids: their activated orders not yet synced')
      .option('--dry-run', 'print the Zuora requests it would send and send nothing')
      .action(async (opts: CpqSyncOptions) => {
        if ((opts.order ?? []).length + (opts.account ?? []).length === 0)
          throw usage('cpq sync needs --order <id> or --account <id>');
        const cfg = ctx.config();
        const logger = createLogger(cfg.logLevel === 'info' ? 'warn' : cfg.logLevel);
        const store = await openStore(cfg);
        try {
          await migrate(store);
          const runtime = await ctx.composition.createSyncRuntime(cfg, store, logger);
          try {
            const { deps } = cpqRuntime(runtime.deps, cfg.cpq, cfg.apiBudget);
            await resumeOrphans(deps, (id) => ctx.io.stdout.write(`resuming CPQ session ${id}\n`));
            const request = {
              orderIds: opts.order ?? [],
              accountIds: opts.account ?? [],
              dryRun: opts.dryRun === true,
            };
            const answer = await runCpqRequest(deps, { ...request, source: 'CLI' });
            for (const r of answer.results) ctx.io.stdout.write(line(r));
            if (answer.dryRun)
              ctx.io.stdout.write(
                `${JSON.stringify(
                  answer.results.map((r) => ({ orderId: r.orderId, requests: r.requests })),
                  null,
                  2,
                )}\n`,
              );
            if (answer.results.some((r) => r.status === 'Failed')) throw new ExitCode(1);
          } finally {
            await runtime.close();
          }
        } finally {
          await store.close();
        }
      });
  },
};
