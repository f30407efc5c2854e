// The `zuora-sync` command line. Exit codes: 0 done, 1 a check or job failed, 2 bad configuration or usage.
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/config-error.js';
import { loadConfig, type Config } from '../config/load-config.js';
import { createLogger } from '../logging/logger.js';
import { createService, type Service } from '../main.js';
import type { Logger } from 'pino';
import { applyDemoChanges } from '../embedded/demo-changes.js';
import type { SyncRuntime } from '../sync/sync-runtime.js';
import { migrate } from '../store/migrate.js';
import { openStore } from '../store/open-store.js';
import { PgliteStore } from '../store/pglite-store.js';
import { serviceVersion } from '../version.js';
import { createSyncRuntime } from '../sync/sync-runtime.js';
import { defaultForceAppDir, runCheckOrg } from '../package-check/check-org.js';
import { doctorChecks, runDoctor } from './doctor.js';
import { runSyncSessions, type RunSyncOptions } from './sync-command.js';
import { terminalFor } from './terminal.js';

export interface CliIo {
  readonly stdout: NodeJS.WriteStream;
  readonly stderr: NodeJS.WriteStream;
  readonly env: NodeJS.ProcessEnv;
}

function usage(message: string): CommanderError {
  return new CommanderError(2, 'zuora-sync.usage', message);
}

class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export async function runCli(argv: readonly string[], io: CliIo = process): Promise<number> {
  const err = terminalFor(io.stderr, io.env);
  const out = terminalFor(io.stdout, io.env);
  const config = (): Config => {
    try {
      return loadConfig();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.stderr.write(`${err.bad('zuora-sync: the configuration is invalid')}\n`);
      for (const p of error.problems) io.stderr.write(`  ${p.name}: ${p.message}\n`);
      throw new ExitCode(2);
    }
  };

  const program = new Command()
    .name('zuora-sync')
    .description('Zuora Billing <-> Salesforce connector: sync service, CLI and emulators')
    .version(serviceVersion)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  program
    .command('migrate')
    .description('apply pending store migrations (PGlite in DATA_DIR, or PostgreSQL at DATABASE_URL)')
    .action(async () => {
      const store = await openStore(config());
      try {
        const report = await migrate(store);
        io.stdout.write(
          report.applied.length === 0
            ? `store is current (migration ${report.current})\n`
            : `applied ${report.applied.join(', ')}\n`,
        );
      } finally {
        await store.close();
      }
    });

  program
    .command('doctor')
    .description('check configuration, store, Zuora and Salesforce; one line per problem, exit 1 if any')
    .action(async () => {
      let cfg: Config;
      try {
        cfg = loadConfig();
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        for (const p of error.problems)
          io.stdout.write(`${out.bad('FAIL')} config      ${p.name}: ${p.message}\n`);
        throw new ExitCode(1);
      }
      io.stdout.write(`${out.ok('ok  ')} config      valid\n`);
      const results = await runDoctor(doctorChecks(cfg));
      for (const r of results) {
        io.stdout.write(`${r.ok ? out.ok('ok  ') : out.bad('FAIL')} ${r.name.padEnd(11)} ${r.detail}\n`);
      }
      if (results.some((r) => !r.ok)) throw new ExitCode(1);
    });

  program
    .command('package')
    .description('the Salesforce package (force-app)')
    .command('check-org')
    .description(
      'list every object, field, relationship name and Apex class of the package that the target org already has with another definition; exit 1 if any',
    )
    .option('--force-app <dir>', 'the package directory', defaultForceAppDir)
    .action(async (opts: { forceApp: string }) => {
      const code = await runCheckOrg(config(), opts.forceApp, io.stdout);
      if (code !== 0) throw new ExitCode(code);
    });

  program
    .command('sync')
    .description('run a Turbo Sync session now and print its summary (Zuora -> Salesforce, Bulk API 2.0)')
    .option('--full', 'a full sync (everything updated since 2000-01-01)')
    .option('--incremental', 'an incremental sync (since the last successful session)')
    .option('--scope <scope>', 'accounts, catalog or all', 'all')
    .action(async (opts: { full?: boolean; incremental?: boolean; scope: string }) => {
      if (opts.full === true && opts.incremental === true)
        throw usage('--full and --incremental exclude each other');
      if (!['accounts', 'catalog', 'all'].includes(opts.scope))
        throw usage(`--scope must be accounts, catalog or all (got "${opts.scope}")`);
      const scopes =
        opts.scope === 'all' ? (['catalog', 'accounts'] as const) : [opts.scope as 'accounts' | 'catalog'];
      await runNow(scopes, {
        mode: opts.full === true ? 'full' : opts.incremental === true ? 'incremental' : undefined,
      });
    });

  /** Runs one kind of session in this process against the configured (or embedded) services. */
  const runNow = async (
    scopes: readonly ('accounts' | 'catalog')[],
    options: Omit<RunSyncOptions, 'scopes'>,
  ) => {
    const cfg = config();
    const logger = createLogger(cfg.logLevel === 'info' ? 'warn' : cfg.logLevel);
    // Emulators start fresh on every run, so their state and the store's watermarks must start fresh too.
    const emulated = cfg.zuora.kind === 'emulator' || cfg.salesforce.kind === 'emulator';
    const store = emulated ? await PgliteStore.open(undefined) : await openStore(cfg);
    try {
      await migrate(store);
      const runtime = await createSyncRuntime(cfg, store, logger);
      try {
        if (runtime.emulators !== undefined) {
          io.stdout.write(
            'no credentials configured: syncing the embedded Zuora emulator into the embedded Salesforce emulator\n',
          );
        }
        const sessions = await runSyncSessions(runtime, store, logger, { scopes, ...options }, io.stdout);
        if (sessions.some((s) => s.state === 'failed')) throw new ExitCode(1);
      } finally {
        await runtime.close();
      }
    } finally {
      await store.close();
    }
  };

  program
    .command('cleanup')
    .description('delete the data the connector synced into Salesforce for a scope; the next session is full')
    .requiredOption('--scope <scope>', 'accounts or catalog')
    .option('--yes', 'confirm: synced records are deleted in Salesforce')
    .action(async (opts: { scope: string; yes?: boolean }) => {
      if (!['accounts', 'catalog'].includes(opts.scope))
        throw usage(`--scope must be accounts or catalog (got "${opts.scope}")`);
      if (opts.yes !== true)
        throw usage('cleanup deletes synced records in Salesforce: add --yes to confirm');
      await runNow([opts.scope as 'accounts' | 'catalog'], { mode: 'full', trigger: 'cleanup' });
    });

  program
    .command('backfill')
    .description('re-sync some billing accounts, objects or an UpdatedDate range, without a clean-up')
    .option('--scope <scope>', 'accounts or catalog', 'accounts')
    .option('--account <zuoraId...>', 'Zuora account ids')
    .option('--object <name...>', 'Zuora or Salesforce object names')
    .option('--since <date>', 'records updated at or after this ISO date')
    .option('--until <date>', 'records updated before this ISO date')
    .action(
      async (opts: {
        scope: string;
        account?: string[];
        object?: string[];
        since?: string;
        until?: string;
      }) => {
        if (!['accounts', 'catalog'].includes(opts.scope))
          throw usage(`--scope must be accounts or catalog (got "${opts.scope}")`);
        for (const [name, value] of [
          ['--since', opts.since],
          ['--until', opts.until],
        ] as const) {
          if (value !== undefined && Number.isNaN(Date.parse(value)))
            throw usage(`${name} must be an ISO date (got "${value}")`);
        }
        if (
          opts.account === undefined &&
          opts.object === undefined &&
          opts.since === undefined &&
          opts.until === undefined
        ) {
          throw usage(
            'backfill needs --account, --object, --since or --until (a whole re-sync is "sync --full")',
          );
        }
        const backfill = {
          ...(opts.account === undefined ? {} : { accountIds: opts.account }),
          ...(opts.object === undefined ? {} : { objects: opts.object }),
          ...(opts.since === undefined ? {} : { since: new Date(opts.since).toISOString().slice(0, 19) }),
          ...(opts.until === undefined ? {} : { until: new Date(opts.until).toISOString().slice(0, 19) }),
        };
        await runNow([opts.scope as 'accounts' | 'catalog'], {
          mode: 'full',
          trigger: 'backfill',
          params: { backfill },
        });
      },
    );

  const listenAndWait = async (service: Service, cfg: Config): Promise<void> => {
    const address = await service.app.listen({ host: cfg.host, port: cfg.port });
    io.stdout.write(`zuora-sync ${serviceVersion} listening on ${address}\n`);
    if (service.apiTokenFile !== undefined) {
      io.stdout.write(`API token (generated, no API_TOKEN set): ${service.apiTokenFile}\n`);
    }
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await service.close();
  };

  /** Emulators start fresh with the process: so must the store, or its watermarks would not match them. */
  const serviceFor = async (cfg: Config, logger: Logger): Promise<Service> => {
    const emulated = cfg.zuora.kind === 'emulator' || cfg.salesforce.kind === 'emulator';
    return createService(cfg, logger, {
      ...(emulated ? { store: await PgliteStore.open(undefined) } : {}),
      runtime: (store) => createSyncRuntime(cfg, store, logger),
    });
  };

  program
    .command('serve')
    .description('run the HTTP service, its sync sessions and schedules until interrupted')
    .action(async () => {
      const cfg = config();
      await listenAndWait(await serviceFor(cfg, createLogger(cfg.logLevel)), cfg);
    });

  program
    .command('start')
    .description(
      'the main job: sync now (with no credentials, the embedded demo: full sync, a round of business changes, incremental sync), then serve',
    )
    .action(async () => {
      const cfg = config();
      const logger = createLogger(cfg.logLevel === 'info' ? 'warn' : cfg.logLevel);
      const service = await serviceFor(cfg, logger);
      const runtime = service.runtime as SyncRuntime;
      try {
        const emulators = runtime.emulators;
        if (emulators !== undefined) {
          io.stdout.write(
            `embedded default: Zuora emulator at ${emulators.zuora.url}, Salesforce emulator at ${emulators.salesforce.url} (tenant ${cfg.emulator.size}, seed ${String(cfg.emulator.seed)})\n\n== full sync\n`,
          );
        }
        await runSyncSessions(
          runtime,
          service.store,
          logger,
          { scopes: ['catalog', 'accounts'], mode: undefined },
          io.stdout,
        );
        if (emulators !== undefined) {
          const round = applyDemoChanges(emulators.zuora);
          io.stdout.write(
            `\n== business changes in Zuora: ${String(round.applied)} events, ${String(round.changes)} records changed\n`,
          );
          for (const r of round.refused) io.stdout.write(`   (not applied: ${r})\n`);
          io.stdout.write('\n== incremental sync\n');
          await runSyncSessions(
            runtime,
            service.store,
            logger,
            { scopes: ['accounts'], mode: 'incremental' },
            io.stdout,
          );
        }
      } catch (error) {
        await service.close();
        throw error;
      }
      io.stdout.write('\n');
      await listenAndWait(service, cfg);
    });

  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof ExitCode) return error.code;
    if (error instanceof CommanderError) {
      if (error.code === 'zuora-sync.usage') io.stderr.write(`zuora-sync: ${error.message}\n`);
      return error.exitCode === 0 ? 0 : 2;
    }
    io.stderr.write(`${err.bad('zuora-sync:')} ${(error as Error).message}\n`);
    return 1;
  }
}
