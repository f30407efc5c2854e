// The console's CPQ page in Chromium against a whole service with its embedded emulators. The CPQ step of
// `npm start` (cli/cpq-demo-step.ts) runs first on its scenario, so orders end synced, waiting and failed;
// a new order is sent while Zuora answers only 5xx, so it is pending (failed, transient). The page shows the
// poller's state, the counts and the orders of each state with their reason and fix, an order's detail; once
// Zuora answers again, Retry now sends the pending order through the engine and it becomes one Zuora order
// whose numbers (order, account, subscription) the page shows.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadCpqDemo, runCpqDemo, type CpqDemoSummary } from '../../src/cli/cpq-demo-step.js';
import type { CpqDeps } from '../../src/cpq/cpq-deps.js';
import { runCpqRequest } from '../../src/cpq/cpq-request.js';
import { cpqFor } from '../../src/cpq/cpq-runtime.js';
import { cpqOrderRows } from '../../src/store/cpq-order-rows.js';
import { startTestService, testToken, type RunningService } from '../support/service-fixture.js';
import { until } from '../support/wait-for.js';
import { activatedOrder } from '../cpq/cpq-actions.js';
import { cpqCatalog } from '../../../emulators/shared/cpq-catalog.js';
import {
  ensureConsoleBuilt,
  openBrowser,
  screenshot,
  seriousViolations,
  type Browser,
} from './browser-support.js';

let svc: RunningService;
let browser: Browser;
let page: Page;
let deps: CpqDeps;
let summary: CpqDemoSummary;
let pending: { orderId: string; orderNumber: string; accountId: string };

const sink = () => new Writable({ write: (_c, _e, done) => done() });

const emulators = () => {
  const e = svc.service.runtime?.emulators;
  if (e === undefined) throw new Error('the service runs without its embedded emulators');
  return e;
};

async function zuoraFaults(errorRate: number): Promise<void> {
  const z = emulators().zuora;
  const res = await fetch(`${z.url}/__emulator/faults`, {
    method: 'POST',
    headers: { authorization: `Bearer ${z.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ errorRate }),
  });
  expect(res.status).toBe(200);
}

async function checkPage(name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe-core on ${name}`).toEqual([]);
}

beforeAll(async () => {
  ensureConsoleBuilt();
  svc = await startTestService({}, { withSync: true });
  const runtime = svc.service.runtime;
  if (runtime === undefined) throw new Error('no sync runtime');
  deps = cpqFor(runtime.deps).deps;
  loadCpqDemo(emulators().cpq, 42, sink());
  summary = await runCpqDemo(deps, emulators().cpq, sink());
  // A new order activated and contracted in CPQ (a recurring product a synced order of the same account and
  // currency holds, so its rate plan exists), sent while Zuora answers only 5xx: failed for a transient
  // cause, pending (the next poll or a retry sends it again).
  const sf = emulators().salesforce;
  const recurring = new Set(
    cpqCatalog()
      .filter((p) => p.chargeType === 'Recurring' && p.productCode !== null)
      .map((p) => p.productId),
  );
  const synced = new Set(
    (
      await deps.store.query<{ order_id: string }>("SELECT order_id FROM cpq_orders WHERE status = 'Synced'")
    ).map((r) => r.order_id),
  );
  const item = sf
    .records('OrderItem')
    .find((i) => synced.has(String(i.OrderId)) && recurring.has(String(i.Product2Id)));
  const order = sf.records('Order').find((o) => o.Id === item?.OrderId && o.Type === 'New');
  if (item === undefined || order === undefined)
    throw new Error('no synced new order with a recurring product');
  const accountId = String(order.AccountId);
  const orderId = await activatedOrder(sf, {
    accountId,
    currency: order.CurrencyIsoCode,
    lines: [{ productId: String(item.Product2Id), quantity: 2 }],
  });
  const number = emulators()
    .salesforce.records('Order')
    .find((o) => o.Id === orderId)?.OrderNumber;
  pending = { orderId, orderNumber: String(number), accountId };
  await zuoraFaults(1);
  try {
    const answer = await runCpqRequest(deps, {
      orderIds: [pending.orderId],
      accountIds: [],
      dryRun: false,
      source: 'CLI',
    });
    expect(answer.results[0]?.errorCode).toBe('CPQ-E021');
  } finally {
    await zuoraFaults(0);
  }
  browser = await openBrowser();
  page = browser.page;
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await svc?.close();
});

describe('the console CPQ page in Chromium', () => {
  it('answers only a signed-in console or the API token', async () => {
    expect((await fetch(`${svc.url}/v1/cpq/orders`)).status).toBe(401);
    const res = await fetch(`${svc.url}/v1/cpq/orders?state=failed`, {
      headers: { authorization: `Bearer ${testToken}` },
    });
    const body = (await res.json()) as { orders: { state: string }[]; counts: Record<string, number> };
    expect(body.orders.length).toBeGreaterThan(0);
    expect(body.orders.every((o) => o.state === 'failed')).toBe(true);
    expect(body.counts.pending).toBe(1);
  });

  it('shows the poller and the orders of each state with their reasons and fixes', async () => {
    expect(summary.created).toBeGreaterThan(0);
    expect(summary.waiting.size).toBeGreaterThan(0);
    await page.goto(`${svc.url}/console/cpq`);
    await page.getByLabel('API token').fill(testToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByRole('link', { name: 'CPQ' }).click();
    await page.getByRole('heading', { name: 'CPQ orders' }).waitFor();
    await page.getByText(/Off \(CPQ_SYNC=on turns it on\) · every 60 s · filter: none/).waitFor();
    const counts = await deps.store.query<{ status: string; transient: boolean; n: string }>(
      'SELECT status, transient, count(*) AS n FROM cpq_orders GROUP BY status, transient',
    );
    const count = (status: string, transient = false) =>
      counts
        .filter((c) => c.status === status && c.transient === transient)
        .reduce((a, c) => a + Number(c.n), 0);
    const states = page.getByRole('list', { name: 'Orders by state' });
    await states.getByText(`Synced: ${String(count('Synced'))}`).waitFor();
    await states.getByText(`Waiting: ${String(count('Waiting'))}`).waitFor();
    await states.getByText(`Failed: ${String(count('Failed'))}`).waitFor();
    await states.getByText('Pending: 1').waitFor();
    await checkPage('cpq-orders');
    await page.getByLabel('Order state').selectOption('waiting');
    const rows = page.getByRole('table', { name: 'CPQ orders' }).locator('tbody tr');
    await until(
      'the waiting orders listed',
      () => rows.count(),
      (n) => n === count('Waiting'),
    );
    await rows
      .first()
      .getByText(/^CPQ-W\d+|^CPQ-E003/)
      .waitFor();
    await page.getByLabel('Order state').selectOption('failed');
    const table = page.getByRole('table', { name: 'CPQ orders' });
    await until(
      'the failed orders listed',
      () => table.locator('tbody tr').count(),
      (n) => n === count('Failed'),
    );
    await table.getByText('CPQ-E007: The account has no complete billing address').first().waitFor();
    await checkPage('cpq-orders-failed');
  }, 180_000);

  it('retries the pending order through the engine, and it becomes one Zuora order', async () => {
    await page.getByLabel('Order state').selectOption('pending');
    await page.getByRole('button', { name: pending.orderNumber }).click();
    const detail = page.getByRole('article', { name: `Order ${pending.orderNumber}` });
    await detail.getByText('CPQ-E021').first().waitFor();
    await detail.getByText('pending', { exact: true }).waitFor();
    // Zuora answers again (the faults were cleared): the retry goes through.
    await detail.getByRole('button', { name: 'Retry now' }).click();
    const said = detail.getByText(/^Retry: /);
    await said.waitFor({ timeout: 120_000 });
    expect(await said.textContent()).toMatch(/^Retry: Synced\. Sent to Zuora as order /);
    const row = (await cpqOrderRows(deps.store, [pending.orderId])).get(pending.orderId);
    expect(row).toMatchObject({ status: 'Synced', attempts: 2 });
    const field = (label: string) =>
      detail.locator('dt', { hasText: new RegExp(`^${label}$`) }).locator('xpath=following-sibling::dd');
    await field('State').getByText('synced').waitFor();
    expect(await field('Zuora order number').textContent()).toBe(row?.zuoraOrderNumber);
    expect(await field('Attempts').textContent()).toBe('2');
    const subscriptions = (
      await deps.salesforce.query<{ Zuora_Subscription_Number__c: string | null }>(
        `SELECT Zuora_Subscription_Number__c FROM OrderItem WHERE OrderId = '${pending.orderId}'`,
      )
    ).records.map((i) => i.Zuora_Subscription_Number__c);
    expect(subscriptions.length).toBeGreaterThan(0);
    expect(await field('Subscriptions').textContent()).toBe([...new Set(subscriptions)].sort().join(', '));
    const zOrders = [...emulators().zuora.tenant.scan('Order', null)].filter(
      (o) => o.record.OrderNumber === row?.zuoraOrderNumber,
    );
    expect(zOrders).toHaveLength(1);
    const account = await until(
      'the Zuora account number written back',
      async () =>
        (
          await deps.salesforce.query<{ Zuora_Account_Number__c: string | null }>(
            `SELECT Zuora_Account_Number__c FROM Account WHERE Id = '${pending.accountId}'`,
          )
        ).records[0]?.Zuora_Account_Number__c ?? null,
      (v) => v !== null,
    );
    expect(await field('Zuora account number').textContent()).toBe(account);
    await checkPage('cpq-order-retried');
  }, 240_000);
});
