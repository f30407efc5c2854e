// The two phases of the CPQ benchmark (cpq.ts): throughput of the scenario's activated orders through CPQ
// sessions of fifty, and activation -> write-back latency with the poller running at its interval.
import { loadavg } from 'node:os';
import { cpqCatalog } from '../../emulators/shared/cpq-catalog.js';
import type { CpqDeps } from '../../service/src/cpq/cpq-deps.js';
import { CpqPoller } from '../../service/src/cpq/cpq-poller.js';
import { runCpqSession } from '../../service/src/cpq/cpq-session.js';
import type { OrderOutcome } from '../../service/src/cpq/order-outcome.js';
import { soqlList } from '../../service/src/salesforce/soql.js';
import { requestSession } from '../../service/src/sessions/request-session.js';
import type { EmulatorInfo } from './bench-support.js';

export interface Counters {
  salesforce(): Promise<number>;
  zuora(): Promise<number>;
  zuoraByRoute(): Promise<Record<string, number>>;
  /** CPU seconds (user + system) used so far by the emulators' process and by this one (the connector). */
  cpuSeconds(): { emulators: number; connector: number };
}

/** The Zuora routes called most between two snapshots, per order (where the calls of an order go). */
function topRoutes(before: Record<string, number>, after: Record<string, number>, orders: number): string {
  return Object.entries(after)
    .map(([route, n]) => [route, n - (before[route] ?? 0)] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([route, n]) => `${route} ${per(n, orders)}`)
    .join(', ');
}

const per = (n: number, d: number) => (d === 0 ? '-' : (n / d).toFixed(2));

async function activatedOrders(deps: CpqDeps, kind: 'New' | 'Change'): Promise<string[]> {
  const type = kind === 'New' ? "Type = 'New'" : "Type != 'New'";
  const soql = `SELECT Id FROM Order WHERE StatusCode = 'Activated' AND Zuora_Sync_Status__c != 'Synced' AND ${type} ORDER BY EffectiveDate, OrderNumber`;
  const found = await deps.salesforce.query<{ Id: string }>(soql, { autoFetch: true, maxFetch: 10_000_000 });
  return found.records.map((r) => r.Id);
}

/** Every activated order of the kind through sessions of fifty, one after another (as the poller runs them). */
export async function runOrders(deps: CpqDeps, counters: Counters, kind: 'New' | 'Change') {
  const ids = await activatedOrders(deps, kind);
  const sf0 = await counters.salesforce();
  const z0 = await counters.zuora();
  const routes0 = await counters.zuoraByRoute();
  const cpu0 = counters.cpuSeconds();
  const started = performance.now();
  const outcomes: OrderOutcome[] = [];
  for (let i = 0; i < ids.length; i += 50) {
    const requested = await requestSession(deps.store, {
      scope: 'cpq',
      trigger: 'scheduled',
      mode: 'incremental',
      params: { cpq: { orderIds: ids.slice(i, i + 50), dryRun: false, source: 'POLLER' } },
    });
    if (!requested.ok) throw new Error(requested.message);
    outcomes.push(...(await runCpqSession(deps, requested.session.id)).outcomes);
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu1 = counters.cpuSeconds();
  const sf = (await counters.salesforce()) - sf0;
  const zuora = (await counters.zuora()) - z0;
  const routes = topRoutes(routes0, await counters.zuoraByRoute(), outcomes.length);
  const by = new Map<string, number>();
  for (const o of outcomes) {
    const key = o.status === 'Synced' ? 'Synced' : `${o.status} ${o.error?.code ?? ''}`.trim();
    by.set(key, (by.get(key) ?? 0) + 1);
  }
  const synced = by.get('Synced') ?? 0;
  const reasons = new Map<string, string>();
  for (const o of outcomes)
    if (o.error !== null && !reasons.has(o.error.code)) reasons.set(o.error.code, o.error.message);
  const perMinute = seconds === 0 ? 0 : (outcomes.length / seconds) * 60;
  return {
    render(targets: boolean): string {
      const label = kind === 'New' ? 'new orders' : 'amendments and renewals';
      const t = (s: string) => (targets ? `   (target ${s})` : '');
      return (
        `  ${label}: ${String(outcomes.length)} in ${seconds.toFixed(1)} s: ${[...by].map(([k, n]) => `${k} ${String(n)}`).join(', ')}\n` +
        `    orders per minute        ${perMinute.toFixed(0)}${t('>= 600')}\n` +
        `    Salesforce calls / order ${per(sf, outcomes.length)}${t('<= 3')}   (per synced order ${per(sf, synced)})\n` +
        `    Zuora calls / order      ${per(zuora, outcomes.length)}${t('<= 8')}   (per synced order ${per(zuora, synced)})\n` +
        `      by route / order: ${routes}\n` +
        `    CPU s / 1,000 orders     emulators ${per(1000 * (cpu1.emulators - cpu0.emulators), outcomes.length)}, ` +
        `connector ${per(1000 * (cpu1.connector - cpu0.connector), outcomes.length)}   (load ${loadavg()[0]?.toFixed(1) ?? '-'})\n` +
        [...reasons].map(([code, m]) => `      e.g. ${code}: ${m.slice(0, 160)}\n`).join('')
      );
    },
  };
}

async function admin(info: EmulatorInfo, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${info.salesforce.loginUrl}/__emulator/cpq${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${info.salesforceAdmin}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${path}: ${String(res.status)} ${JSON.stringify(json)}`);
  return json;
}

/** USD accounts whose new orders synced in the throughput phase (complete addresses, Zuora accounts exist). */
async function usdAccounts(deps: CpqDeps): Promise<string[]> {
  const rows = await deps.store.query<{ order_id: string }>(
    "SELECT order_id FROM cpq_orders WHERE status = 'Synced' LIMIT 500",
  );
  if (rows.length === 0) throw new Error('no synced order to take accounts from');
  // A Zuora account bills in the currency of the first order that made it (CPQ-E022 otherwise): accounts whose
  // synced order was in USD, not merely accounts whose Salesforce currency is USD.
  const found = await deps.salesforce.query<{ AccountId: string }>(
    `SELECT AccountId FROM Order WHERE CurrencyIsoCode = 'USD' AND Account.CurrencyIsoCode = 'USD' AND Id IN (${soqlList(rows.map((r) => r.order_id))})`,
  );
  if (found.records.length === 0) throw new Error('no USD account among the synced orders');
  return [...new Set(found.records.map((r) => r.AccountId))];
}

interface LatencyOptions {
  readonly orders: number;
  readonly spreadSeconds: number;
  readonly pollSeconds: number;
}

/** Orders activated over the spread while the poller runs; activation -> write-back of each. */
export async function measureLatency(deps: CpqDeps, info: EmulatorInfo, o: LatencyOptions): Promise<string> {
  const accounts = await usdAccounts(deps);
  const product = cpqCatalog().find((p) => p.productCode === 'CPQ-SEAT-PRO');
  if (product === undefined) throw new Error('no CPQ-SEAT-PRO in the catalog');
  const today = new Date().toISOString().slice(0, 10);
  const poller = new CpqPoller(deps);
  poller.start();
  const ids: string[] = [];
  const gapMs = (o.spreadSeconds * 1000) / o.orders;
  const started = Date.now();
  try {
    for (let i = 0; i < o.orders; i += 1) {
      const wait = started + i * gapMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const created = await admin(info, '/orders', {
        accountId: accounts[i % accounts.length],
        effectiveDate: today,
        termMonths: 12,
        lines: [{ productId: product.productId, quantity: 1 + (i % 9) }],
      });
      const id = String(created.orderId);
      await admin(info, `/orders/${id}/activate`);
      await admin(info, `/orders/${id}/contract`);
      ids.push(id);
    }
    const deadline = Date.now() + (o.spreadSeconds + 5 * o.pollSeconds + 120) * 1000;
    for (;;) {
      const open = await deps.store.query<{ n: string }>(
        "SELECT count(*) AS n FROM cpq_orders WHERE order_id = ANY($1::text[]) AND status IN ('Synced', 'Failed')",
        [ids],
      );
      if (Number(open[0]?.n ?? 0) >= ids.length) break;
      if (Date.now() > deadline)
        throw new Error('latency phase: orders still not written back at the deadline');
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await poller.stop();
  }
  return renderLatency(deps, ids, o);
}

async function renderLatency(deps: CpqDeps, ids: readonly string[], o: LatencyOptions): Promise<string> {
  const rows = await deps.store.query<{
    status: string;
    error_code: string | null;
    ms: string | number | null;
  }>(
    `SELECT status, error_code, EXTRACT(EPOCH FROM (written_back_at - activated_at)) * 1000 AS ms FROM cpq_orders
      WHERE order_id = ANY($1::text[])`,
    [[...ids]],
  );
  const not = new Map<string, number>();
  for (const r of rows)
    if (r.status !== 'Synced') {
      const key = `${r.status} ${r.error_code ?? ''}`.trim();
      not.set(key, (not.get(key) ?? 0) + 1);
    }
  const ms = rows
    .filter((r) => r.status === 'Synced' && r.ms !== null)
    .map((r) => Number(r.ms))
    .sort((a, b) => a - b);
  const pct = (p: number) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)] ?? 0;
  const s = (x: number) => `${(x / 1000).toFixed(1)} s`;
  return (
    `latency: ${String(ids.length)} orders activated over ${String(o.spreadSeconds)} s, poller every ${String(o.pollSeconds)} s; ` +
    `${String(ms.length)} synced, ${String(rows.length - ms.length)} not${[...not].map(([k, n]) => `, ${k} ${String(n)}`).join('')}\n` +
    `  activation -> write-back  P50 ${s(pct(50))}   P95 ${s(pct(95))}   max ${s(ms.at(-1) ?? 0)}   (target P95 < 90 s)\n`
  );
}
