// `zuora-sync backfill`: re-syncs some billing accounts, objects or an UpdatedDate range, without a clean-up.
import type { CliCommand } from '../cli-context.js';
import { backfillSpec, type BackfillOptions } from '../backfill-spec.js';
import { runHere } from './run-here.js';

export const backfillCommand: CliCommand = {
  register(program, ctx) {
    program
      .command('backfill')
      .description('re-sync some billing accounts, objects or an UpdatedDate range, without a clean-up')
      .option('--scope <scope>', 'accounts or catalog', 'accounts')
      .option('--account <zuoraId...>', 'Zuora account ids')
      .option('--object <name...>', 'Zuora or Salesforce object names')
      .option('--since <date>', 'records updated at or after this ISO date')
      .option('--until <date>', 'records updated before this ISO date')
      .option('--dry-run', 'compare with Salesforce and report what would change; write nothing')
      .option('--json', 'print the session (and a dry run report) as JSON')
      .action(async (opts: BackfillOptions) => {
        const backfill = backfillSpec(opts);
        const params = { backfill, ...(opts.dryRun === true ? { dryRun: true } : {}) };
        const scopes = [opts.scope as 'accounts' | 'catalog'];
        await runHere(ctx, scopes, { mode: 'full', trigger: 'backfill', params }, opts.json === true);
      });
  },
};
