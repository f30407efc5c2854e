// The amendment order actions a CPQ connector sends (UpdateProduct, AddProduct, RemoveProduct,
// TermsAndConditions, RenewSubscription, OwnerTransfer, CancelSubscription), through the synchronous and the
// asynchronous Orders API, with the job result:
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/ (order actions, chargeOverrides:
//   recurringPerUnit with listPriceBase Per_Specific_Months, usageVolume / usageTiered tiers,
//   orderLineItems, subscription custom fields and quote fields)
// https://developer.zuora.com/v1-api-reference/api/operation/POST_CreateOrderAsynchronously/
// https://developer.zuora.com/v1-api-reference/api/operation/GET_JobStatusAndResponse/ (Processing ->
//   Completed with the create-order result)
// https://developer.zuora.com/v1-api-reference/api/operation/GET_Order/ and GET_OrdersBySubscriptionNumber
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.js';
import { createAccount, seedCatalog, type CpqCatalog } from './order-fixtures.js';
import { fullOrder, orderRunner, planOf as plan, type OrderRunner } from './order-runner.js';

describe.each(['sync', 'async'] as const)('amendments through the %s Orders API', (mode) => {
  let h: Harness;
  let catalog: CpqCatalog;
  let account: Awaited<ReturnType<typeof createAccount>>;
  let runner: OrderRunner;
  let subscription = '';
  beforeAll(async () => {
    h = await startHarness();
    catalog = seedCatalog(h);
    account = await createAccount(h);
    runner = orderRunner(h, mode, () => account.accountNumber);
    const created = await runner.run(fullOrder(catalog, `${mode}-new`));
    subscription = String(created.subscriptionNumbers?.[0]);
  });
  afterAll(async () => h.emulator.close());
  const run = (body: Record<string, unknown>) => runner.run(body);
  const current = () => runner.subscription(subscription);

  it('UpdateProduct by a rate plan id of an earlier version and by externalCatalogPlanId', async () => {
    const before = await current();
    const seats = plan(before, 'CPQ-SEAT');
    const number = String(seats?.ratePlanCharges[0]?.number);
    const result = await run({
      orderDate: '2025-03-01',
      subscriptions: [
        {
          subscriptionNumber: subscription,
          orderActions: [
            {
              type: 'UpdateProduct',
              triggerDates: [{ name: 'ContractEffective', triggerDate: '2025-03-01' }],
              updateProduct: {
                ratePlanId: seats?.id,
                chargeUpdates: [
                  {
                    chargeNumber: number,
                    pricing: { recurringPerUnit: { quantity: 15 } },
                    effectiveDate: { triggerEvent: 'SpecificDate', specificTriggerDate: '2025-03-01' },
                  },
                ],
              },
            },
            {
              type: 'UpdateProduct',
              updateProduct: {
                externalCatalogPlanId: '0MqCALLS000000001',
                chargeUpdates: [
                  {
                    chargeNumber: plan(before, 'CPQ-CALLS')?.ratePlanCharges[0]?.number,
                    pricing: {
                      usageVolume: {
                        tiers: [{ tier: 1, startingUnit: 0, price: 1.1, priceFormat: 'PerUnit' }],
                      },
                    },
                  },
                ],
              },
            },
          ],
        },
      ],
    });
    expect(result.success, JSON.stringify(result.reasons)).toBe(true);
    const after = await current();
    expect(after.version).toBe(2);
    expect(plan(after, 'CPQ-SEAT')?.ratePlanCharges[0]).toMatchObject({ number, quantity: 15, price: 360 });
    expect(plan(after, 'CPQ-CALLS')?.ratePlanCharges[0]?.tiers.map((t) => t.price)).toEqual([1.1]);
    // A later update still finds the plan by the version-1 rate plan id.
    const again = await run({
      orderDate: '2025-03-02',
      subscriptions: [
        {
          subscriptionNumber: subscription,
          orderActions: [
            {
              type: 'UpdateProduct',
              updateProduct: {
                ratePlanId: seats?.id,
                chargeUpdates: [{ chargeNumber: number, pricing: { recurringPerUnit: { quantity: 16 } } }],
              },
            },
          ],
        },
      ],
    });
    expect(again.success, JSON.stringify(again.reasons)).toBe(true);
    expect(plan(await current(), 'CPQ-SEAT')?.ratePlanCharges[0]?.quantity).toBe(16);
  });

  it('AddProduct and RemoveProduct in one order', async () => {
    const result = await run({
      orderDate: '2025-04-01',
      subscriptions: [
        {
          subscriptionNumber: subscription,
          orderActions: [
            {
              type: 'AddProduct',
              addProduct: {
                externalCatalogPlanId: '01tSUPPORT0000001',
                externallyManagedPlanId: '802ITEM0000000009',
              },
            },
            { type: 'RemoveProduct', removeProduct: { externalCatalogPlanId: '0MqSTORE000000001' } },
          ],
        },
      ],
    });
    expect(result.success, JSON.stringify(result.reasons)).toBe(true);
    const sub = await current();
    expect(plan(sub, 'CPQ-SUPPORT')).toMatchObject({
      lastChangeType: 'NewProduct',
      externallyManagedPlanId: '802ITEM0000000009',
    });
    expect(plan(sub, 'CPQ-STORAGE')?.lastChangeType).toBe('RemoveProduct');
    expect(plan(sub, 'CPQ-STORAGE')?.ratePlanCharges[0]?.effectiveEndDate).toBe('2025-04-01');
  });

  it('TermsAndConditions, then RenewSubscription', async () => {
    const tc = await run({
      orderDate: '2025-05-01',
      subscriptions: [
        {
          subscriptionNumber: subscription,
          orderActions: [
            {
              type: 'TermsAndConditions',
              termsAndConditions: {
                autoRenew: true,
                lastTerm: { period: 24, periodType: 'Month', termType: 'TERMED' },
                renewalTerms: [{ period: 6, periodType: 'Month' }],
              },
            },
          ],
        },
      ],
    });
    expect(tc.success, JSON.stringify(tc.reasons)).toBe(true);
    expect(await current()).toMatchObject({
      termStartDate: '2025-01-01',
      termEndDate: '2027-01-01',
      autoRenew: true,
    });
    const renewal = await run({
      orderDate: '2026-12-01',
      subscriptions: [
        {
          subscriptionNumber: subscription,
          orderActions: [{ type: 'RenewSubscription', renewSubscription: {} }],
        },
      ],
    });
    expect(renewal.success, JSON.stringify(renewal.reasons)).toBe(true);
    expect(await current()).toMatchObject({ termStartDate: '2027-01-01', termEndDate: '2027-07-01' });
  });

  it('OwnerTransfer of the subscription owner and the invoice owner', async () => {
    const other = await createAccount(h);
    const result = await run({
      orderDate: '2027-01-15',
      subscriptions: [
        {
          subscriptionNumber: subscription,
          orderActions: [
            {
              type: 'OwnerTransfer',
              ownerTransfer: {
                destinationAccountNumber: other.accountNumber,
                destinationInvoiceAccountNumber: other.accountNumber,
                billToContactId: other.billToContactId,
              },
            },
          ],
        },
      ],
    });
    expect(result.success, JSON.stringify(result.reasons)).toBe(true);
    expect(await current()).toMatchObject({
      accountId: other.accountId,
      invoiceOwnerAccountId: other.accountId,
      invoiceOwnerAccountNumber: other.accountNumber,
    });
  });

  it('CancelSubscription on a specific date; the orders of the subscription', async () => {
    const result = await run({
      orderDate: '2027-02-01',
      subscriptions: [
        {
          subscriptionNumber: subscription,
          orderActions: [
            {
              type: 'CancelSubscription',
              cancelSubscription: {
                cancellationPolicy: 'SpecificDate',
                cancellationEffectiveDate: '2027-03-01',
              },
            },
          ],
        },
      ],
    });
    expect(result.success, JSON.stringify(result.reasons)).toBe(true);
    expect(await current()).toMatchObject({ status: 'Cancelled', cancelledDate: '2027-03-01' });
    const orders = (await (await h.api(`/v1/orders/subscription/${subscription}`)).json()) as {
      orders: {
        orderNumber: string;
        subscriptions: {
          baseVersion: number | null;
          newVersion: number;
          orderActions: { type: string; triggerDates: { name: string }[] }[];
        }[];
      }[];
    };
    expect(orders.orders.flatMap((o) => o.subscriptions[0]?.orderActions.map((a) => a.type))).toEqual([
      'CreateSubscription',
      'UpdateProduct',
      'UpdateProduct',
      'UpdateProduct',
      'AddProduct',
      'RemoveProduct',
      'TermsAndConditions',
      'RenewSubscription',
      'OwnerTransfer',
      'CancelSubscription',
    ]);
    expect(orders.orders[0]?.subscriptions[0]).toMatchObject({ baseVersion: null, newVersion: 1 });
    const created = (await (await h.api(`/v1/orders/${mode}-new`)).json()) as {
      order: {
        status: string;
        orderLineItems: { itemName: string; quantity: number }[];
        subscriptions: { orderActions: { triggerDates: { name: string; triggerDate: string }[] }[] }[];
      };
    };
    expect(created.order.status).toBe('Completed');
    expect(created.order.orderLineItems).toMatchObject([{ itemName: 'Router', quantity: 2 }]);
    expect(created.order.subscriptions[0]?.orderActions[0]?.triggerDates.map((d) => d.name)).toEqual([
      'ContractEffective',
      'ServiceActivation',
      'CustomerAcceptance',
    ]);
    if (mode === 'async') expect(runner.seen.has('Processing')).toBe(true);
  });
});
