import { describe, expect, it } from 'vitest';
import { catalogNeeds } from '../../../src/cpq/rules/catalog-needs.js';
import { catalogPlan, type CatalogLookup } from '../../../src/cpq/rules/catalog-plan.js';
import type { CpqOrderBundle } from '../../../src/cpq/rules/cpq-records.js';
import { bundle, oneTimeItem, oneTimeProduct, productSchedule, usageParts } from './cpq-fixtures.js';

const inputs = { useListPriceBase: false, uomDecimalPlaces: { 'API Call': 0 } };
const empty: CatalogLookup = { ratePlans: new Map(), productsBySku: new Map() };
const seatPlan = {
  productRatePlanId: 'prp-seat',
  charges: [{ id: 'prpc-seat', type: 'Recurring' as const, model: 'Per Unit Pricing' as const, uom: 'Seat' }],
};

function plan(b: CpqOrderBundle, lookup: CatalogLookup = empty) {
  const needs = catalogNeeds(b);
  if (!needs.ok) return needs;
  return catalogPlan(b, needs.value, lookup, inputs);
}

const usageBundle = () => {
  const u = usageParts();
  return bundle({ ...u, items: [u.item], subscriptions: [u.subscription], products: [u.product] });
};

describe('catalog check', () => {
  it('skips a product whose rate plan is externally managed (found by Product2.Id)', () => {
    const r = plan(bundle(), { ...empty, ratePlans: new Map([['01t000000000001AAA', seatPlan]]) });
    expect(r.ok && r.value.create).toEqual([]);
    expect(r.ok && r.value.needs).toEqual([
      {
        itemId: '802000000000001AAA',
        productId: '01t000000000001AAA',
        externalId: '01t000000000001AAA',
        itemScheduleId: null,
      },
    ]);
  });

  it('creates product, rate plan and charge for a missing recurring product, priced per price book currency', () => {
    const b = bundle({
      pricebookEntries: [
        {
          Id: '01u1',
          Product2Id: '01t000000000001AAA',
          Pricebook2Id: '01s1',
          CurrencyIsoCode: 'USD',
          UnitPrice: 30,
          IsActive: true,
        },
        {
          Id: '01u2',
          Product2Id: '01t000000000001AAA',
          Pricebook2Id: '01s1',
          CurrencyIsoCode: 'EUR',
          UnitPrice: 27.6,
          IsActive: true,
        },
      ],
    });
    const r = plan(b);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.create).toEqual([
      {
        sku: 'CPQ-SEAT-STD',
        product: {
          Name: 'Standard Seat',
          SKU: 'CPQ-SEAT-STD',
          EffectiveStartDate: '2000-01-01',
          EffectiveEndDate: '3000-01-01',
        },
        ratePlans: [
          {
            externalId: '01t000000000001AAA',
            ratePlan: {
              Name: 'Standard Seat',
              ExternallyManagedPlanIds: ['01t000000000001AAA'],
              ActiveCurrencies: 'USD,EUR',
              EffectiveStartDate: '2000-01-01',
              EffectiveEndDate: '3000-01-01',
            },
            charge: expect.objectContaining({
              ChargeType: 'Recurring',
              ChargeModel: 'Per Unit Pricing',
              BillingPeriod: 'Month',
              BillCycleType: 'DefaultFromCustomer',
              UOM: 'Seat',
              ProductRatePlanChargeTierData: {
                ProductRatePlanChargeTier: [
                  { Currency: 'USD', Price: 30, Tier: 1, PriceFormat: 'Per Unit' },
                  { Currency: 'EUR', Price: 27.6, Tier: 1, PriceFormat: 'Per Unit' },
                ],
              },
            }),
          },
        ],
      },
    ]);
    expect(r.value.uoms).toEqual([{ name: 'Seat', decimalPlaces: 0 }]);
  });

  it('creates a one-time charge for a product with an empty charge type (the documented default)', () => {
    const b = bundle({
      items: [oneTimeItem()],
      subscriptions: [],
      products: [oneTimeProduct({ SBQQ__ChargeType__c: null, SBQQ__PricingMethod__c: 'Block' })],
    });
    const r = plan(b);
    const charge = r.ok ? r.value.create[0]?.ratePlans[0]?.charge : undefined;
    expect(charge).toMatchObject({ ChargeType: 'OneTime', ChargeModel: 'Flat Fee Pricing' });
    expect(charge && 'BillingPeriod' in charge).toBe(false);
  });

  it('creates one usage rate plan per product consumption schedule, with one default tier', () => {
    const r = plan(usageBundle());
    const rp = r.ok ? r.value.create[0]?.ratePlans[0] : undefined;
    expect(rp?.externalId).toBe('0sp000000000001AAA');
    expect(rp?.ratePlan.Name).toBe('API Calls API Calls USD');
    expect(rp?.charge).toMatchObject({
      ChargeType: 'Usage',
      ChargeModel: 'Volume Pricing',
      UOM: 'API Call',
      DefaultQuantity: 1,
      ProductRatePlanChargeTierData: {
        ProductRatePlanChargeTier: [
          { Currency: 'USD', Price: 0, Tier: 1, PriceFormat: 'Per Unit', StartingUnit: 0, EndingUnit: 1 },
        ],
      },
    });
  });

  it('refuses a product without Product Code (CPQ-E001, "Invalid referenced products")', () => {
    const r = plan(
      bundle({ products: [usageParts().product, { ...bundle().products[0]!, ProductCode: null }] }),
    );
    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'CPQ-E001',
        record: { object: 'Product2', id: '01t000000000001AAA', field: 'ProductCode' },
      },
    });
    expect(!r.ok && r.error.message).toMatch(/^Invalid referenced products: /);
  });

  it('refuses a usage schedule no longer linked to its product (CPQ-E005)', () => {
    const b = {
      ...usageBundle(),
      productSchedules: [productSchedule({ ConsumptionScheduleId: '0sc000000000099AAA' })],
    };
    expect(plan(b)).toMatchObject({ ok: false, error: { code: 'CPQ-E005' } });
  });

  it('refuses a product that exists by SKU without the needed rate plan (CPQ-E006)', () => {
    const r = plan(usageBundle(), { ...empty, productsBySku: new Map([['CPQ-API', 'zp-1']]) });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CPQ-E006', record: { object: 'ProductConsumptionSchedule', id: '0sp000000000001AAA' } },
    });
  });

  it('bills recurring charges on the charge trigger day with the list price base', () => {
    const needs = catalogNeeds(bundle());
    const r = needs.ok
      ? catalogPlan(bundle(), needs.value, empty, { ...inputs, useListPriceBase: true })
      : needs;
    expect(r.ok && r.value.create[0]?.ratePlans[0]?.charge.BillCycleType).toBe('ChargeTriggerDay');
  });
});
