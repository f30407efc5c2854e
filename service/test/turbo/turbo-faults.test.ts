// Turbo Sync under injected faults: with 5% of Salesforce and Zuora requests answered 5xx and 1% of records
// refused with UNABLE_TO_LOCK_ROW, the session still ends with every record synced that a clean run syncs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapsInScope } from '../../src/mapping/object-maps.js';
import { insertSession } from '../../src/sessions/session-rows.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';

let clean: SyncHarness;
let faulty: SyncHarness;

beforeAll(async () => {
  [clean, faulty] = await Promise.all([startSyncHarness(), startSyncHarness()]);
  // Small spool parts too: every object is loaded in several Bulk jobs, each checkpointed.
  faulty = { ...faulty, deps: { ...faulty.deps, spoolPartBytes: 256 * 1024 } };
}, 120_000);
afterAll(async () => {
  await Promise.all([clean.close(), faulty.close()]);
});

const fullSync = async (h: SyncHarness) => {
  const s = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
  return runTurboSession(h.deps, s.id);
};

describe('Turbo Sync under faults', () => {
  it('ends with the same records in Salesforce as a clean run', async () => {
    const reference = await fullSync(clean);
    faulty.salesforce.faults.set({ serverErrorRatio: 0.05, lockRowRatio: 0.01 });
    const zuoraFaults = await fetch(`${faulty.zuora.url}/__emulator/faults`, {
      method: 'POST',
      headers: { authorization: `Bearer ${faulty.zuora.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ errorRate: 0.05 }),
    });
    expect(zuoraFaults.status).toBeLessThan(300);
    const session = await fullSync(faulty);
    faulty.salesforce.faults.clear();

    expect(session.error).toBeUndefined();
    expect(session.state).toBe(reference.state);
    for (const map of mapsInScope('accounts')) {
      const want = clean.salesforce
        .records(map.salesforceObject)
        .map((r) => String(r.External_Id__c))
        .sort();
      const got = faulty.salesforce
        .records(map.salesforceObject)
        .map((r) => String(r.External_Id__c))
        .sort();
      expect(got, map.salesforceObject).toEqual(want);
    }
    const lockFailures = await faulty.store.query(
      `SELECT 1 FROM failed_records WHERE resolved_at IS NULL AND error_code = 'UNABLE_TO_LOCK_ROW'`,
    );
    expect(lockFailures).toHaveLength(0);
    // The faults did happen: some requests failed and were retried.
    expect(faulty.salesforce.stats().apiRequests).toBeGreaterThan(clean.salesforce.stats().apiRequests);
  }, 180_000);
});
