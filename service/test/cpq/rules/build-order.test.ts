import { describe, expect, it } from 'vitest';
import {
  buildOrder,
  orderIdempotencyKey,
  refuseNonUpdatable,
  type BuildOrderInputs,
} from '../../../src/cpq/rules/build-order.js';
import type { ZuoraRatePlanRef } from '../../../src/cpq/rules/catalog-plan.js';
import { classifyItems } from '../../../src/cpq/rules/classify-items.js';
import type { CpqOrderBundle } from '../../../src/cpq/rules/cpq-records.js';
import { defaultCpqSettings, type CpqSettings } from '../../../src/cpq/rules/cpq-settings.js';
import { subscriptionTerms } from '../../../src/cpq/rules/subscription-terms.js';
import { bundle, item, oneTimeItem, oneTimeProduct, order, product, subscription } from './cpq-fixtures.js';

const seatPlan = {
  productRatePlanId: 'prp-seat',
  charges: [{ id: 'prpc-seat', type: 'Recurring' as const, model: 'Per Unit Pricing' as const, uom: 'Seat' }],
};
const routerPlan = {
  productRatePlanId: 'prp-router',
  charges: [{ id: 'prpc-router', type: 'OneTime' as const, model: 'Per Unit Pricing' as const, uom: 'Each' }],
};

function inputs(b: CpqOrderBundle = bundle(), settings: CpqSettings = defaultCpqSettings): BuildOrderInputs {
  const classified = classifyItems(b);
  if (!classified.ok) throw new Error(classified.error.message);
  return {
    bundle: b,
    settings,
    classified: classified.value,
    needs: b.items.map((i) => ({
      itemId: i.Id,
      productId: i.Product2Id,
      externalId: i.Product2Id,
      itemScheduleId: null,
    })),
    ratePlans: new Map<string, ZuoraRatePlanRef>([
      ['01t000000000001AAA', seatPlan],
      ['01t000000000009AAA', routerPlan],
    ]),
    invoiceOwnerAccountNumber: 'A001',
    subscriptionOwnerAccountNumber: 'A001',
    currency: 'USD',
    tenant: { requireServiceActivation: false, requireCustomerAcceptance: false },
  };
}

describe('build order', () => {
  it('builds the exact Orders API body of a new order', () => {
    const r = buildOrder({
      ...inputs(bundle({ items: [item(), oneTimeItem()], products: [product(), oneTimeProduct()] })),
      billToContactId: 'c-bill',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.expectedStatus).toBe('Completed');
    expect(r.value.body).toEqual({
      orderNumber: '00000101',
      orderDate: '2026-01-01',
      existingAccountNumber: 'A001',
      subscriptions: [
        {
          orderActions: [
            {
              type: 'CreateSubscription',
              triggerDates: [{ name: 'ContractEffective', triggerDate: '2026-01-01' }],
              createSubscription: {
                subscriptionNumber: 'SUB-0000001',
                terms: {
                  initialTerm: {
                    startDate: '2026-01-01',
                    termType: 'TERMED',
                    period: 12,
                    periodType: 'Month',
                  },
                  renewalSetting: 'RENEW_WITH_SPECIFIC_TERM',
                  renewalTerms: [{ period: 12, periodType: 'Month' }],
                },
                subscribeToRatePlans: [
                  {
                    productRatePlanId: 'prp-seat',
                    externallyManagedPlanId: '802000000000001AAA',
                    chargeOverrides: [
                      {
                        productRatePlanChargeId: 'prpc-seat',
                        chargeNumber: '0000000001',
                        pricing: { recurringPerUnit: { listPrice: 30, quantity: 10 } },
                      },
                    ],
                  },
                ],
                currency: 'USD',
                billToContactId: 'c-bill',
                paymentTerm: 'Net 30',
              },
            },
          ],
        },
      ],
      orderLineItems: [
        {
          itemName: 'Edge Router',
          itemType: 'Product',
          itemCategory: 'Sales',
          itemState: 'SentToBilling',
          quantity: 2,
          listPricePerUnit: 99,
          amountPerUnit: 99,
          productCode: 'CPQ-ROUTER',
          productRatePlanChargeId: 'prpc-router',
          purchaseOrderNumber: '801000000000001AAA',
          transactionStartDate: '2026-01-01',
          transactionEndDate: '2026-01-01',
          billTargetDate: '2026-01-02',
          billTo: 'c-bill',
        },
      ],
    });
  });

  it('sends the term price per specific months with the list price base, and the price override field first', () => {
    const settings = { ...defaultCpqSettings, useListPriceBase: true, priceOverrideField: 'Period_Price__c' };
    const b = bundle({ subscriptions: [subscription({ Period_Price__c: 25 })] });
    const r = buildOrder(inputs(b, settings));
    const override = r.ok
      ? (
          r.value.body.subscriptions[0]?.orderActions[0]?.createSubscription as {
            subscribeToRatePlans: { chargeOverrides: unknown[] }[];
          }
        ).subscribeToRatePlans[0]?.chargeOverrides[0]
      : undefined;
    expect(override).toMatchObject({
      pricing: {
        recurringPerUnit: {
          listPrice: 25,
          quantity: 10,
          listPriceBase: 'Per_Specific_Months',
          specificListPriceBase: 12,
        },
      },
      billing: { billCycleType: 'ChargeTriggerDay' },
    });
  });

  it('subscribes the owner account when it is not the invoice owner', () => {
    const r = buildOrder({ ...inputs(), subscriptionOwnerAccountNumber: 'A002' });
    expect(r.ok && r.value.body.subscriptions[0]?.orderActions[0]?.createSubscription).toMatchObject({
      subscriptionOwnerAccountNumber: 'A002',
    });
  });

  it('refuses order numbers Zuora cannot take (CPQ-E015) and uncontracted items (CPQ-E003)', () => {
    expect(buildOrder(inputs(bundle({ order: order({ OrderNumber: 'A/1' }) })))).toMatchObject({
      ok: false,
      error: { code: 'CPQ-E015' },
    });
    expect(
      buildOrder(inputs(bundle({ items: [item({ SBQQ__Subscription__c: null })], subscriptions: [] }))),
    ).toMatchObject({ ok: false, error: { code: 'CPQ-E003' } });
  });

  it('refuses more than 100 one-time items (CPQ-E014)', () => {
    const items = Array.from({ length: 101 }, (_, k) =>
      oneTimeItem({ Id: `802${String(k).padStart(15, '0')}` }),
    );
    expect(buildOrder(inputs(bundle({ items, subscriptions: [] })))).toMatchObject({
      ok: false,
      error: { code: 'CPQ-E014' },
    });
  });

  it('derives the Idempotency-Key from the order and its version', () => {
    expect(orderIdempotencyKey(order())).toBe('cpq-order:801000000000001AAA:2026-01-02T10:00:00.000+0000');
  });
});

describe('subscription terms', () => {
  const o = { useSubscriptionStartDate: true, subscriptionTermInDays: false, useListPriceBase: false };
  it('keeps Evergreen evergreen and counts days with terms in days', () => {
    expect(
      subscriptionTerms(
        subscription({ SBQQ__SubscriptionType__c: 'Evergreen', SBQQ__SubscriptionEndDate__c: null }),
        null,
        o,
      ),
    ).toEqual({
      ok: true,
      value: {
        terms: { initialTerm: { startDate: '2026-01-01', termType: 'EVERGREEN' } },
        months: undefined,
      },
    });
    const days = subscriptionTerms(subscription(), null, { ...o, subscriptionTermInDays: true });
    expect(days.ok && days.value.terms.initialTerm).toMatchObject({ period: 365, periodType: 'Day' });
  });

  it('starts on the contract when use_subscription_start_date is off', () => {
    const r = subscriptionTerms(
      subscription(),
      { Id: '800x', StartDate: '2025-12-01', EndDate: null, ContractTerm: 12 },
      { ...o, useSubscriptionStartDate: false },
    );
    expect(r.ok && r.value.terms.initialTerm.startDate).toBe('2025-12-01');
  });

  it('refuses a term of part months with the list price base (CPQ-E017) and sends it in days otherwise', () => {
    const part = subscription({ SBQQ__SubscriptionEndDate__c: '2026-12-15' });
    expect(subscriptionTerms(part, null, { ...o, useListPriceBase: true })).toMatchObject({
      ok: false,
      error: { code: 'CPQ-E017' },
    });
    const r = subscriptionTerms(part, null, o);
    expect(r.ok && r.value.terms.initialTerm).toMatchObject({ period: 349, periodType: 'Day' });
    expect(subscriptionTerms(subscription({ SBQQ__SubscriptionEndDate__c: null }), null, o)).toMatchObject({
      ok: false,
      error: { code: 'CPQ-E018' },
    });
  });
});

describe('non-updatable changes', () => {
  const synced = [
    {
      orderItemId: '802000000000001AAA',
      subscriptionNumber: 'SUB-0000001',
      currency: 'USD',
      billingPeriod: 'Month',
      billCycleType: 'DefaultFromCustomer',
    },
  ];
  const amendment = (o: Parameters<typeof item>[0]) =>
    bundle({
      items: [
        item({
          Id: '802000000000021AAA',
          SBQQ__RevisedOrderProduct__c: '802000000000001AAA',
          SBQQ__ContractAction__c: 'Quantity Increase',
          ...o,
        }),
      ],
    });

  it('accepts an amendment that keeps currency, billing period and bill cycle type', () => {
    expect(refuseNonUpdatable(amendment({}), synced, false)).toEqual({ ok: true, value: true });
  });

  it('refuses a currency, billing period or bill cycle type change (CPQ-E012) before anything is sent', () => {
    expect(
      refuseNonUpdatable({ ...amendment({}), order: order({ CurrencyIsoCode: 'EUR' }) }, synced, false),
    ).toMatchObject({ ok: false, error: { code: 'CPQ-E012' } });
    const period = refuseNonUpdatable(amendment({ SBQQ__BillingFrequency__c: 'Annual' }), synced, false);
    expect(period).toMatchObject({
      ok: false,
      error: { code: 'CPQ-E012', record: { field: 'SBQQ__BillingFrequency__c' } },
    });
    expect(!period.ok && period.error.message).toContain('billing period from Month to Annual');
    expect(refuseNonUpdatable(amendment({}), synced, true)).toMatchObject({
      ok: false,
      error: { code: 'CPQ-E012' },
    });
  });
});
