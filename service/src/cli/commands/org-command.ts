// `zuora-sync org confirm [--dry-run] [--org-id <id>] [--json]`: after a sandbox refresh (or credentials pointed
// at another org) every session refuses to start (sessions/org-guard.ts) until an admin confirms the new org.
// Prints the org on record, the org Salesforce is now, and the dry run of re-mapping CRM ids: the billing
// accounts whose CRM Account Id the new org has no Account for. `--dry-run` confirms nothing.
import { createLogger } from '../../config/logger.js';
import { reviewOrg, type OrgReport } from '../../sessions/org-confirm.js';
import { migrate } from '../../store/migrate.js';
import { openMemoryStore, openStore } from '../../store/open-store.js';
import { isEmulated, type CliCommand, type CliContext } from '../cli-context.js';

interface Options {
  dryRun?: boolean;
  orgId?: string;
  json?: boolean;
}

const shown = 20;

function render(report: OrgReport, ctx: CliContext): string {
  const lines = [
    `org on record:  ${report.recordedOrgId ?? '(none yet: no session has run)'}`,
    `Salesforce now: ${report.currentOrgId}${report.changed ? ctx.out.bad('  (changed)') : ''}`,
    `CRM Account Ids checked: ${String(report.crmIdsChecked)}; not found in this org: ${String(report.missingCrmAccounts.length)}`,
    ...report.missingCrmAccounts
      .slice(0, shown)
      .map((a) => `  ${a.accountNumber.padEnd(14)} ${a.zuoraAccountId}  CRM Account Id ${a.crmId}`),
    ...(report.missingCrmAccounts.length > shown
      ? [`  ... and ${String(report.missingCrmAccounts.length - shown)} more (--json lists them all)`]
      : []),
    report.confirmed
      ? ctx.out.ok(`confirmed: sessions now sync ${report.currentOrgId}`)
      : 'dry run: nothing confirmed (run without --dry-run to confirm)',
  ];
  return `${lines.join('\n')}\n`;
}

async function confirm(ctx: CliContext, opts: Options): Promise<void> {
  const cfg = ctx.config();
  const store = isEmulated(cfg) ? await openMemoryStore() : await openStore(cfg);
  try {
    await migrate(store);
    const runtime = await ctx.composition.createSyncRuntime(cfg, store, createLogger('warn'));
    try {
      const report = await reviewOrg(runtime.deps, {
        confirm: opts.dryRun !== true,
        by: `cli:${process.env.USER ?? 'unknown'}`,
        ...(opts.orgId === undefined ? {} : { expectedOrgId: opts.orgId }),
      });
      ctx.io.stdout.write(opts.json === true ? `${JSON.stringify(report, null, 2)}\n` : render(report, ctx));
    } finally {
      await runtime.close();
    }
  } finally {
    await store.close();
  }
}

export const orgCommand: CliCommand = {
  register(program, ctx) {
    program
      .command('org')
      .description('the Salesforce org the service syncs (sandbox refresh)')
      .command('confirm')
      .description(
        'make the org Salesforce is now the synced one, after a sandbox refresh or a change of credentials; lists the CRM Account Ids it lacks',
      )
      .option('--dry-run', 'report only: confirm nothing')
      .option('--org-id <id>', 'confirm only if Salesforce is this org')
      .option('--json', 'print the report as JSON')
      .action((opts: Options) => confirm(ctx, opts));
  },
};
