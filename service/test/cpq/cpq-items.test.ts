// Subscription vs order line item (seed 004, "Order Product Types") through the engine and both emulators:
// each CPQ subscription becomes its own Zuora subscription (rate plan externally managed plan id = the
// OrderItem Id, charge number = the Order Product Number, the quantity and price of the line), each
// one-time product an order line item of the same Zuora order, and a usage product sold without a
// subscription is refused (CPQ-E010, "Order line items in Zuora do not support usage-based charges") before
// anything reaches Zuora.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCpqHarness, type CpqHarness } from './cpq-harness.js';
import { activatedOrder, productId, syncOrders, usdAccount } from './cpq-actions.js';
import { accountOf, orderOf, subscriptionOf } from './cpq-zuora-reads.js';

interface ZLineItem {
  itemName: string;
  itemType: string;
  itemState: string;
  quantity: number;
  amountPerUnit: number;
  productCode: string | null;
  purchaseOrderNumber: string;
  id: string;
}

describe('CPQ subscription items and order line items', () => {
  let h: CpqHarness;
  beforeAll(async () => {
    h = await startCpqHarness({ scenario: { seed: 11, accountCount: 20, orderCount: 5 } });
  }, 120_000);
  afterAll(async () => h.close());

  const sf = () => h.salesforce;
  const items = (orderId: string) =>
    sf()
      .records('OrderItem')
      .filter((i) => i.OrderId === orderId);

  it('makes one Zuora subscription per CPQ subscription and one order line item per one-time product', async () => {
    const { accountId, contactId } = usdAccount(sf(), 0);
    const orderId = await activatedOrder(sf(), {
      accountId,
      billToContactId: contactId,
      lines: [
        { productId: productId('CPQ-SEAT-STD'), quantity: 12 },
        { productId: productId('CPQ-SUPPORT'), quantity: 1 },
        { productId: productId('CPQ-ROUTER'), quantity: 4, unitPrice: 95 },
        { productId: productId('CPQ-TRAINING'), quantity: 2 },
      ],
    });
    const { outcomes } = await syncOrders(h.deps, [orderId]);
    expect(outcomes.map((o) => [o.status, o.error?.code])).toEqual([['Synced', undefined]]);
    const sfOrder = sf()
      .records('Order')
      .find((o) => o.Id === orderId) as Record<string, unknown>;
    const zOrder = await orderOf(h.deps.zuora, String(sfOrder.OrderNumber));
    const zAccount = await accountOf(h.deps.zuora, accountId);
    expect(zOrder?.existingAccountNumber).toBe(zAccount.accountNumber);

    const subscriptionItems = items(orderId).filter((i) => i.SBQQ__Subscription__c !== null);
    const cpqSubscriptions = new Set(subscriptionItems.map((i) => i.SBQQ__Subscription__c));
    expect(cpqSubscriptions.size).toBe(2);
    expect(zOrder?.subscriptions.map((s) => s.subscriptionNumber).sort()).toEqual(
      sf()
        .records('SBQQ__Subscription__c')
        .filter((s) => cpqSubscriptions.has(s.Id))
        .map((s) => s.Name)
        .sort(),
    );
    for (const item of subscriptionItems) {
      const sub = await subscriptionOf(h.deps.zuora, String(item.Zuora_Subscription_Number__c));
      const cpqSub = sf()
        .records('SBQQ__Subscription__c')
        .find((s) => s.Id === item.SBQQ__Subscription__c);
      expect(sub.subscriptionNumber).toBe(cpqSub?.Name);
      expect(sub.ratePlans).toHaveLength(1);
      const plan = sub.ratePlans[0];
      expect(plan?.externallyManagedPlanId).toBe(item.Id);
      expect(plan?.ratePlanCharges.map((c) => [c.number, c.quantity, c.id])).toEqual([
        [
          item.OrderItemNumber,
          item.SBQQ__PricingMethod__c === 'Block' ? null : item.Quantity,
          item.Zuora_Rate_Plan_Charge_Id__c,
        ],
      ]);
      expect(cpqSub?.Zuora_Subscription_Number__c).toBe(sub.subscriptionNumber);
    }

    const oneTime = items(orderId).filter((i) => i.SBQQ__Subscription__c === null);
    expect(oneTime).toHaveLength(2);
    const answer = await h.deps.zuora.request<{ order: { orderLineItems: ZLineItem[] } }>(
      'GET',
      `/v1/orders/${String(sfOrder.OrderNumber)}`,
    );
    const lineItems = answer.order.orderLineItems;
    expect(
      lineItems
        .map((l) => [l.itemName, l.itemType, l.itemState, l.quantity, l.amountPerUnit, l.purchaseOrderNumber])
        .sort(),
    ).toEqual(
      [
        ['Edge Router', 'Product', 'SentToBilling', 4, 95, orderId],
        ['Training Day', 'Product', 'SentToBilling', 2, 800, orderId],
      ].sort(),
    );
    for (const item of oneTime) {
      expect(item.Zuora_Subscription_Number__c).toBeNull();
      expect(lineItems.map((l) => l.id)).toContain(item.Zuora_Order_Line_Item_Id__c);
    }
  }, 180_000);

  it('sends an order of one-time products only as an order of line items, without a subscription', async () => {
    const { accountId, contactId } = usdAccount(sf(), 2);
    const orderId = await activatedOrder(sf(), {
      accountId,
      billToContactId: contactId,
      lines: [{ productId: productId('CPQ-MIGRATION'), quantity: 1 }],
    });
    const { outcomes } = await syncOrders(h.deps, [orderId]);
    expect(outcomes.map((o) => [o.status, o.error?.code])).toEqual([['Synced', undefined]]);
    const sfOrder = sf()
      .records('Order')
      .find((o) => o.Id === orderId);
    const answer = await h.deps.zuora.request<{
      order: { subscriptions: unknown[]; orderLineItems: ZLineItem[] };
    }>('GET', `/v1/orders/${String(sfOrder?.OrderNumber)}`);
    expect(answer.order.subscriptions).toEqual([]);
    expect(answer.order.orderLineItems.map((l) => [l.itemName, l.quantity])).toEqual([['Data Migration', 1]]);
    expect(items(orderId)[0]?.Zuora_Order_Line_Item_Id__c).toBe(answer.order.orderLineItems[0]?.id);
    expect(sfOrder?.Zuora_Sync_Status__c).toBe('Synced');
  }, 180_000);

  it('refuses a usage product sold without a subscription, sending nothing to Zuora', async () => {
    // A usage product set up without Subscription Pricing: CPQ orders it as an asset, never a subscription.
    const usage = productId('CPQ-COMPUTE');
    await h.deps.salesforce.sobject('Product2').update({ Id: usage, SBQQ__SubscriptionPricing__c: null });
    const { accountId, contactId } = usdAccount(sf(), 1);
    const orderId = await activatedOrder(sf(), {
      accountId,
      billToContactId: contactId,
      lines: [
        { productId: productId('CPQ-SEAT-PRO'), quantity: 2 },
        { productId: usage, quantity: 1 },
      ],
    });
    const usageItem = items(orderId).find((i) => i.Product2Id === usage);
    expect(usageItem?.SBQQ__Subscription__c).toBeNull();
    const { outcomes } = await syncOrders(h.deps, [orderId]);
    expect(outcomes[0]?.status).toBe('Failed');
    expect(outcomes[0]?.error).toMatchObject({
      code: 'CPQ-E010',
      record: { object: 'OrderItem', id: usageItem?.Id },
    });
    const record = sf()
      .records('CPQ_Order_Sync__c')
      .find((r) => r.Order__c === orderId);
    expect(record).toMatchObject({ Status__c: 'Failed', Error_Code__c: 'CPQ-E010' });
    expect(String(record?.Fix__c)).toMatch(/subscription/i);
    const sfOrder = sf()
      .records('Order')
      .find((o) => o.Id === orderId);
    expect(sfOrder?.Zuora_Sync_Status__c).toBe('Failed');
    expect(String(sfOrder?.Zuora_Last_Sync_Error__c)).toMatch(/^CPQ-E010: /);
    expect(await orderOf(h.deps.zuora, String(sfOrder?.OrderNumber))).toBeUndefined();
  }, 180_000);
});
