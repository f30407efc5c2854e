// The CPQ part of the embedded demo of `zuora-sync start` (issue 14): after the Turbo part, a sales team's
// day in the CPQ org of the embedded Salesforce emulator goes to the embedded Zuora. The draft orders are
// activated and contracted, every activated order not synced yet is sent (as the "Send to Zuora" action
// sends them: POST /v1/cpq/order-syncs' path, fifty orders a request), a few contracts are amended, and the
// poller's look (cpq-poller.ts) picks up the amendments and the orders that waited. The summary is what the
// engine recorded (cpq_orders) per order kind: created, amended, waiting with reason, failed with reason.
import type { CpqDeps } from '../cpq/cpq-deps.js';
import { pollOnce } from '../cpq/cpq-poller.js';
import { maxOrdersPerRequest, runCpqRequest } from '../cpq/cpq-request.js';
import { soqlList } from '../salesforce/soql.js';
import { cpqErrorCatalog, type CpqErrorCode } from '../cpq/rules/cpq-errors.js';
import type { CliCpqDemoOrg } from './cli-composition.js';

/** Small enough to keep `npm start` a quick start, large enough to show every kind of order. */
export const cpqDemoScenario = { accountCount: 12, orderCount: 48 } as const;
const amendments = 4;

export interface CpqDemoSummary {
  readonly created: number;
  readonly amended: number;
  readonly waiting: ReadonlyMap<string, number>;
  readonly failed: ReadonlyMap<string, number>;
}

/** Loads the CPQ scenario into the org's seed: before anything is synced (loading resets the org). */
export function loadCpqDemo(org: CliCpqDemoOrg, seed: number, out: NodeJS.WritableStream): void {
  const s = org.load({ seed, ...cpqDemoScenario });
  out.write(
    `CPQ org: ${String(cpqDemoScenario.accountCount)} accounts, ${String(s.orders.new)} new orders, ${String(s.orders.amendment)} amendments, ${String(s.orders.renewal)} renewals\n`,
  );
}

async function unsyncedActivated(deps: CpqDeps): Promise<string[]> {
  const found = await deps.salesforce.query<{ Id: string }>(
    "SELECT Id FROM Order WHERE StatusCode = 'Activated' AND Zuora_Sync_Status__c != 'Synced' ORDER BY EffectiveDate, OrderNumber",
  );
  return found.records.map((r) => r.Id);
}

export async function runCpqDemo(
  deps: CpqDeps,
  org: CliCpqDemoOrg,
  out: NodeJS.WritableStream,
): Promise<CpqDemoSummary> {
  const started = Date.now();
  const drafts = await org.activateDrafts();
  out.write(`activated and contracted ${String(drafts.length)} draft orders in CPQ\n`);
  const batch = await unsyncedActivated(deps);
  const created: string[] = [];
  for (let i = 0; i < batch.length; i += maxOrdersPerRequest) {
    const answer = await runCpqRequest(deps, {
      orderIds: batch.slice(i, i + maxOrdersPerRequest),
      accountIds: [],
      dryRun: false,
      source: 'CLI',
    });
    created.push(...answer.results.filter((r) => r.status === 'Synced').map((r) => r.orderId));
  }
  out.write(`sent ${String(batch.length)} activated orders to Zuora: ${String(created.length)} synced\n`);
  const amended = await org.amendContractsOf(created, amendments);
  out.write(`amended ${String(amended.length)} of their contracts in CPQ (activated and contracted)\n`);
  const polled = await pollOnce(deps);
  out.write(`the poller's look sent ${String(polled)} orders (amendments and orders that waited)\n`);
  const summary = await summarize(deps, [...batch, ...amended]);
  out.write(renderCpqSummary(summary, Date.now() - started));
  return summary;
}

/** What the engine recorded for these orders, by kind (Order.Type) and status. */
async function summarize(deps: CpqDeps, orderIds: readonly string[]): Promise<CpqDemoSummary> {
  const rows = await deps.store.query<{ order_id: string; status: string; error_code: string | null }>(
    'SELECT order_id, status, error_code FROM cpq_orders WHERE order_id = ANY($1::text[])',
    [[...new Set(orderIds)]],
  );
  const types = new Map<string, string>();
  for (let i = 0; i < orderIds.length; i += 200) {
    const found = await deps.salesforce.query<{ Id: string; Type: string | null }>(
      `SELECT Id, Type FROM Order WHERE Id IN (${soqlList(orderIds.slice(i, i + 200))})`,
    );
    for (const r of found.records) types.set(r.Id, r.Type ?? 'New');
  }
  let created = 0;
  let amended = 0;
  const waiting = new Map<string, number>();
  const failed = new Map<string, number>();
  for (const r of rows) {
    if (r.status === 'Synced') {
      if ((types.get(r.order_id) ?? 'New') === 'New') created += 1;
      else amended += 1;
      continue;
    }
    const reasons = r.status === 'Waiting' ? waiting : failed;
    const reason = reasonOf(r.error_code);
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  return { created, amended, waiting, failed };
}

function reasonOf(code: string | null): string {
  if (code === null) return 'no reason recorded';
  const spec = (cpqErrorCatalog as Record<string, { title: string } | undefined>)[code as CpqErrorCode];
  return spec === undefined ? code : `${code} ${spec.title}`;
}

function count(reasons: ReadonlyMap<string, number>): number {
  return [...reasons.values()].reduce((a, b) => a + b, 0);
}

export function renderCpqSummary(s: CpqDemoSummary, ms: number): string {
  const lines = [
    `CPQ orders in ${(ms / 1000).toFixed(1)} s:`,
    `  created   ${String(s.created).padStart(4)}  new orders now Zuora orders, ids written back to Salesforce`,
    `  amended   ${String(s.amended).padStart(4)}  amendments and renewals applied to their Zuora subscriptions`,
    `  waiting   ${String(count(s.waiting)).padStart(4)}  retried by the poller once the reason is gone`,
    ...[...s.waiting].map(([reason, n]) => `    ${String(n).padStart(4)}  ${reason}`),
    `  failed    ${String(count(s.failed)).padStart(4)}  explained on the order in Salesforce (its CPQ sync record)`,
    ...[...s.failed].map(([reason, n]) => `    ${String(n).padStart(4)}  ${reason}`),
  ];
  return `${lines.join('\n')}\n`;
}
