// `zuora-sync drift`: is Salesforce still what Zuora says? A full read of both sides (Zuora through AQuA,
// Salesforce through one Bulk query per object), compared record by record and per billing account; nothing
// is written. `--repair` then backfills exactly the drifted accounts (only what differs) and deletes the
// extra records, after the report and a confirmation on a TTY (`--yes` skips it).
import { createInterface } from 'node:readline/promises';
import { createLogger } from '../../config/logger.js';
import { migrate } from '../../store/migrate.js';
import { openMemoryStore, openStore } from '../../store/open-store.js';
import { repairDrift } from '../../turbo/drift-repair.js';
import { ExitCode, isEmulated, type CliCommand, type CliContext } from '../cli-context.js';
import { renderDrift } from '../drift-view.js';
import { runSyncSessions } from '../run-sync-sessions.js';
import { discard } from './run-here.js';

interface DriftOptions {
  readonly object?: string[];
  readonly account?: string[];
  readonly json?: boolean;
  readonly repair?: boolean;
  readonly yes?: boolean;
}

async function confirmed(ctx: CliContext, opts: DriftOptions): Promise<boolean> {
  if (opts.yes === true) return true;
  if (!ctx.out.isTty || process.stdin.isTTY !== true) {
    ctx.io.stderr.write('not repairing: confirm with --yes when not on a terminal\n');
    return false;
  }
  const rl = createInterface({ input: process.stdin, output: ctx.io.stdout });
  try {
    return /^y(es)?$/i.test((await rl.question('repair this drift now? [y/N] ')).trim());
  } finally {
    rl.close();
  }
}

async function drift(ctx: CliContext, opts: DriftOptions): Promise<void> {
  const cfg = ctx.config();
  const logger = createLogger(cfg.logLevel === 'info' ? 'warn' : cfg.logLevel);
  const store = isEmulated(cfg) ? await openMemoryStore() : await openStore(cfg);
  try {
    await migrate(store);
    const runtime = await ctx.composition.createSyncRuntime(cfg, store, logger);
    try {
      // Embedded emulators start empty: sync them first, so the check compares something.
      if (runtime.emulators !== undefined) {
        ctx.io.stderr.write('no credentials configured: a full sync of the embedded emulators first\n');
        await runSyncSessions(runtime, store, logger, { scopes: ['accounts'], mode: 'full' }, discard());
      }
      const targeted = opts.account !== undefined || opts.object !== undefined;
      const backfill = {
        ...(opts.account ? { accountIds: opts.account } : {}),
        ...(opts.object ? { objects: opts.object } : {}),
      };
      const sessions = await runSyncSessions(
        runtime,
        store,
        logger,
        {
          scopes: ['accounts'],
          mode: 'full',
          trigger: targeted ? 'backfill' : 'manual',
          params: { dryRun: true, drift: true, ...(targeted ? { backfill } : {}) },
        },
        discard(),
      );
      const repairs = [];
      for (const s of sessions) {
        const report = s.counts.dryRun;
        if (report === undefined) throw new ExitCode(1);
        if (opts.json !== true) ctx.io.stdout.write(`${renderDrift(report, ctx.out)}\n`);
        const drifted = Object.keys(report.drift?.accounts ?? {}).length > 0;
        if (opts.repair === true && drifted && (await confirmed(ctx, opts)))
          repairs.push(await repairDrift(runtime.deps, s));
      }
      if (opts.json === true)
        ctx.io.stdout.write(
          `${JSON.stringify({ checks: sessions.map((s) => ({ id: s.id, entityId: s.entityId, ...s.counts.dryRun })), repairs }, null, 2)}\n`,
        );
      else
        for (const r of repairs)
          ctx.io.stdout.write(
            `repaired: backfill ${r.backfill?.id ?? '(none)'} ${r.backfill?.state ?? ''}, extra records deleted ${JSON.stringify(r.deleted)}\n`,
          );
      if (sessions.some((s) => s.state === 'failed')) throw new ExitCode(1);
    } finally {
      await runtime.close();
    }
  } finally {
    await store.close();
  }
}

export const driftCommand: CliCommand = {
  register(program, ctx) {
    program
      .command('drift')
      .description(
        'compare Salesforce with Zuora (counts, per-account checksums, records and fields); writes nothing',
      )
      .option('--object <name...>', 'only these Zuora or Salesforce objects')
      .option('--account <zuoraId...>', 'only these billing accounts (Zuora account ids)')
      .option('--json', 'print the report as JSON')
      .option('--repair', 'then backfill the drifted accounts and delete the extra records')
      .option('--yes', 'repair without asking')
      .action((opts: DriftOptions) => drift(ctx, opts));
  },
};
