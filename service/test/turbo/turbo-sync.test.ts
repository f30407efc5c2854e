// Turbo Sync end to end over HTTP through both emulators, on both store back ends: a full sync lands every
// eligible record, only the tenant's seeded invalid rows (and the children they block) fail, an incremental
// sync writes the changed and deleted records, and nothing when nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDemoChanges } from '../../src/embedded/demo-changes.js';
import { mapsInScope } from '../../src/mapping/object-maps.js';
import {
  insertSession,
  type SessionMode,
  type SessionScope,
  type SyncSession,
} from '../../src/sessions/session-rows.js';
import type { ObjectCounts } from '../../src/sessions/session-counts.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { runCleanupSession } from '../../src/turbo/cleanup-session.js';
import { requestSession } from '../../src/sessions/request-session.js';
import { storeKinds } from '../support/stores.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';

/** What the seeded tenant makes a correct connector refuse, and the rows those refusals hold back. */
const expectedCodes = new Set([
  'DATE_OUT_OF_RANGE',
  'INVALID_CRM_ID',
  'INVALID_CROSS_REFERENCE_KEY',
  'PARENT_FAILED',
]);

describe.each(storeKinds)('Turbo Sync with the %s store', (kind) => {
  let h: SyncHarness;
  const run = async (scope: SessionScope, mode: SessionMode): Promise<SyncSession> => {
    const s = await insertSession(h.store, { scope, trigger: 'manual', mode });
    return runTurboSession(h.deps, s.id);
  };
  const objects = (s: SyncSession) => (s.counts.objects ?? {}) as Record<string, ObjectCounts>;
  const zuoraRecords = (object: string) =>
    [...h.zuora.tenant.table(object as Parameters<SyncHarness['zuora']['tenant']['table']>[0]).values()].map(
      (r) => r.record,
    );
  const openFailures = (object?: string) =>
    h.store.query<{ salesforce_object: string; external_id: string; error_code: string }>(
      `SELECT salesforce_object, external_id, error_code FROM failed_records
        WHERE resolved_at IS NULL AND ($1::text IS NULL OR salesforce_object = $1)`,
      [object ?? null],
    );

  beforeAll(async () => {
    h = await startSyncHarness({ store: kind });
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  it('a full sync lands every eligible billing account and its related records, once', async () => {
    const session = await run('accounts', 'full');
    expect(session.error).toBeUndefined();
    expect(session.state).toBe('finished_with_errors');

    // Billing accounts: every account with a CRM ID that is not cancelled is in Salesforce or failed by name.
    const eligible = zuoraRecords('Account').filter(
      (a) => a.CrmId !== null && a.CrmId !== '' && a.Status !== 'Canceled',
    );
    const sfAccounts = h.salesforce.records('CustomerAccount__c');
    const failedAccounts = await openFailures('CustomerAccount__c');
    expect(sfAccounts.length + failedAccounts.length).toBe(eligible.length);
    expect(sfAccounts.length).toBeGreaterThan(eligible.length * 0.7);
    const withoutCrm = zuoraRecords('Account').filter((a) => a.CrmId === null || a.CrmId === '');
    expect(withoutCrm.length).toBeGreaterThan(0);
    const synced = new Set(sfAccounts.map((a) => a.External_Id__c));
    for (const a of withoutCrm) expect(synced.has(a.Id)).toBe(false);

    // Every object: what Salesforce holds is what the session wrote (no duplicates), and what was read was
    // either written or failed by name.
    for (const map of mapsInScope('accounts')) {
      const c = objects(session)[map.salesforceObject];
      expect(c, map.salesforceObject).toBeDefined();
      if (c === undefined) continue;
      expect(h.salesforce.records(map.salesforceObject).length, map.salesforceObject).toBe(c.written);
      expect(c.written + c.failed, map.salesforceObject).toBe(c.read);
    }
    const failures = await openFailures();
    expect(failures.length).toBeGreaterThan(0);
    for (const f of failures)
      expect(expectedCodes, `${f.salesforce_object} ${f.error_code}`).toContain(f.error_code);
  }, 120_000);

  it('writes each field as mapped, transforms included', () => {
    const sf = h.salesforce.records('CustomerAccount__c')[0] as Record<string, unknown>;
    const z = h.zuora.tenant.get('Account', String(sf.External_Id__c))?.record as Record<string, unknown>;
    const billTo = h.zuora.tenant.get('Contact', String(z.BillToId))?.record as Record<string, unknown>;
    expect(sf.Name).toBe(z.Name);
    expect(sf.AccountNumber__c).toBe(z.AccountNumber);
    expect(sf.Zuora_Id__c).toBe(z.Id);
    expect(String(sf.Account__c).slice(0, 15)).toBe(String(z.CrmId).slice(0, 15));
    expect(sf.Currency__c).toBe(z.Currency);
    expect(Number(sf.Balance__c)).toBeCloseTo(Number(z.Balance), 2);
    expect(Number(sf.BillCycleDay__c)).toBe(Number(z.BillCycleDay));
    expect(sf.Status__c).toBe(z.Status);
    expect(sf.BillToCity__c).toBe(billTo.City);
    expect(sf.BillToName__c).toBe(`${String(billTo.FirstName)} ${String(billTo.LastName)}`);
  });

  it('syncs the product catalog with its value transforms', async () => {
    const session = await run('catalog', 'full');
    expect(session.state).toMatch(/^finished/);
    const charges = zuoraRecords('ProductRatePlanCharge');
    const discount = charges.find((c) => c.ApplyDiscountTo === 'ONETIMERECURRING');
    expect(discount).toBeDefined();
    const sf = h.salesforce
      .records('ProductRatePlanCharge__c')
      .find((r) => r.External_Id__c === discount?.Id);
    expect(sf).toBeDefined();
    expect(sf?.Apply_Discount_To_One_Time_Charges__c).toBe(true);
    expect(sf?.Apply_Discount_To_Recurring_Charges__c).toBe(true);
    expect(sf?.Apply_Discount_To_Usage_Charges__c).toBe(false);
    expect(Number(sf?.Discount_Apply_Type__c)).toBe(3);
    expect(h.salesforce.records('ProductRatePlanCharge__c').length).toBe(charges.length);
  }, 120_000);

  it('an incremental sync with no changes writes nothing', async () => {
    const before = h.salesforce.stats();
    const session = await run('accounts', 'incremental');
    const after = h.salesforce.stats();
    expect(session.state).toMatch(/^finished/);
    expect(after.ingestJobs - before.ingestJobs).toBe(0);
    expect(after.bulkRecords - before.bulkRecords).toBe(0);
    const written = Object.values(objects(session)).reduce((n, c) => n + c.written + c.deleted, 0);
    expect(written).toBe(0);
  }, 120_000);

  it('an incremental sync after changes writes the changed and deleted records', async () => {
    const changed = new Map<string, string>();
    const stop = h.zuora.tenant.capture((c) => changed.set(String(c.record.Id), c.action));
    const round = applyDemoChanges(h.zuora);
    stop();
    expect(round.applied).toBeGreaterThan(5);
    const retryable = await h.store.query<{ zuora_id: string }>(
      `SELECT DISTINCT zuora_id FROM failed_records WHERE resolved_at IS NULL AND error_code = 'PARENT_FAILED'`,
    );

    const before = h.salesforce.stats();
    const startedAt = new Date(Date.now() - 1).toISOString();
    const session = await run('accounts', 'incremental');
    const after = h.salesforce.stats();
    expect(session.state).toMatch(/^finished/);
    // Every record written is a changed one (or a held-back child read again): nothing else is re-sent.
    const touched = new Set([...changed.keys(), ...retryable.map((r) => r.zuora_id)]);
    const writtenKeys = h.salesforce
      .records('ZInvoice__c')
      .concat(h.salesforce.records('Payment__c'), h.salesforce.records('Subscription__c'))
      .filter((r) => String(r.LastModifiedDate) >= startedAt)
      .map((r) => String(r.External_Id__c ?? r.SubscriptionNumber__c));
    for (const key of writtenKeys) expect(touched.has(key) || key.startsWith('A-S'), key).toBe(true);
    const read = Object.values(objects(session)).reduce((n, c) => n + c.read, 0);
    expect(read).toBeGreaterThan(0);
    expect(after.bulkRecords - before.bulkRecords).toBeLessThanOrEqual(touched.size * 2);
    // The changes are in Salesforce: new invoices of the bill run, and deleted payment methods are gone.
    const newInvoices = [...changed.entries()].filter(
      ([id, action]) => action === 'created' && h.zuora.tenant.get('Invoice', id) !== undefined,
    );
    expect(newInvoices.length).toBeGreaterThan(0);
    const sfInvoices = new Set(h.salesforce.records('ZInvoice__c').map((r) => r.External_Id__c));
    const failedInvoices = new Set((await openFailures('ZInvoice__c')).map((f) => f.external_id));
    for (const [id] of newInvoices) {
      const account = h.zuora.tenant.get(
        'Account',
        String(h.zuora.tenant.get('Invoice', id)?.record.AccountId),
      );
      if (account?.record.CrmId) expect(sfInvoices.has(id) || failedInvoices.has(id), id).toBe(true);
    }
    // The round always deletes a payment method that was in Salesforce, and the session propagates it.
    const deletions = [...changed.values()].filter((action) => action === 'deleted');
    expect(deletions.length).toBeGreaterThan(0);
    expect(objects(session).PaymentMethod__c?.deleted).toBe(deletions.length);
    // A session this small writes through Composite calls (1,000 records a call), not one Bulk job per
    // object: only the deletion goes through Bulk.
    expect(after.bulkRecords - before.bulkRecords).toBe(deletions.length);
    expect(after.apiRequests - before.apiRequests).toBeLessThan(40);
    for (const [id, action] of changed) {
      if (action === 'deleted') {
        expect(h.salesforce.records('PaymentMethod__c').some((r) => r.External_Id__c === id)).toBe(false);
      }
    }
  }, 120_000);

  it('a targeted backfill restores one account without a clean-up or a watermark move', async () => {
    const account = h.salesforce.records('CustomerAccount__c')[0] as Record<string, unknown>;
    const invoices = h.salesforce.records('ZInvoice__c').filter((r) => r.BillingAccount__c === account.Id);
    const invoiceIds = new Set(invoices.map((r) => r.Id));
    const items = h.salesforce.records('InvoiceItem__c').filter((r) => invoiceIds.has(r.Invoice__c));
    expect(invoices.length).toBeGreaterThan(0);
    expect(items.length).toBeGreaterThan(0);
    // Deleted behind the connector's back; the master-detail cascade takes the invoice items too.
    await h.deps.salesforce.sobject('ZInvoice__c').destroy(invoices.map((r) => String(r.Id)));
    expect(h.salesforce.records('InvoiceItem__c').filter((r) => invoiceIds.has(r.Invoice__c))).toHaveLength(
      0,
    );
    const mark = await h.store.query(`SELECT value FROM watermarks WHERE scope = 'accounts'`);
    const allBefore = h.salesforce.stats().records;

    const s = await insertSession(h.store, {
      scope: 'accounts',
      trigger: 'backfill',
      mode: 'full',
      params: { backfill: { accountIds: [String(account.External_Id__c)] } },
    });
    const done = await runTurboSession(h.deps, s.id);
    expect(done.error).toBeUndefined();
    expect(done.state).toMatch(/^finished/);
    const extIds = (rows: Record<string, unknown>[]) => rows.map((r) => String(r.External_Id__c)).sort();
    const restored = h.salesforce.records('ZInvoice__c').filter((r) => r.BillingAccount__c === account.Id);
    expect(extIds(restored)).toEqual(extIds(invoices));
    const restoredIds = new Set(restored.map((r) => r.Id));
    const restoredItems = h.salesforce.records('InvoiceItem__c').filter((r) => restoredIds.has(r.Invoice__c));
    expect(extIds(restoredItems)).toEqual(extIds(items));
    // Only that account was read, and the incremental high-water mark did not move.
    expect(objects(done).CustomerAccount__c?.read).toBe(1);
    expect(objects(done).ZInvoice__c?.read).toBe(invoices.length);
    expect(h.salesforce.stats().records.CustomerAccount__c).toBe(allBefore.CustomerAccount__c);
    expect(await h.store.query(`SELECT value FROM watermarks WHERE scope = 'accounts'`)).toEqual(mark);
  }, 120_000);

  it('clean-up then sync restores the same state', async () => {
    const before = new Map(
      mapsInScope('accounts').map((m) => [
        m.salesforceObject,
        h.salesforce.records(m.salesforceObject).length,
      ]),
    );
    const cleanup = await insertSession(h.store, { scope: 'accounts', trigger: 'cleanup', mode: 'full' });
    const cleaned = await runCleanupSession(h.deps, cleanup.id);
    expect(cleaned.state).toBe('finished');
    for (const m of mapsInScope('accounts'))
      expect(h.salesforce.records(m.salesforceObject), m.salesforceObject).toHaveLength(0);
    expect(h.salesforce.records('Account').length).toBeGreaterThan(0);
    expect(await h.store.query(`SELECT 1 FROM watermarks WHERE scope = 'accounts'`)).toHaveLength(0);

    const requested = await requestSession(h.store, { scope: 'accounts', trigger: 'manual' });
    expect(requested.ok && requested.session.mode).toBe('full');
    if (!requested.ok) return;
    const again = await runTurboSession(h.deps, requested.session.id);
    expect(again.state).toBe('finished_with_errors');
    for (const [object, n] of before) expect(h.salesforce.records(object).length, object).toBe(n);
  }, 120_000);
});
