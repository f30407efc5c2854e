// `zuora-sync backfill`: re-syncs some billing accounts, objects or an UpdatedDate range, without a clean-up.
import { usage, type CliCommand } from '../cli-context.js';
import { runHere } from './run-here.js';

interface BackfillOptions {
  readonly scope: string;
  readonly account?: string[];
  readonly object?: string[];
  readonly since?: string;
  readonly until?: string;
  readonly dryRun?: boolean;
  readonly json?: boolean;
}

function backfillSpec(opts: BackfillOptions): Record<string, unknown> {
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
    throw usage('backfill needs --account, --object, --since or --until (a whole re-sync is "sync --full")');
  }
  return {
    ...(opts.account === undefined ? {} : { accountIds: opts.account }),
    ...(opts.object === undefined ? {} : { objects: opts.object }),
    ...(opts.since === undefined ? {} : { since: new Date(opts.since).toISOString().slice(0, 19) }),
    ...(opts.until === undefined ? {} : { until: new Date(opts.until).toISOString().slice(0, 19) }),
  };
}

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
