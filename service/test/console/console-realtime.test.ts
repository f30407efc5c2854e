// The console's Real-time page in a real browser (Debian's Chromium through playwright-core) against a whole
// service with its embedded emulators: three change events whose records Zuora refuses to export (an injected
// emulator fault) end dead-lettered after their attempts; the page shows the real-time stats and lists them
// (entity, object, record, reason, attempts, first and last attempt); once the fault is gone an admin retries
// one, which syncs, and discards the others, through the page's buttons (the service's routes, with the
// console's cookie and CSRF token). Checked with axe-core and photographed into .data/test-results/console/.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertChangeEvent } from '../../src/realtime/change-event-rows.js';
import { insertSession } from '../../src/sessions/session-rows.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { startTestService, testToken, type RunningService } from '../support/service-fixture.js';
import { until } from '../support/wait-for.js';
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
const poison: string[] = [];

const emulators = () => {
  const e = svc.service.runtime?.emulators;
  if (e === undefined) throw new Error('the service runs without its embedded emulators');
  return e;
};

async function refuse(ids: readonly string[]): Promise<void> {
  const { zuora } = emulators();
  const res = await fetch(`${zuora.url}/__emulator/faults`, {
    method: 'POST',
    headers: { authorization: `Bearer ${zuora.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ refuseRecordIds: ids }),
  });
  expect(res.status, await res.text()).toBe(200);
}

const outcomes = async (): Promise<Record<string, number>> =>
  Object.fromEntries(
    (
      await svc.service.store.query<{ outcome: string | null; n: string }>(
        `SELECT coalesce(outcome, 'pending') AS outcome, count(*) AS n FROM change_events
          WHERE dedupe_key LIKE 'console-poison:%' GROUP BY 1`,
      )
    ).map((r): [string, number] => [r.outcome ?? 'pending', Number(r.n)]),
  );

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
      REALTIME_MAX_ATTEMPTS: '2',
      REALTIME_RETRY_BASE_MS: '10',
    },
    { withSync: true },
  );
  // Salesforce as real-time sync finds it: after a full sync (a retried record then syncs like any other).
  const deps = svc.service.runtime?.deps;
  if (deps === undefined) throw new Error('the service runs without its sync runtime');
  const initial = await insertSession(svc.service.store, {
    scope: 'accounts',
    trigger: 'manual',
    mode: 'full',
  });
  await runTurboSession(deps, initial.id);
  const accounts = [...emulators().zuora.tenant.scan('Account', null)]
    .map((a) => a.record)
    .filter((a) => typeof a.CrmId === 'string' && a.CrmId !== '')
    .slice(0, 3);
  poison.push(...accounts.map((a) => a.Id));
  expect(poison).toHaveLength(3);
  await refuse(poison);
  for (const [i, id] of poison.entries())
    await insertChangeEvent(svc.service.store, {
      dedupeKey: `console-poison:${String(i)}`,
      entityId: '',
      zuoraObject: 'Account',
      zuoraId: id,
      eventType: 'UPDATE',
      occurredAt: new Date(),
      source: 'callout',
      payload: {},
    });
  browser = await openBrowser();
  page = browser.page;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await svc?.close();
});

describe('console Real-time page in Chromium', () => {
  it('lists dead-lettered events with the real-time stats', async () => {
    await until('the three poison events dead-lettered', outcomes, (o) => o.dead === 3, 240_000);
    await page.goto(`${svc.url}/console/login`);
    await page.getByLabel('API token').fill(testToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByRole('link', { name: 'Real-time' }).click();
    await page.getByRole('heading', { name: 'Real-time sync' }).waitFor();
    const table = page.getByRole('table', { name: 'Dead-lettered events' });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(3);
    for (const id of poison) {
      const row = rows.filter({ hasText: id });
      const cells = await row.locator('td').allTextContents();
      // Select, entity, object, record, reason, attempts, first attempt, last attempt.
      expect(cells.slice(1, 4)).toEqual(['(default)', 'Account', id]);
      expect(cells[4]).toMatch(/injected fault/);
      expect(cells[5]).toBe('2');
      expect(cells[6]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
      expect(cells[7]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    }
    const tile = page.locator('dt', { hasText: 'Dead-lettered' }).locator('xpath=following-sibling::dd[1]');
    expect(await tile.textContent()).toBe('3');
    await checkPage('realtime-dead-letters');
  }, 300_000);

  it('retries one dead letter, which syncs, and discards the others', async () => {
    await refuse([]);
    const [first] = poison;
    await page.getByRole('checkbox', { name: `Select Account ${String(first)}` }).check();
    await page.getByRole('button', { name: 'Retry selected' }).click();
    await page.getByRole('status').filter({ hasText: '1 event(s) put back in the queue' }).waitFor();
    await until('the retried event synced', outcomes, (o) => o.synced === 1, 240_000);
    await page.getByRole('button', { name: 'Discard all' }).click();
    await page.getByRole('status').filter({ hasText: '2 event(s) discarded' }).waitFor();
    await page.getByText('No dead-lettered events.').waitFor();
    expect(await outcomes()).toEqual({ synced: 1, discarded: 2 });
    await checkPage('realtime-dead-letters-cleared');
  }, 300_000);
});
