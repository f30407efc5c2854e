import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSalesforceId, makeSalesforceId } from '../../shared/salesforce-id.js';
import { crmAccountsFor, generateTenant, objectFields } from '../src/index.js';

function digest(seed: number): string {
  const hash = createHash('sha256');
  for (const r of generateTenant({ seed, size: 'XS', entityCount: 2 }).records())
    hash.update(`${r.object}|${r.entityId}|${JSON.stringify(r.record)}\n`);
  return hash.digest('hex');
}

describe('synthetic tenant (billing shape v1)', () => {
  it('is byte-identical for the same seed and differs for another seed', () => {
    expect(digest(11)).toBe(digest(11));
    expect(digest(11)).not.toBe(digest(12));
  });

  it('has the documented shape per account and every field of the object model', () => {
    const tenant = generateTenant({ seed: 3, size: 'XS', accountCount: 300 });
    const counts: Record<string, number> = {};
    const wrongShape = new Set<string>();
    const expected = new Map(Object.entries(objectFields).map(([o, f]) => [o, [...f].sort().join()]));
    for (const { object, record } of tenant.records()) {
      counts[object] = (counts[object] ?? 0) + 1;
      if (Object.keys(record).sort().join() !== expected.get(object) || !/^[0-9a-f]{32}$/.test(record.Id))
        wrongShape.add(object);
    }
    expect([...wrongShape]).toEqual([]);
    const per = (o: string): number => (counts[o] ?? 0) / 300;
    expect(per('Account')).toBe(1);
    expect(per('Subscription')).toBeGreaterThan(1.5);
    expect(per('Subscription')).toBeLessThan(2.1);
    expect(per('Invoice')).toBe(24);
    expect(per('InvoiceItem')).toBe(48);
    expect(per('Payment')).toBe(22);
    expect(per('Refund')).toBeGreaterThan(0.1);
    expect(per('Refund')).toBeLessThan(0.3);
    expect(per('PaymentMethod')).toBeGreaterThan(1.1);
    expect(per('PaymentMethod')).toBeLessThan(1.3);
    expect(per('SubscriptionProductFeature')).toBeGreaterThan(0.2);
    expect(counts.Product).toBe(50);
    expect(counts.ProductRatePlan).toBe(150);
    expect(counts.ProductRatePlanCharge).toBe(300);
  });

  it('versions amended subscriptions with OriginalId and PreviousSubscriptionId', () => {
    const subs = [...generateTenant({ seed: 5, size: 'XS' }).records()]
      .filter((r) => r.object === 'Subscription')
      .map((r) => r.record);
    const amended = subs.filter((s) => s.Version === 2);
    expect(amended.length).toBeGreaterThan(0);
    for (const v2 of amended) {
      const v1 = subs.find((s) => s.Id === v2.PreviousSubscriptionId);
      expect(v1).toMatchObject({ Version: 1, Status: 'Expired', Name: v2.Name });
      expect(v2.OriginalId).toBe(v1?.Id);
    }
  });

  it('gives the Salesforce side exactly the Accounts the valid CRM IDs point at', () => {
    const tenant = generateTenant({ seed: 9, size: 'XS', accountCount: 300, invalidShare: 0.2 });
    const crm = crmAccountsFor(tenant);
    const ids = new Set(crm.map((a) => a.Id));
    expect(crm.every((a) => isSalesforceId(a.Id) && a.Id.startsWith('001') && a.Name.length > 0)).toBe(true);
    const accounts = [...tenant.records()].filter((r) => r.object === 'Account').map((r) => r.record);
    const invalid = tenant.invalidRows();
    const badAccounts = new Set(invalid.filter((r) => r.field === 'CrmId').map((r) => r.id));
    for (const a of accounts) {
      if (a.CrmId === null) continue;
      expect(ids.has(String(a.CrmId))).toBe(!badAccounts.has(a.Id));
    }
    const withCrm = accounts.filter((a) => a.CrmId !== null).length / accounts.length;
    expect(withCrm).toBeGreaterThan(0.75);
    expect(withCrm).toBeLessThan(0.95);
    expect(new Set(accounts.map((a) => a.CrmId).filter((c) => c !== null)).size).toBeLessThan(
      accounts.filter((a) => a.CrmId !== null).length,
    );
    const reasons = new Set(invalid.map((r) => r.reason));
    expect(reasons).toEqual(new Set(['date-out-of-range', 'malformed-crm-id', 'crm-account-missing']));
    const dates = invalid.filter((r) => r.reason === 'date-out-of-range');
    expect(dates.every((r) => r.object === 'Subscription' && String(r.value) > '4000-12-31')).toBe(true);
  });

  it('never names an Account an org creates itself: CRM IDs and generated Ids are disjoint', () => {
    // An org not seeded with crmAccountsFor (the CPQ scenario's) numbers its own Accounts from 1.
    const generated = new Set(Array.from({ length: 5_000 }, (_, i) => makeSalesforceId('001', i + 1)));
    const tenant = generateTenant({ seed: 1, size: 'XS', accountCount: 800, invalidShare: 0.2 });
    const crmIds = [...tenant.records()]
      .filter((r) => r.object === 'Account' && typeof r.record.CrmId === 'string')
      .map((r) => String(r.record.CrmId));
    expect(crmIds.length).toBeGreaterThan(600);
    expect(crmIds.filter((id) => generated.has(id))).toEqual([]);
  });

  it('streams the L tenant account by account', () => {
    const tenant = generateTenant({ seed: 1, size: 'L' });
    expect(tenant.options.accountCount).toBe(100_000);
    const it = tenant.accounts();
    const first = it.next().value;
    expect(first?.accountIndex).toBe(0);
    expect(first?.records.length).toBeGreaterThan(80);
    expect(() => generateTenant({ seed: 1, size: 'XXL' as 'L' })).toThrow(/size must be XS, S, M or L/);
  });
});
