// A dry run's report in the terminal: per object the records a session would create, update, leave unchanged,
// delete, and the failures; then a sample of the updates (field: old -> new), deletions and failures, the
// Salesforce calls the comparison cost and where the full list is. Colours only on a TTY (terminal.ts).
import type { DryRunReport } from '../sessions/session-json.js';
import type { Terminal } from './terminal.js';

const columns = ['created', 'updated', 'unchanged', 'deleted', 'failed'] as const;

function table(report: DryRunReport, term: Terminal): string[] {
  const rows = Object.entries(report.objects).filter(([, c]) => columns.some((k) => c[k] > 0));
  const width = Math.max(6, ...rows.map(([o]) => o.length));
  const head = `${'object'.padEnd(width)} ${columns.map((k) => k.padStart(9)).join(' ')}`;
  const lines = rows.map(([object, c]) => {
    const cells = columns.map((k) => {
      const text = String(c[k]).padStart(9);
      if (c[k] === 0 || k === 'unchanged') return term.dim(text);
      return k === 'failed' ? term.bad(text) : term.ok(text);
    });
    return `${object.padEnd(width)} ${cells.join(' ')}`;
  });
  return [head, ...(lines.length > 0 ? lines : [term.dim('(nothing to compare)')])];
}

function value(v: unknown): string {
  return v === null || v === undefined ? '(blank)' : JSON.stringify(v);
}

function samples(report: DryRunReport, term: Terminal): string[] {
  const lines: string[] = [];
  for (const [object, changes] of Object.entries(report.sample))
    for (const change of changes) {
      lines.push(
        `  ${object} ${change.key}${change.salesforceId === null ? '' : ` (${change.salesforceId})`}`,
      );
      for (const f of change.changes)
        lines.push(`    ${f.field}: ${term.dim(value(f.old))} -> ${value(f.new)}`);
    }
  for (const [object, deleted] of Object.entries(report.deletedSample ?? {}))
    for (const d of deleted)
      lines.push(
        `  ${term.bad('delete')} ${object} ${d.key}${d.salesforceId === null ? '' : ` (${d.salesforceId})`}`,
      );
  for (const [object, failures] of Object.entries(report.failedSample))
    for (const f of failures)
      lines.push(`  ${term.bad('failed')} ${object} ${f.key}: ${f.code} ${f.message}`);
  return lines.length > 0 ? ['', 'sample:', ...lines] : [];
}

export function renderDryRun(report: DryRunReport, term: Terminal): string {
  return [
    `dry run: nothing was written to Salesforce and the watermark did not move`,
    ...table(report, term),
    ...samples(report, term),
    '',
    `Salesforce API calls for the comparison: ${String(report.salesforceCalls)}`,
    report.file === null ? 'no changes to list' : `full list of changes (NDJSON): ${report.file}`,
  ].join('\n');
}
