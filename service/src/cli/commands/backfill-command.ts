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
      .action(async (opts: BackfillOptions) => {
        const backfill = backfillSpec(opts);
        await runHere(ctx, [opts.scope as 'accounts' | 'catalog'], {
          mode: 'full',
          trigger: 'backfill',
          params: { backfill },
        });
      });
  },
};
