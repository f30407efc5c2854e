// The operations console in a real browser (Debian's Chromium through playwright-core) against a whole
// service with its embedded emulators: sign-in, a Turbo session followed live to its end, a failure group
// retried until it resolves, an export, the latency chart after a burst of real-time changes, a notification
// rule whose Platform Event and signed webhook arrive, and state changes refused without CSRF or cookie.
// Every page is checked with axe-core and photographed into .data/test-results/console/.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { verifyWebhook } from '../../src/console/notify/webhook-signature.js';
import { startTestService, testToken, type RunningService } from '../support/service-fixture.js';
import {
  ensureConsoleBuilt,
  openBrowser,
  screenshot,
  seriousViolations,
  type Browser,
} from './browser-support.js';

const hmacKey = 'browser-test-hmac-key-0123456789';
const basic = { username: 'zuora-callouts', password: 'browser-test-password-0123456789' };
const signedData =
  '{{Event.Timestamp}}\n{{Event.NotificationId}}\n{{Event.ObjectType}}\n{{Event.ChangeType}}\n{{Event.ObjectId}}\n{{Event.EntityId}}\n{{Event.UpdatedDate}}\n';

let svc: RunningService;
let browser: Browser;
let page: Page;
let hooks: Server;
const received: { headers: IncomingHttpHeaders; body: string }[] = [];

async function until<T>(
  what: string,
  read: () => Promise<T> | T,
  ok: (v: T) => boolean,
  ms = 90_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const emulators = () => {
  const e = svc.service.runtime?.emulators;
  if (e === undefined) throw new Error('the service runs without its embedded emulators');
  return e;
};

/** Platform Events the Salesforce emulator received (its admin API). */
async function syncEvents(): Promise<Record<string, unknown>[]> {
  const sf = emulators().salesforce;
  const res = await fetch(`${sf.url}/__emulator/events/Sync_Event__e`, {
    headers: { authorization: `Bearer ${sf.adminToken}` },
  });
  return ((await res.json()) as { events: Record<string, unknown>[] }).events;
}

async function checkPage(name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe-core on ${name}`).toEqual([]);
}

beforeAll(async () => {
  ensureConsoleBuilt();
  svc = await startTestService(
    {
      REALTIME_SYNC: 'on',
      REALTIME_EVENT_THRESHOLD: '1',
      REALTIME_MAX_WAIT_SECONDS: '1',
      REALTIME_RECONCILE_SECONDS: '0',
      ZUORA_CALLOUT_HMAC_KEY: hmacKey,
      ZUORA_CALLOUT_USERNAME: basic.username,
      ZUORA_CALLOUT_PASSWORD: basic.password,
      NOTIFY_TICK_SECONDS: '1',
    },
    { withSync: true },
  );
  emulators().zuora.callouts.configure([
    {
      id: 'service',
      url: `${svc.url}/v1/webhooks/zuora`,
      events: ['*'],
      auth: { type: 'basic', username: basic.username, password: basic.password },
      headers: { 'X-Zuora-Timestamp': '{{Event.Timestamp}}' },
      hmac: { algorithm: 'SHA-256', key: hmacKey, data: signedData, signedHeaderKey: 'X-Zuora-Signature' },
    },
  ]);
  hooks = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => hooks.listen(0, '127.0.0.1', r));
  browser = await openBrowser();
  page = browser.page;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => hooks?.close(r));
  await svc?.close();
});

describe('operations console in Chromium', () => {
  it('refuses a wrong token and signs in with the admin token', async () => {
    await page.goto(`${svc.url}/console`);
    await page.waitForURL(/\/console\/login/);
    await page.getByLabel('API token').fill('not-the-token-at-all-0123456789');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Sign-in refused' }).waitFor();
    await checkPage('login-refused');
    await page.getByLabel('API token').fill(testToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await checkPage('overview-empty');
  });

  it('starts a Turbo session after its confirmation and follows it live to the end', async () => {
    // Slower Salesforce calls, so the session lasts long enough to be watched (the result is the same).
    emulators().salesforce.faults.set({ latencyMs: 120 });
    await page.getByRole('link', { name: 'Sessions' }).click();
    await page.getByRole('heading', { name: 'Sessions' }).waitFor();
    await page.getByRole('button', { name: 'Start a session' }).click();
    await page.getByLabel('Kind').selectOption('full');
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByTestId('start-preview').getByText('a full manual session of accounts').waitFor();
    await checkPage('session-start-confirmation');
    await page.getByRole('button', { name: 'Confirm and start' }).click();
    await page.waitForURL(/\/console\/sessions\/[0-9a-f-]{36}$/);
    await page.getByTestId('stage').getByText('Loading into Salesforce').waitFor({ timeout: 120_000 });
    const during = await page.getByTestId('progress-totals').textContent();
    await page.getByTestId('stage').getByText('Done').waitFor({ timeout: 180_000 });
    emulators().salesforce.faults.set({ latencyMs: 0 });
    await page
      .getByText(/^Finished/)
      .first()
      .waitFor();
    const after = await page.getByTestId('progress-totals').textContent();
    expect(during).not.toEqual(after);
    expect(after).toMatch(/^[\d,]+ of [\d,]+ records processed/);
    expect(await page.getByTestId('progress-objects').locator('tbody tr').count()).toBeGreaterThan(5);
    await checkPage('session-finished');
    await page.getByRole('link', { name: '← Sessions' }).click();
    await page.locator('tbody tr').first().waitFor();
    await checkPage('sessions');
  }, 300_000);

  it('opens a failure group, retries it and sees it resolve', async () => {
    const account = [...emulators().zuora.tenant.scan('Account', null)].find(
      (a) => typeof a.record.CrmId === 'string' && a.record.CrmId !== '',
    );
    if (account === undefined) throw new Error('the tenant has no synced account');
    emulators().salesforce.faults.set({ lockRowRatio: 1 });
    const res = await fetch(`${svc.url}/v1/on-demand-syncs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${testToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        objectType: 'BILLING_ACCOUNT',
        source: 'APEX',
        accountIds: [],
        salesforceIds: [],
        zuoraIds: [account.record.Id],
        zuoraIdsByEntity: {},
        emailNotification: false,
        requestedBy: { userId: '0058d0000000001AAA', orgId: '00D8d0000000001EAA' },
      }),
    });
    expect(res.status).toBe(200);
    emulators().salesforce.faults.set({ lockRowRatio: 0 });
    await page.getByRole('link', { name: 'Failures' }).click();
    const group = page.locator('button[aria-controls="group-UNABLE_TO_LOCK_ROW"]');
    await group.click();
    await page.getByText('Record locked in Salesforce').first().waitFor();
    await page.getByRole('button', { name: /^Retry all .* with UNABLE_TO_LOCK_ROW$/ }).waitFor();
    await checkPage('failures-group');
    await page.getByRole('button', { name: /^Retry all .* with UNABLE_TO_LOCK_ROW$/ }).click();
    await page.getByText(/^Retry started/).waitFor();
    await group.waitFor({ state: 'detached', timeout: 90_000 });
  }, 180_000);

  it('exports the failures as CSV', async () => {
    // Data errors of the seeded tenant (a date past 4000-12-31) stay open whatever else syncs meanwhile.
    await page.getByLabel('Error code').fill('DATE_OUT_OF_RANGE');
    await page
      .getByTestId('failures-total')
      .getByText(/in 1 groups/)
      .waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const file = await (await download).path();
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines[0]).toBe(
      'id,object,zuoraObject,entityId,externalId,zuoraId,accountId,sessionId,code,zuoraCode,message,attempts,firstFailedAt,lastFailedAt,resolvedAt',
    );
    const total = Number(
      (await page.getByTestId('failures-total').textContent())?.split(' ')[0]?.replaceAll(',', ''),
    );
    expect(total).toBeGreaterThan(0);
    expect(lines.length - 1).toBe(total);
    expect(lines.slice(1).every((l) => l.includes(',DATE_OUT_OF_RANGE,DACO-99,'))).toBe(true);
    await page.getByLabel('Error code').fill('');
    await page
      .getByTestId('failures-total')
      .getByText(/open failures in/)
      .waitFor();
    await checkPage('failures');
  });

  it('shows the latency chart change after a burst of real-time changes', async () => {
    await page.getByRole('link', { name: 'Performance' }).click();
    await page.getByLabel('Range').selectOption('1');
    await page.locator('label[for=bucket-minute]').click();
    const chart = page.getByTestId('latency-chart');
    await chart.waitFor();
    const series = page.getByTestId('latency-series');
    const before = await series.textContent();
    expect(await page.getByTestId('latency-by-object').textContent()).not.toContain('callout');
    const { zuora } = emulators();
    const open = new Set(
      [...zuora.tenant.scan('Invoice', null)]
        .filter((i) => Number(i.record.Balance) > 0)
        .map((i) => String(i.record.AccountId)),
    );
    const accounts = [...zuora.tenant.scan('Account', null)]
      .filter((a) => typeof a.record.CrmId === 'string' && a.record.CrmId !== '' && open.has(a.record.Id))
      .slice(0, 15);
    for (const a of accounts)
      expect(zuora.changes.apply({ type: 'payment', accountNumber: a.record.AccountNumber }).ok).toBe(true);
    await until(
      'latency samples of the burst',
      async () =>
        Number(
          (await svc.service.store.query<{ n: string }>('SELECT count(*) AS n FROM realtime_latencies'))[0]
            ?.n,
        ),
      (n) => n >= accounts.length,
    );
    // The page refreshes every 5 s: the real-time samples appear per object and path, and in the series.
    await page
      .getByTestId('latency-by-object')
      .getByRole('cell', { name: 'callout' })
      .first()
      .waitFor({ timeout: 60_000 });
    await until(
      'the latency series to change',
      () => series.textContent(),
      (t) => t !== before,
    );
    expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThan(0);
    await checkPage('performance');
  }, 180_000);

  it('creates a notification rule; its Platform Event lands in Salesforce and its signed webhook arrives', async () => {
    await page.getByRole('link', { name: 'Notifications' }).click();
    const hookUrl = `http://127.0.0.1:${String((hooks.address() as AddressInfo).port)}/zuora-sync`;
    await page.getByLabel('Name').fill('Any failure in the last hour');
    await page.getByLabel('Notify on').selectOption('failures');
    await page.getByLabel('Interval (minutes)').fill('1');
    await page.getByLabel('Window (minutes)').fill('60');
    await page.getByLabel('Threshold type').selectOption('count');
    await page.getByLabel('Threshold', { exact: true }).fill('1');
    await page.getByLabel('Webhook URL').fill(hookUrl);
    await page.getByRole('button', { name: 'Create rule' }).click();
    const notice = await page.getByText(/Webhook signing secret \(shown once\): /).textContent();
    const secret = notice?.split(': ').pop()?.trim() ?? '';
    expect(secret.length).toBeGreaterThan(16);
    const events = await until('the Sync_Event__e Platform Event', syncEvents, (list) =>
      list.some((e) => e.Rule_Name__c === 'Any failure in the last hour'),
    );
    const event = events.find((e) => e.Rule_Name__c === 'Any failure in the last hour');
    expect(event?.Event_Type__c).toBe('FAILURES');
    expect(Number(event?.Metric_Value__c)).toBeGreaterThanOrEqual(1);
    const hook = await until(
      'the webhook',
      () => received,
      (r) => r.length > 0,
    );
    const first = hook[0];
    expect(
      verifyWebhook(
        secret,
        first?.body ?? '',
        String(first?.headers['x-zuora-sync-signature']),
        Math.floor(Date.now() / 1000),
      ),
    ).toBe(true);
    expect(JSON.parse(first?.body ?? '{}')).toMatchObject({
      eventType: 'FAILURES',
      ruleName: 'Any failure in the last hour',
    });
    await page.getByTestId('deliveries').getByText('sent').first().waitFor();
    await checkPage('notifications');
    await page.getByRole('link', { name: 'Overview' }).click();
    await page.getByTestId('tile-all-Total synced').waitFor();
    await checkPage('overview');
  }, 180_000);

  it('refuses state changes without the CSRF token or without the cookie', async () => {
    const withoutCsrf = await page.evaluate(async () => {
      const r = await fetch('/v1/failures/retry', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ids: [1] }),
      });
      return { status: r.status, body: (await r.json()) as { error: string } };
    });
    expect(withoutCsrf).toEqual({ status: 403, body: expect.objectContaining({ error: 'csrf_refused' }) });
    const signOutWithoutCsrf = await page.evaluate(
      async () => (await fetch('/console/session', { method: 'DELETE' })).status,
    );
    expect(signOutWithoutCsrf).toBe(403);
    const withoutCookie = await fetch(`${svc.url}/v1/failures/retry`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ids: [1] }),
    });
    expect(withoutCookie.status).toBe(401);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const afterSignOut = await page.evaluate(async () => (await fetch('/v1/overview')).status);
    expect(afterSignOut).toBe(401);
  });
});
