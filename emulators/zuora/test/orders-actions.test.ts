// Every order action a CPQ connector sends, through the synchronous and the asynchronous Orders API, with
// the job result:
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/ (order actions, chargeOverrides:
//   recurringPerUnit with listPriceBase Per_Specific_Months, usageVolume / usageTiered tiers,
//   orderLineItems, subscription custom fields and quote fields)
// https://developer.zuora.com/v1-api-reference/api/operation/POST_CreateOrderAsynchronously/
// https://developer.zuora.com/v1-api-reference/api/operation/GET_JobStatusAndResponse/ (Processing ->
//   Completed with the create-order result)
// https://developer.zuora.com/v1-api-reference/api/operation/GET_Order/ and GET_OrdersBySubscriptionNumber
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil, startHarness, type Harness } from './helpers.js';
import {
  createAccount,
  seatsSubscription,
  seedCatalog,
  type CpqCatalog,
  type OrderResult,
} from './order-fixtures.js';

type Charge = {
  number: string;
  quantity: number | null;
  price: number | null;
  listPriceBase: string | null;
  specificListPriceBase: number | null;
  effectiveEndDate: string | null;
  tiers: { tier: number; startingUnit: number; endingUnit: number | null; price: number }[];
};
type Sub = {
  id: string;
  version: number;
  status: string;
  accountId: string;
  invoiceOwnerAccountId: string;
  termStartDate: string;
  termEndDate: string | null;
  autoRenew: boolean;
  cancelledDate: string | null;
  SFDC_Contract__c: string | null;
  QuoteNumber__QT: string | null;
  ratePlans: {
    id: string;
    productSku: string;
    externallyManagedPlanId: string | null;
    lastChangeType: string | null;
    ratePlanCharges: Charge[];
  }[];
};

describe.each(['sync', 'async'] as const)('order actions through the %s Orders API', (mode) => {
  let h: Harness;
  let catalog: CpqCatalog;
  let account: Awaited<ReturnType<typeof createAccount>>;
  let subscription = '';
  const seen = new Set<string>();
  beforeAll(async () => {
    h = await startHarness();
    catalog = seedCatalog(h);
    account = await createAccount(h);
  });
  afterAll(async () => h.emulator.close());

  /** Creates the order through the mode's API; async: polls the job to its end and returns its result. */
  async function run(body: Record<string, unknown>): Promise<OrderResult & { jobType?: string }> {
    const json = { orderDate: '2025-01-01', existingAccountNumber: account.accountNumber, ...body };
    if (mode === 'sync')
      return (await (await h.api('/v1/orders', { method: 'POST', json })).json()) as OrderResult;
    const submitted = await h.api('/v1/async/orders', { method: 'POST', json });
    expect(submitted.status).toBe(202);
    const { jobId, success } = (await submitted.json()) as { jobId: string; success: boolean };
    expect(success).toBe(true);
    expect(submitted.headers.get('location')).toBe(`/async-jobs/${jobId}`);
    const job = await pollUntil(
      async () =>
        (await (await h.api(`/v1/async-jobs/${jobId}`)).json()) as {
          status: string;
          result: OrderResult & { jobType: string };
        },
      (j) => {
        seen.add(j.status);
        return j.status !== 'Processing';
      },
    );
    expect(job.status).toBe(job.result.success ? 'Completed' : 'Failed');
    expect(job.result.jobType).toBe('AsyncCreateOrder');
    return job.result;
  }
  const current = async (): Promise<Sub> =>
    (await (await h.api(`/v1/subscriptions/${subscription}`)).json()) as Sub;
  const plan = (sub: Sub, sku: string) => sub.ratePlans.find((p) => p.productSku === sku);

  it('CreateSubscription with per-unit, usage volume and usage tiered overrides, plus an order line item', async () => {
    const result = await run({
      orderNumber: `${mode}-new`,
      subscriptions: [
        {
          customFields: { SFDC_Contract__c: '800CONTRACT000001' },
          quote: { QuoteNumber__QT: 'Q-00042', QuoteType__QT: 'Quote' },
          orderActions: [
            {
              ...seatsSubscription(catalog),
              createSubscription: {
                ...seatsSubscription(catalog).createSubscription,
                subscribeToRatePlans: [
                  ...seatsSubscription(catalog).createSubscription.subscribeToRatePlans,
                  {
                    externalCatalogPlanId: '0MqCALLS000000001',
                    externallyManagedPlanId: 'a0ZSCHED000000001',
                    chargeOverrides: [
                      {
                        productRatePlanChargeId: catalog.calls.chargeId,
                        pricing: {
                          usageVolume: {
                            tiers: [
                              {
                                tier: 1,
                                startingUnit: 0,
                                endingUnit: 184,
                                price: 1.5,
                                priceFormat: 'PerUnit',
                              },
                              { tier: 2, startingUnit: 185, price: 1.2, priceFormat: 'PerUnit' },
                            ],
                          },
                        },
                      },
                    ],
                  },
                  {
                    productRatePlanId: catalog.storage.ratePlanId,
                    chargeOverrides: [
                      {
                        productRatePlanChargeId: catalog.storage.chargeId,
                        pricing: {
                          usageTiered: {
                            tiers: [
                              {
                                tier: 1,
                                startingUnit: 0,
                                endingUnit: 100.001,
                                price: 0.5,
                                priceFormat: 'PerUnit',
                              },
                              { tier: 2, startingUnit: 100.5, price: 0.25, priceFormat: 'PerUnit' },
                            ],
                          },
                        },
                      },
                    ],
                  },
                ],
              },
            },
          ],
        },
      ],
      orderLineItems: [
        {
          itemName: 'Router',
          itemType: 'Product',
          itemCategory: 'Sales',
          itemState: 'SentToBilling',
          productCode: 'CPQ-ROUTER',
          productRatePlanChargeId: catalog.router.chargeId,
          quantity: 2,
          listPricePerUnit: 99,
          amountPerUnit: 99,
          purchaseOrderNumber: '801ORDER000000001',
          transactionStartDate: '2025-01-01',
          transactionEndDate: '2025-01-01',
          billTargetDate: '2025-01-01',
        },
      ],
    });
    expect(result, JSON.stringify(result.reasons)).toMatchObject({
      success: true,
      status: 'Completed',
      orderNumber: `${mode}-new`,
      accountNumber: account.accountNumber,
    });
    expect(result.subscriptionNumbers).toHaveLength(1);
    expect(result.orderLineItems).toHaveLength(1);
    subscription = String(result.subscriptionNumbers?.[0]);
    const sub = await current();
    expect(sub).toMatchObject({
      version: 1,
      status: 'Active',
      termStartDate: '2025-01-01',
      termEndDate: '2026-01-01',
      SFDC_Contract__c: '800CONTRACT000001',
      QuoteNumber__QT: 'Q-00042',
    });
    const seats = plan(sub, 'CPQ-SEAT');
    expect(seats?.externallyManagedPlanId).toBe('802ITEM0000000001');
    expect(seats?.ratePlanCharges[0]).toMatchObject({
      quantity: 10,
      price: 360,
      listPriceBase: 'Per_Specific_Months',
      specificListPriceBase: 12,
    });
    expect(
      plan(sub, 'CPQ-CALLS')?.ratePlanCharges[0]?.tiers.map((t) => [t.startingUnit, t.endingUnit, t.price]),
    ).toEqual([
      [0, 184, 1.5],
      [185, null, 1.2],
    ]);
    // Gigabyte has two decimal places, rounded up: 100.001 is stored as 100.01.
    expect(plan(sub, 'CPQ-STORAGE')?.ratePlanCharges[0]?.tiers[0]?.endingUnit).toBe(100.01);
  });

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
    if (mode === 'async') expect(seen.has('Processing')).toBe(true);
  });
});
