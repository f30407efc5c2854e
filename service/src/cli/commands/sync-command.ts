// `zuora-sync sync`: a Turbo Sync session now, with its summary.
import { usage, type CliCommand } from '../cli-context.js';
import { runHere } from './run-here.js';

interface SyncOptions {
  readonly full?: boolean;
  readonly incremental?: boolean;
  readonly scope: string;
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

export const syncCommand: CliCommand = {
  register(program, ctx) {
    program
      .command('sync')
      .description('run a Turbo Sync session now and print its summary (Zuora -> Salesforce, Bulk API 2.0)')
      .option('--full', 'a full sync (everything updated since 2000-01-01)')
      .option('--incremental', 'an incremental sync (since the last successful session)')
      .option('--scope <scope>', 'accounts, catalog or all', 'all')
      .option('--dry-run', 'compare with Salesforce and report what would change; write nothing')
      .option('--json', 'print the sessions (and a dry run report) as JSON')
      .action(async (opts: SyncOptions) => {
        if (opts.full === true && opts.incremental === true)
          throw usage('--full and --incremental exclude each other');
        if (!['accounts', 'catalog', 'all'].includes(opts.scope))
          throw usage(`--scope must be accounts, catalog or all (got "${opts.scope}")`);
        const scopes =
          opts.scope === 'all' ? (['catalog', 'accounts'] as const) : [opts.scope as 'accounts' | 'catalog'];
        await runHere(
          ctx,
          scopes,
          {
            mode: opts.full === true ? 'full' : opts.incremental === true ? 'incremental' : undefined,
            ...(opts.dryRun === true ? { params: { dryRun: true } } : {}),
          },
          opts.json === true,
        );
      });
  },
};
