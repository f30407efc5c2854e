// A new CPQ order end to end through both emulators: the Zuora account, contacts, catalog and one order with
// a subscription per CPQ subscription and a line item per one-time product, then the write-back on Account,
// Order, OrderItem and SBQQ__Subscription__c and one CPQ_Order_Sync__c; a second request changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCpqHarness, type CpqHarness } from './cpq-harness.js';
import { activatedOrder, productId, syncOrders, usdAccount } from './cpq-actions.js';

describe('a new CPQ order', () => {
  let h: CpqHarness;
  beforeAll(async () => {
    h = await startCpqHarness();
  }, 120_000);
  afterAll(async () => h.close());

  it('becomes one Zuora order with its subscriptions and line items, written back to Salesforce', async () => {
    const { accountId, contactId } = usdAccount(h.salesforce);
    const orderId = await activatedOrder(h.salesforce, {
      accountId,
      billToContactId: contactId,
      shipToContactId: contactId,
      lines: [
        { productId: productId('CPQ-SEAT-STD'), quantity: 10 },
        { productId: productId('CPQ-ROUTER'), quantity: 2 },
      ],
    });
    const { outcomes } = await syncOrders(h.deps, [orderId]);
    expect(outcomes.map((o) => [o.status, o.error?.message])).toEqual([['Synced', undefined]]);
    const order = h.salesforce.records('Order').find((o) => o.Id === orderId) as Record<string, unknown>;
    expect(order.Zuora_Sync_Status__c).toBe('Synced');
    expect(order.Zuora_Order_Number__c).toBe(order.OrderNumber);
    const zOrders = [...h.zuora.tenant.scan('Order', null)].filter(
      (o) => o.record.OrderNumber === order.OrderNumber,
    );
    expect(zOrders).toHaveLength(1);
    const items = h.salesforce.records('OrderItem').filter((i) => i.OrderId === orderId);
    const sub = items.find((i) => i.SBQQ__Subscription__c !== null) as Record<string, unknown>;
    expect(sub.Zuora_Subscription_Number__c).toMatch(/^SUB-/);
    expect(sub.Zuora_Rate_Plan_Id__c).toBeTruthy();
    expect(sub.Zuora_Rate_Plan_Charge_Id__c).toBeTruthy();
    const oli = items.find((i) => i.SBQQ__Subscription__c === null) as Record<string, unknown>;
    expect(oli.Zuora_Order_Line_Item_Id__c).toBeTruthy();
    const cpqSub = h.salesforce
      .records('SBQQ__Subscription__c')
      .find((s) => s.Id === sub.SBQQ__Subscription__c);
    expect(cpqSub?.Zuora_Subscription_Number__c).toBe(sub.Zuora_Subscription_Number__c);
    const account = h.salesforce.records('Account').find((a) => a.Id === accountId) as Record<
      string,
      unknown
    >;
    expect(account.Zuora_Account_Number__c).toBeTruthy();
    const syncRecords = h.salesforce.records('CPQ_Order_Sync__c').filter((r) => r.Order__c === orderId);
    expect(syncRecords).toMatchObject([{ Status__c: 'Synced', Attempts__c: 1, Error_Code__c: null }]);
    const zAccounts = [...h.zuora.tenant.scan('Account', null)].filter((a) => a.record.CrmId === accountId);
    expect(zAccounts).toHaveLength(1);

    const again = await syncOrders(h.deps, [orderId]);
    expect(again.outcomes.map((o) => o.status)).toEqual(['Synced']);
    expect(
      [...h.zuora.tenant.scan('Order', null)].filter((o) => o.record.OrderNumber === order.OrderNumber),
    ).toHaveLength(1);
    const history = h.salesforce.records('Sync_History__c').filter((r) => r.Scope__c === 'CPQ Orders');
    expect(history.length).toBeGreaterThanOrEqual(2);
  }, 180_000);
});
