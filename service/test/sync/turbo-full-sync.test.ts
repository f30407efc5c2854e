// A full Turbo Sync of a small tenant, end to end over HTTP through both emulators.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSession } from '../../src/store/session-rows.js';
import { runTurboSession } from '../../src/sync/turbo-session.js';
import { renderSessionSummary } from '../../src/sync/session-summary.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';

let h: SyncHarness;
beforeAll(async () => {
  h = await startSyncHarness();
}, 120_000);
afterAll(async () => {
  await h.close();
});

describe('Turbo Sync, full, accounts scope', () => {
  it('lands every eligible billing account and its related records', async () => {
    const session = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
    const done = await runTurboSession(h.deps, session.id);
    console.log(await renderSessionSummary(h.store, done));
    expect(done.error).toBeUndefined();
    expect(['finished', 'finished_with_errors']).toContain(done.state);
    const zAccounts = [...h.zuora.tenant.table('Account').values()]
      .map((s) => s.record)
      .filter((a) => a.CrmId && a.Status !== 'Canceled');
    const sfAccounts = h.salesforce.records('CustomerAccount__c');
    expect(sfAccounts.length).toBeGreaterThan(0);
    console.log('zuora eligible', zAccounts.length, 'sf', sfAccounts.length);
  }, 120_000);
});
