import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollUntil, startHarness, type Harness } from './helpers.js';

type Reasons = { success: false; reasons: { code: number; message: string }[] };

describe('Orders API and catalog creation', () => {
  let h: Harness;
  let ratePlanId: string;
  let usageChargeId: string;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.emulator.close());

  it('creates a product, a rate plan with ExternallyManagedPlanId and a tiered usage charge', async () => {
    const product = (await (
      await h.api('/v1/object/product', {
        method: 'POST',
        json: {
          Name: 'Metered API',
          SKU: 'SKU-API-1',
          EffectiveStartDate: '2024-01-01',
          EffectiveEndDate: '2099-12-31',
        },
      })
    ).json()) as { Success: boolean; Id: string };
    expect(product.Success).toBe(true);
    const plan = (await (
      await h.api('/v1/object/product-rate-plan', {
        method: 'POST',
        json: { Name: 'Metered', ProductId: product.Id, ExternallyManagedPlanIds: ['01tCPQ000000001'] },
      })
    ).json()) as { Id: string };
    ratePlanId = plan.Id;
    const missingTiers = await h.api('/v1/object/product-rate-plan-charge', {
      method: 'POST',
      json: {
        Name: 'Calls',
        ProductRatePlanId: plan.Id,
        ChargeModel: 'Tiered Pricing',
        ChargeType: 'Usage',
        BillCycleType: 'DefaultFromCustomer',
        TriggerEvent: 'ContractEffective',
        UOM: 'API Call',
      },
    });
    expect(missingTiers.status).toBe(400);
    expect(((await missingTiers.json()) as { Errors: { Code: string }[] }).Errors[0]?.Code).toBe(
      'MISSING_REQUIRED_VALUE',
    );
    const charge = await h.api('/v1/object/product-rate-plan-charge', {
      method: 'POST',
      json: {
        Name: 'Calls',
        ProductRatePlanId: plan.Id,
        ChargeModel: 'Tiered Pricing',
        ChargeType: 'Usage',
        BillCycleType: 'DefaultFromCustomer',
        BillingPeriod: 'Month',
        TriggerEvent: 'ContractEffective',
        UOM: 'API Call',
        ProductRatePlanChargeTierData: {
          ProductRatePlanChargeTier: [
            { Currency: 'USD', StartingUnit: 0, EndingUnit: 1000, Price: 0.01, PriceFormat: 'PerUnit' },
            { Currency: 'USD', StartingUnit: 1000.01, Price: 0.005, PriceFormat: 'PerUnit' },
          ],
        },
      },
    });
    expect(charge.status).toBe(200);
    usageChargeId = ((await charge.json()) as { Id: string }).Id;
    const catalog = (await (await h.api(`/v1/catalog/products/${product.Id}`)).json()) as {
      productRatePlans: {
        externallyManagedPlanIds: string[];
        productRatePlanCharges: { id: string; pricing: { tiers: unknown[] }[] }[];
      }[];
    };
    expect(catalog.productRatePlans[0]?.externallyManagedPlanIds).toEqual(['01tCPQ000000001']);
    expect(catalog.productRatePlans[0]?.productRatePlanCharges[0]?.pricing[0]?.tiers).toHaveLength(2);
    const unknownField = await h.api('/v1/object/product', {
      method: 'POST',
      json: { Name: 'X', Colour: 'red', EffectiveStartDate: '2024-01-01', EffectiveEndDate: '2099-12-31' },
    });
    expect(((await unknownField.json()) as { Errors: { Code: string }[] }).Errors[0]?.Code).toBe(
      'INVALID_FIELD',
    );
  });

  it('creates an account, a subscription and order line items synchronously', async () => {
    const res = await h.api('/v1/orders', {
      method: 'POST',
      json: {
        orderDate: '2025-06-01',
        newAccount: {
          name: 'CPQ Customer',
          currency: 'USD',
          billCycleDay: 1,
          crmId: '001000000000042AAA',
          billToContact: { firstName: 'Pat', lastName: 'Lee', country: 'United States' },
        },
        subscriptions: [
          {
            orderActions: [
              {
                type: 'CreateSubscription',
                createSubscription: {
                  subscribeToRatePlans: [
                    {
                      productRatePlanId: ratePlanId,
                      chargeOverrides: [
                        {
                          productRatePlanChargeId: usageChargeId,
                          pricing: {
                            usageTiered: {
                              tiers: [
                                { startingUnit: 0, endingUnit: 500, price: 0.02 },
                                { startingUnit: 500.01, price: 0.01 },
                              ],
                            },
                          },
                        },
                      ],
                    },
                  ],
                  terms: { initialTerm: { period: 12, periodType: 'Month', termType: 'TERMED' } },
                },
              },
            ],
          },
        ],
        orderLineItems: [
          {
            itemName: 'Onboarding',
            itemType: 'Services',
            quantity: 1,
            listPricePerUnit: 500,
            transactionDate: '2025-06-01',
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    const order = (await res.json()) as {
      success: boolean;
      accountNumber: string;
      subscriptionNumbers: string[];
      orderLineItems: { id: string }[];
      status: string;
    };
    expect(order).toMatchObject({ success: true, status: 'Completed' });
    expect(order.subscriptionNumbers).toHaveLength(1);
    expect(order.orderLineItems).toHaveLength(1);
    const subs = (await (await h.api(`/v1/subscriptions/accounts/${order.accountNumber}`)).json()) as {
      subscriptions: { ratePlans: { ratePlanCharges: { tiers: { price: number }[] }[] }[] }[];
    };
    expect(subs.subscriptions[0]?.ratePlans[0]?.ratePlanCharges[0]?.tiers.map((t) => t.price)).toEqual([
      0.02, 0.01,
    ]);
    const account = (await (await h.api(`/v1/accounts/${order.accountNumber}`)).json()) as {
      basicInfo: { crmId: string };
      billingAndPayment: { currency: string };
    };
    expect(account.basicInfo.crmId).toBe('001000000000042AAA');
  });

  it('refuses changes to non-updatable fields with Zuora error reasons', async () => {
    const sub = [...h.emulator.tenant.scan('Subscription', null)].find(
      (s) => s.record.Status === 'Active' && s.record.Version === 1,
    )?.record;
    const plan = [...h.emulator.tenant.scan('RatePlan', null)].find(
      (p) => p.record.SubscriptionId === sub?.Id,
    )?.record;
    const charge = [...h.emulator.tenant.scan('RatePlanCharge', null)].find(
      (c) => c.record.RatePlanId === plan?.Id && c.record.ChargeType === 'Recurring',
    )?.record;
    const account = h.emulator.tenant.get('Account', String(sub?.AccountId))?.record;
    const change = (billing: Record<string, string>) =>
      h.api('/v1/orders', {
        method: 'POST',
        json: {
          orderDate: '2025-06-01',
          existingAccountNumber: account?.AccountNumber,
          subscriptions: [
            {
              subscriptionNumber: sub?.Name,
              orderActions: [
                {
                  type: 'UpdateProduct',
                  updateProduct: {
                    ratePlanId: plan?.Id,
                    chargeUpdates: [{ chargeNumber: charge?.ChargeNumber, billing }],
                  },
                },
              ],
            },
          ],
        },
      });
    const refused = await change({ billingPeriod: charge?.BillingPeriod === 'Annual' ? 'Month' : 'Annual' });
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as Reasons;
    expect(body.success).toBe(false);
    expect(body.reasons[0]?.code).toBe(59100030);
    expect(body.reasons[0]?.message).toMatch(/billing period .* cannot be updated/);
    expect((await change({ billCycleType: 'SpecificDayofMonth' })).status).toBe(400);
    const currency = await h.api(`/v1/accounts/${String(account?.AccountNumber)}`, {
      method: 'PUT',
      json: { currency: 'EUR' },
    });
    expect(currency.status).toBe(400);
    expect(((await currency.json()) as Reasons).reasons[0]?.message).toMatch(/currency .* cannot be updated/);
    expect(h.emulator.tenant.get('Subscription', String(sub?.Id))?.record.Status).toBe('Active');
  });

  it('amends a subscription into a new version with OriginalId and PreviousSubscriptionId', async () => {
    const sub = [...h.emulator.tenant.scan('Subscription', null)].find(
      (s) => s.record.Status === 'Active' && s.record.Version === 1,
    )?.record;
    const account = h.emulator.tenant.get('Account', String(sub?.AccountId))?.record;
    const res = await h.api('/v1/orders', {
      method: 'POST',
      json: {
        orderDate: '2025-07-01',
        existingAccountNumber: account?.AccountNumber,
        subscriptions: [
          {
            subscriptionNumber: sub?.Name,
            orderActions: [{ type: 'AddProduct', addProduct: { productRatePlanId: ratePlanId } }],
          },
        ],
      },
    });
    expect(res.status).toBe(200);
    const latest = (await (await h.api(`/v1/subscriptions/${String(sub?.Name)}`)).json()) as {
      id: string;
      version: number;
      originalId: string;
      previousSubscriptionId: string;
      subscriptionNumber: string;
    };
    expect(latest).toMatchObject({
      version: 2,
      originalId: sub?.Id,
      previousSubscriptionId: sub?.Id,
      subscriptionNumber: sub?.Name,
    });
    expect(latest.id).not.toBe(sub?.Id);
    expect(h.emulator.tenant.get('Subscription', String(sub?.Id))?.record.Status).toBe('Expired');
  });

  it('enforces the 50 / 300 subscription limits and runs the async job lifecycle', async () => {
    const create = {
      type: 'CreateSubscription',
      createSubscription: { subscribeToRatePlans: [{ productRatePlanId: ratePlanId }] },
    };
    const account = [...h.emulator.tenant.scan('Account', null)][0]?.record.AccountNumber;
    const order = (n: number) => ({
      orderDate: '2025-06-01',
      existingAccountNumber: account,
      subscriptions: Array.from({ length: n }, () => ({ orderActions: [create] })),
    });
    const tooMany = await h.api('/v1/orders', { method: 'POST', json: order(51) });
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as Reasons).reasons[0]?.message).toMatch(/at most 50 subscriptions/);
    const asyncRes = await h.api('/v1/async/orders', { method: 'POST', json: order(60) });
    expect(asyncRes.status).toBe(202);
    const { jobId } = (await asyncRes.json()) as { jobId: string };
    const seen = new Set<string>();
    const done = await pollUntil(
      async () =>
        (await (await h.api(`/v1/async-jobs/${jobId}`)).json()) as {
          status: string;
          result: { subscriptionNumbers: string[] } | null;
        },
      (j) => {
        seen.add(j.status);
        return j.status === 'Completed' || j.status === 'Failed';
      },
    );
    expect(done.status).toBe('Completed');
    expect(done.result?.subscriptionNumbers).toHaveLength(60);
    expect(seen.has('Pending') || seen.has('Processing')).toBe(true);
    const asyncTooMany = await h.api('/v1/async/orders', { method: 'POST', json: order(301) });
    const failedJobId = ((await asyncTooMany.json()) as { jobId: string }).jobId;
    const failed = await pollUntil(
      async () =>
        (await (await h.api(`/v1/async-jobs/${failedJobId}`)).json()) as { status: string; errors: string },
      (j) => j.status === 'Failed' || j.status === 'Completed',
    );
    expect(failed.status).toBe('Failed');
    expect(failed.errors).toMatch(/at most 300 subscriptions/);
    const invalid = await h.api('/v1/orders', { method: 'POST', json: { subscriptions: [] } });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as Reasons).reasons[0]?.message).toMatch(/orderDate/);
  });
});
