// The poller of activated orders through both emulators: an activated order waiting for contracting is
// recorded Waiting, left alone while nothing changes about it, picked up again after CPQ contracted it (its
// Order.LastModifiedDate may not move: its order products' SystemModstamp does), and synced once; a later
// look sends nothing again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollOnce } from '../../src/cpq/cpq-poller.js';
import { activatedOrder, contract, productId, usdAccount } from './cpq-actions.js';
import { startCpqHarness, type CpqHarness } from './cpq-harness.js';

describe('the CPQ poller', () => {
  let h: CpqHarness;
  beforeAll(async () => {
    h = await startCpqHarness({ settings: { orderFilter: "Type = 'New'" } });
  }, 120_000);
  afterAll(async () => h.close());

  it('waits for contracting, then syncs the order once', async () => {
    const { accountId, contactId } = usdAccount(h.salesforce, 1);
    const lines = [{ productId: productId('CPQ-SEAT-PRO'), quantity: 4 }];
    const orderId = await activatedOrder(
      h.salesforce,
      { accountId, billToContactId: contactId, lines },
      { contract: false },
    );
    await pollOnce(h.deps);
    const order = () =>
      h.salesforce.records('Order').find((o) => o.Id === orderId) as Record<string, unknown>;
    expect(order().Zuora_Sync_Status__c).toBe('Waiting');
    // Nothing changes about it: at most one more check (its order products moved at activation, after the
    // Order version the first check read), then the looks leave it alone (no new attempt), however many.
    const attempts = async () =>
      (
        await h.deps.store.query<{ attempts: number }>(
          'SELECT attempts FROM cpq_orders WHERE order_id = $1',
          [orderId],
        )
      )[0]?.attempts ?? 0;
    await pollOnce(h.deps);
    const settled = await attempts();
    expect(settled).toBeLessThanOrEqual(2);
    await pollOnce(h.deps);
    await pollOnce(h.deps);
    expect(await attempts()).toBe(settled);
    expect(order().Zuora_Sync_Status__c).toBe('Waiting');
    await contract(h.salesforce, orderId);
    await pollOnce(h.deps);
    expect(order().Zuora_Sync_Status__c).toBe('Synced');
    const number = order().OrderNumber;
    const zOrders = () =>
      [...h.zuora.tenant.scan('Order', null)].filter((o) => o.record.OrderNumber === number);
    expect(zOrders()).toHaveLength(1);
    await pollOnce(h.deps);
    expect(zOrders()).toHaveLength(1);
    const record = h.salesforce.records('CPQ_Order_Sync__c').find((r) => r.Order__c === orderId);
    expect(record).toMatchObject({ Status__c: 'Synced', Attempts__c: settled + 1 });
  }, 240_000);
});
