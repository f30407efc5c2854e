// A drift check's report in the terminal: per object what Salesforce is missing, holds extra (orphans) and
// holds with different values; the billing accounts whose checksums differ; what reading cost (Bulk query
// pages per object); a sample of the differences and where the full list is. Colours only on a TTY.
import type { DryRunReport } from '../sessions/session-json.js';
import type { Terminal } from './terminal.js';

const shownAccounts = 10;

export function renderDrift(report: DryRunReport, term: Terminal): string {
  const rows = Object.entries(report.objects).filter(
    ([, c]) => c.created + c.updated + c.deleted + c.failed > 0,
  );
  const width = Math.max(6, ...rows.map(([o]) => o.length));
  const num = (n: number) => {
    const text = String(n).padStart(10);
    return n === 0 ? term.dim(text) : term.bad(text);
  };
  const lines = [
    `${'object'.padEnd(width)} ${['missing', 'extra', 'different', 'failed'].map((h) => h.padStart(10)).join(' ')}`,
    ...rows.map(
      ([o, c]) => `${o.padEnd(width)} ${num(c.created)} ${num(c.deleted)} ${num(c.updated)} ${num(c.failed)}`,
    ),
  ];
  if (rows.length === 0) lines.push(term.ok('no drift: Salesforce matches Zuora'));
  const drift = report.drift;
  const accounts = Object.entries(drift?.accounts ?? {});
  lines.push(
    '',
    `billing accounts checked: ${String(drift?.checkedAccounts ?? 0)}, drifted: ${String(accounts.length)}`,
  );
  for (const [account, sums] of accounts.slice(0, shownAccounts))
    lines.push(`  ${account || '(no account)'}  zuora ${sums.zuora}  salesforce ${sums.salesforce}`);
  if (accounts.length > shownAccounts)
    lines.push(term.dim(`  ... and ${String(accounts.length - shownAccounts)} more`));
  for (const [object, changes] of Object.entries(report.sample))
    for (const change of changes)
      for (const f of change.changes)
        lines.push(
          `  ${object} ${change.key} ${f.field}: ${term.dim(JSON.stringify(f.old))} -> ${JSON.stringify(f.new)}`,
        );
  const reads = Object.entries(drift?.reads ?? {});
  const pages = reads.reduce((n, [, r]) => n + r.pages, 0);
  lines.push(
    '',
    `Salesforce read: ${String(reads.length)} objects, ${String(pages)} Bulk query result pages, ${String(report.salesforceCalls)} API calls`,
    report.file === null ? 'nothing to list' : `full list (NDJSON): ${report.file}`,
  );
  return lines.join('\n');
}
