// An incremental session after a bill run leaves Salesforce exactly as a full sync of the same tenant does
// (issue 19: the incremental end state equals a full sync's): every synced object compared record by record,
// lookups by the key of the record they point at, run-specific fields (Ids, audit dates) left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyBusinessEvent } from '../../../emulators/zuora/src/index.js';
import { mapsInScope } from '../../src/mapping/object-maps.js';
import { insertSession, type SessionMode } from '../../src/sessions/session-rows.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';

const runSpecific = /^(Id|CreatedDate|LastModifiedDate|SystemModstamp|CreatedById|LastModifiedById|OwnerId)$/;

/** Every record of the accounts scope as `object key {fields}`, sorted; a lookup reads as its target's key. */
function orgState(h: SyncHarness): string[] {
  const objects = [...new Set(mapsInScope('accounts').map((m) => m.salesforceObject))];
  const keyOf = new Map<string, string>();
  const all = objects.flatMap((o) => h.salesforce.records(o).map((r) => ({ o, r })));
  for (const { o, r } of all) keyOf.set(String(r.Id), `${o}:${String(r.External_Id__c ?? r.Name)}`);
  return all
    .map(({ o, r }) => {
      const fields = Object.keys(r)
        .filter((f) => !runSpecific.test(f) && f !== 'attributes')
        .sort()
        .map((f) => `${f}=${JSON.stringify(keyOf.get(String(r[f])) ?? r[f] ?? null)}`);
      return `${o} ${fields.join(' ')}`;
    })
    .sort();
}

describe('incremental sync after a bill run', () => {
  let h: SyncHarness;
  const run = async (mode: SessionMode) => {
    const s = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode });
    return runTurboSession(h.deps, s.id);
  };

  beforeAll(async () => {
    h = await startSyncHarness({ store: 'pglite' });
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  it('ends with the state a full sync of the same tenant ends with', async () => {
    expect((await run('full')).state).toMatch(/^finished/);
    const active = [...h.zuora.tenant.table('Account').values()]
      .map((a) => a.record)
      .filter((a) => a.Status === 'Active');
    let billed = 0;
    for (const a of active.filter((_, i) => i % 3 === 0)) {
      const result = applyBusinessEvent(h.zuora.tenant, {
        type: 'bill-run',
        accountNumbers: [String(a.AccountNumber)],
      });
      if (result.ok) billed += 1;
    }
    expect(billed).toBeGreaterThan(0);
    const invoicesBefore = h.salesforce.records('ZInvoice__c').length;

    const incremental = await run('incremental');
    expect(incremental.state).toMatch(/^finished/);
    expect(h.salesforce.records('ZInvoice__c').length).toBeGreaterThan(invoicesBefore);
    const afterIncremental = orgState(h);
    expect(afterIncremental.length).toBeGreaterThan(1_000);

    expect((await run('full')).state).toMatch(/^finished/);
    expect(afterIncremental).toEqual(orgState(h));
  }, 240_000);
});
