// The end-of-session summary printed by the CLI: records per object, failures with reasons, API usage.
import type { Store } from '../store/store.js';
import type { SyncSession } from './session-rows.js';

export interface UsageFigures {
  readonly salesforceApiCalls?: number;
  readonly bulkBatches?: number;
  readonly zuoraCalls?: number;
}

export async function renderSessionSummary(
  store: Store,
  session: SyncSession,
  usage: UsageFigures = {},
): Promise<string> {
  const objects = session.counts.objects ?? {};
  const rows = Object.entries(objects)
    .filter(([, c]) => c.read + c.written + c.failed + c.deleted > 0)
    .sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(10, ...rows.map(([o]) => o.length));
  const num = (n: number) => String(n).padStart(9);
  const lines = [
    `session ${session.id}: ${session.scope} ${session.mode} (${session.trigger}) -> ${session.state}` +
      (session.error === undefined ? '' : `: ${session.error}`),
    `${'object'.padEnd(width)} ${'read'.padStart(9)} ${'written'.padStart(9)} ${'created'.padStart(9)} ${'deleted'.padStart(9)} ${'failed'.padStart(9)}`,
    ...rows.map(
      ([o, c]) =>
        `${o.padEnd(width)} ${num(c.read)} ${num(c.written)} ${num(c.created)} ${num(c.deleted)} ${num(c.failed)}`,
    ),
  ];
  const total = rows.reduce(
    (a, [, c]) => ({
      read: a.read + c.read,
      written: a.written + c.written,
      created: a.created + c.created,
      deleted: a.deleted + c.deleted,
      failed: a.failed + c.failed,
    }),
    { read: 0, written: 0, created: 0, deleted: 0, failed: 0 },
  );
  lines.push(
    `${'total'.padEnd(width)} ${num(total.read)} ${num(total.written)} ${num(total.created)} ${num(total.deleted)} ${num(total.failed)}`,
  );
  const reasons = await store.query<{
    salesforce_object: string;
    error_code: string;
    n: number;
    example: string;
  }>(
    `SELECT salesforce_object, error_code, count(*)::int AS n, min(error_message) AS example
       FROM failed_records WHERE session_id = $1 AND resolved_at IS NULL
      GROUP BY salesforce_object, error_code ORDER BY n DESC LIMIT 20`,
    [session.id],
  );
  if (reasons.length > 0) {
    lines.push('failures:');
    for (const r of reasons) lines.push(`  ${r.n} x ${r.salesforce_object} ${r.error_code}: ${r.example}`);
  }
  const duration =
    session.counts.durationMs === undefined ? '?' : `${(session.counts.durationMs / 1000).toFixed(1)} s`;
  const usageParts = [
    `duration ${duration}`,
    ...(usage.salesforceApiCalls === undefined ? [] : [`Salesforce API calls ${usage.salesforceApiCalls}`]),
    ...(usage.bulkBatches === undefined ? [] : [`Bulk batches ${usage.bulkBatches}`]),
    `Zuora calls ${usage.zuoraCalls ?? session.counts.zuoraCalls ?? 0}`,
  ];
  lines.push(usageParts.join(', '));
  return lines.join('\n');
}
