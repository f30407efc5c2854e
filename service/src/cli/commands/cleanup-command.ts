// `zuora-sync cleanup`: deletes what the connector synced into Salesforce for a scope; the next sync is full.
// `--dry-run` reports per object what would be deleted (counts, sample ids, the full list) and writes nothing.
import { usage, type CliCommand } from '../cli-context.js';
import { runHere } from './run-here.js';

interface CleanupOptions {
  readonly scope: string;
  readonly yes?: boolean;
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

export const cleanupCommand: CliCommand = {
  register(program, ctx) {
    program
      .command('cleanup')
      .description(
        'delete the data the connector synced into Salesforce for a scope; the next session is full',
      )
      .requiredOption('--scope <scope>', 'accounts or catalog')
      .option('--yes', 'confirm: synced records are deleted in Salesforce')
      .option('--dry-run', 'report per object what would be deleted; delete nothing, keep the watermark')
      .option('--json', 'print the session (and the dry run report) as JSON')
      .action(async (opts: CleanupOptions) => {
        if (!['accounts', 'catalog'].includes(opts.scope))
          throw usage(`--scope must be accounts or catalog (got "${opts.scope}")`);
        const dryRun = opts.dryRun === true;
        if (opts.yes !== true && !dryRun)
          throw usage(
            'cleanup deletes synced records in Salesforce: add --yes to confirm (or --dry-run to see what it would delete)',
          );
        await runHere(
          ctx,
          [opts.scope as 'accounts' | 'catalog'],
          { mode: 'full', trigger: 'cleanup', ...(dryRun ? { params: { dryRun: true } } : {}) },
          opts.json === true,
        );
      });
  },
};
