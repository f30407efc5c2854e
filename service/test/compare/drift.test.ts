// The drift check through both emulators: drift planted in the Salesforce emulator after a full sync (a
// deleted record (its master-detail children go with it), an edited value, an extra record) is found to the
// record and field, with the billing
// accounts whose checksums differ, at one Bulk query page per object; the repair fixes exactly that, and the
// write counters prove no other record was touched.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSession, type SyncSession } from '../../src/sessions/session-rows.js';
import { repairDrift } from '../../src/turbo/drift-repair.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';

describe('drift check and repair', () => {
  let h: SyncHarness;
  const driftCheck = async (): Promise<SyncSession> => {
    const s = await insertSession(h.store, {
      scope: 'accounts',
      trigger: 'manual',
      mode: 'full',
      params: { dryRun: true, drift: true },
    });
    return runTurboSession(h.deps, s.id);
  };

  beforeAll(async () => {
    h = await startSyncHarness({ store: 'pglite' });
    const first = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
    await runTurboSession(h.deps, first.id);
  }, 180_000);
  afterAll(async () => {
    await h.close();
  });

  it('finds none after a full sync', async () => {
    const check = await driftCheck();
    const report = check.counts.dryRun;
    const drifted = Object.values(report?.objects ?? {}).reduce(
      (n, c) => n + c.created + c.updated + c.deleted,
      0,
    );
    expect(drifted).toBe(0);
    expect(report?.drift?.accounts).toEqual({});
    expect(report?.drift?.checkedAccounts).toBeGreaterThan(10);
    for (const read of Object.values(report?.drift?.reads ?? {}))
      expect(read.pages).toBe(Math.max(1, Math.ceil(read.records / 10_000)));
  }, 240_000);

  it('finds planted drift to the field and repairs exactly it', async () => {
    const sf = h.salesforce;
    const invoices = sf.records('ZInvoice__c');
    const [gone, edited] = invoices;
    if (gone === undefined || edited === undefined) throw new Error('no invoices synced');
    // Planted through the emulator's admin API and in-process handle: a deletion, an edit, an extra record.
    const conn = h.deps.salesforce;
    await conn.sobject('ZInvoice__c').destroy(String(gone.Id));
    await conn.sobject('ZInvoice__c').update({ Id: String(edited.Id), Balance2__c: 123456.78 });
    const account = sf.records('CustomerAccount__c')[0];
    const [extraId] = sf.insertRecords('Payment__c', [
      { Name: 'P-EXTRA', External_Id__c: 'EXTRA-PAYMENT-1', BillingAccount__c: account?.Id, Amount__c: 1 },
    ]);
    sf.resetWrites();

    const check = await driftCheck();
    expect(sf.writes()).toEqual({});
    const report = check.counts.dryRun;
    expect(report?.objects.ZInvoice__c).toMatchObject({ created: 1, updated: 1, deleted: 0 });
    expect(report?.objects.Payment__c).toMatchObject({ created: 0, updated: 0, deleted: 1 });
    const lines = readFileSync(String(report?.file), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toContainEqual({ object: 'ZInvoice__c', key: gone.External_Id__c, action: 'create' });
    expect(lines).toContainEqual({
      object: 'Payment__c',
      key: 'EXTRA-PAYMENT-1',
      action: 'delete',
      salesforceId: extraId,
    });
    const update = lines.find((l) => l.action === 'update') as { changes: { field: string; new: unknown }[] };
    expect(update.changes.map((c) => c.field)).toEqual(['Balance2__c']);
    // The billing accounts whose checksums differ: the extra payment's, and the accounts of both invoices.
    const externalIdOf = (id: unknown) =>
      String(sf.records('CustomerAccount__c').find((a) => a.Id === id)?.External_Id__c);
    const drifted = Object.keys(report?.drift?.accounts ?? {});
    for (const id of [account?.Id, gone.BillingAccount__c, edited.BillingAccount__c])
      expect(drifted).toContain(externalIdOf(id));
    expect(drifted.length).toBeLessThanOrEqual(3);

    const repair = await repairDrift(h.deps, check);
    expect(repair.failedDeletes).toBe(0);
    const writes = sf.writes();
    expect(writes.ZInvoice__c).toMatchObject({ created: 1, updated: 1, deleted: 0 });
    expect(writes.Payment__c).toMatchObject({ created: 0, updated: 0, deleted: 1 });
    // Every record written is one the check named (the deleted invoice's children went with it, by cascade,
    // and were found missing too): per object, exactly the reported counts, and nothing else.
    for (const [object, w] of Object.entries(writes)) {
      if (object === 'Sync_History__c' || object === 'Sync_Record_Error__c') continue;
      const c = report?.objects[object];
      expect({ object, ...w, writeCalls: 0 }).toEqual({
        object,
        created: c?.created,
        updated: c?.updated,
        deleted: c?.deleted,
        writeCalls: 0,
      });
    }
    const after = await driftCheck();
    const left = Object.values(after.counts.dryRun?.objects ?? {}).reduce(
      (n, c) => n + c.created + c.updated + c.deleted,
      0,
    );
    expect(left).toBe(0);
  }, 300_000);
});
