// The console's drift page in a real browser (Debian's Chromium through playwright-core) against a whole
// service with its embedded emulators: after a full sync, an edited value is planted in the Salesforce
// emulator and a drift check runs; the page lists the check, its per-object counts and the drifted billing
// account down to the record and field (old -> new); "Preview the repair" shows the repair's dry run (nothing
// written: the write counters stay at zero), and "Run the repair" puts Zuora's value back, touching only that
// record. Every view is checked with axe-core and photographed into .data/test-results/console/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
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

const runtime = () => {
  const r = svc.service.runtime;
  if (r?.emulators === undefined) throw new Error('the service runs without its embedded emulators');
  return { deps: r.deps, sf: r.emulators.salesforce };
};

async function checkPage(name: string): Promise<void> {
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe-core on ${name}`).toEqual([]);
}

beforeAll(async () => {
  ensureConsoleBuilt();
  svc = await startTestService({ DRIFT_SCHEDULE: 'off' }, { withSync: true });
  const { deps } = runtime();
  const full = await insertSession(svc.service.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
  expect((await runTurboSession(deps, full.id)).state).toMatch(/^finished/);
  browser = await openBrowser();
  page = browser.page;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await svc?.close();
});

describe('console drift page in Chromium', () => {
  it('shows a drift check to the field, previews the repair, then repairs exactly that', async () => {
    const { deps, sf } = runtime();
    const invoice = sf.records('ZInvoice__c')[0];
    if (invoice === undefined) throw new Error('no invoice synced');
    const synced = invoice.Balance2__c;
    await deps.salesforce.sobject('ZInvoice__c').update({ Id: String(invoice.Id), Balance2__c: 98765.4 });
    const check = await insertSession(svc.service.store, {
      scope: 'accounts',
      trigger: 'manual',
      mode: 'full',
      params: { dryRun: true, drift: true },
    });
    expect((await runTurboSession(deps, check.id)).state).toBe('finished');

    await page.goto(`${svc.url}/console`);
    await page.waitForURL(/\/console\/login/);
    await page.getByLabel('API token').fill(testToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByRole('link', { name: 'Drift' }).click();
    await page.getByRole('heading', { name: 'Drift', exact: true }).waitFor();
    const objects = page.getByTestId('drift-objects');
    await objects.getByRole('row', { name: /ZInvoice__c/ }).waitFor();
    expect(await objects.getByRole('row', { name: /ZInvoice__c/ }).textContent()).toBe('ZInvoice__c001');
    const accounts = page.getByTestId('drift-accounts');
    await accounts.getByText(`ZInvoice__c ${String(invoice.External_Id__c)}: different`).waitFor();
    expect(await accounts.textContent()).toContain('Balance2__c: "98765.4" →');
    await checkPage('drift-check');

    sf.resetWrites();
    await page.getByRole('button', { name: 'Preview the repair' }).click();
    const preview = page.getByTestId('repair-preview');
    await preview.waitFor({ timeout: 180_000 });
    expect(await preview.getByRole('row', { name: /ZInvoice__c/ }).textContent()).toBe('ZInvoice__c001');
    // The preview is a dry run: nothing written.
    expect(sf.writes()).toEqual({});
    await checkPage('drift-repair-preview');

    await page.getByRole('button', { name: 'Run the repair' }).click();
    await page.getByText('Repair started').waitFor();
    const repaired = await until(
      'the repair to put the synced balance back',
      () => sf.records('ZInvoice__c').find((r) => r.Id === invoice.Id)?.Balance2__c,
      (v) => Number(v) === Number(synced),
      180_000,
    );
    expect(Number(repaired)).toBe(Number(synced));
    await until(
      'the repair to finish',
      () => sf.writes(),
      (w) => w.Sync_History__c !== undefined,
      180_000,
    );
    // Only that record of the synced objects was written (besides the backfill's own history and errors).
    const writes = sf.writes();
    const own = ['Sync_History__c', 'Sync_Record_Error__c'];
    expect(Object.keys(writes).filter((o) => !own.includes(o))).toEqual(['ZInvoice__c']);
    expect(writes.ZInvoice__c).toMatchObject({ created: 0, updated: 1, deleted: 0 });
  }, 480_000);
});
