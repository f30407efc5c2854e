// `zuora-sync cleanup`: deletes what the connector synced into Salesforce for a scope; the next sync is full.
import { usage, type CliCommand } from '../cli-context.js';
import { runHere } from './run-here.js';

export const cleanupCommand: CliCommand = {
  register(program, ctx) {
    program
      .command('cleanup')
      .description(
        'delete the data the connector synced into Salesforce for a scope; the next session is full',
      )
      .requiredOption('--scope <scope>', 'accounts or catalog')
      .option('--yes', 'confirm: synced records are deleted in Salesforce')
      .action(async (opts: { scope: string; yes?: boolean }) => {
        if (!['accounts', 'catalog'].includes(opts.scope))
          throw usage(`--scope must be accounts or catalog (got "${opts.scope}")`);
        if (opts.yes !== true)
          throw usage('cleanup deletes synced records in Salesforce: add --yes to confirm');
        await runHere(ctx, [opts.scope as 'accounts' | 'catalog'], { mode: 'full', trigger: 'cleanup' });
      });
  },
};
