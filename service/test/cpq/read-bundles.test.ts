// The bundle reader against the Salesforce emulator's CPQ scenario: every order's items, subscriptions,
// products, consumption schedules and rates come back in three Composite calls however many orders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CallCounter } from '../../src/salesforce/composite-request.js';
import { readBundles } from '../../src/cpq/read-bundles.js';
import { startCpqHarness, type CpqHarness } from './cpq-harness.js';

describe('readBundles', () => {
  let h: CpqHarness;
  beforeAll(async () => {
    h = await startCpqHarness();
  }, 120_000);
  afterAll(async () => h.close());

  it('reads every order of the scenario with its records in three calls', async () => {
    const orders = h.salesforce.records('Order');
    const counter = new CallCounter();
    const writer = { conn: h.deps.salesforce, governor: h.deps.governor, caller: 'cpq' };
    const read = await readBundles(
      writer,
      counter,
      orders.map((o) => String(o.Id)),
      h.deps.cpq,
    );
    expect(counter.calls).toBe(3);
    expect(read.bundles.size).toBe(orders.length);
    const items = h.salesforce.records('OrderItem');
    let seen = 0;
    for (const b of read.bundles.values()) {
      expect(b.account.Id).toBe(b.order.AccountId);
      seen += b.items.length;
      for (const i of b.items) {
        expect(b.products.some((p) => p.Id === i.Product2Id)).toBe(true);
        if (i.SBQQ__Subscription__c !== null)
          expect(b.subscriptions.some((s) => s.Id === i.SBQQ__Subscription__c)).toBe(true);
      }
    }
    expect(seen).toBe(items.length);
    const withRates = [...read.bundles.values()].filter((b) => b.itemRates.length > 0);
    expect(withRates.length).toBeGreaterThan(0);
  }, 120_000);
});
