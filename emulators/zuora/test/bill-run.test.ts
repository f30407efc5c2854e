import { describe, expect, it } from 'vitest';
import { generateTenant, TenantStore } from '../src/index.js';
import { applyBusinessEvent } from '../src/changes/apply-business-event.js';

describe('bill-run business event', () => {
  it("bills each account's first two active recurring priced charges, in table order, as a scan finds them", () => {
    const store = new TenantStore(() => new Date('2026-02-01T00:00:00Z'));
    store.load(generateTenant({ seed: 11, size: 'XS', entityCount: 2 }));
    // What the event must bill, found the slow way: every subscription and charge of the tenant read in order.
    const expected = (accountId: string): string[] => {
      const subs = [...store.scan('Subscription', null)]
        .filter((s) => s.record.AccountId === accountId && s.record.Status === 'Active')
        .map((s) => s.record.Id);
      return [...store.scan('RatePlanCharge', null)]
        .filter(
          (c) =>
            subs.includes(String(c.record.SubscriptionId)) &&
            c.record.ChargeType === 'Recurring' &&
            c.record.Price !== null,
        )
        .map((c) => c.record.Id);
    };
    const accounts = [...store.scan('Account', null)].map((a) => a.record);
    let billed = 0;
    let refused = 0;
    let cut = 0;
    for (const account of accounts) {
      const candidates = expected(account.Id);
      const want = candidates.slice(0, 2);
      if (candidates.length > 2) cut += 1;
      const result = applyBusinessEvent(store, { type: 'bill-run', accountNumbers: [account.AccountNumber] });
      if (want.length === 0) {
        expect(result, String(account.AccountNumber)).toMatchObject({ ok: false });
        refused += 1;
        continue;
      }
      if (!result.ok) throw new Error(`${String(account.AccountNumber)}: ${result.error}`);
      const items = result.changes
        .filter((c) => c.object === 'InvoiceItem')
        .map((c) => store.get('InvoiceItem', c.id));
      expect(
        items.map((i) => i?.record.RatePlanChargeId),
        String(account.AccountNumber),
      ).toEqual(want);
      billed += 1;
    }
    // Accounts with more charges than a bill run takes occur, so the order of the two it takes is checked.
    expect(billed).toBeGreaterThan(5);
    expect(cut).toBeGreaterThan(0);
    expect(billed + refused).toBe(accounts.length);
  });
});
