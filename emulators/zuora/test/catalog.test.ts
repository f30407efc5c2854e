// Product catalog writes through the CRUD object API and lookups through the v1 catalog routes:
// https://developer.zuora.com/v1-api-reference/api/operation/Object_POSTProduct/ (SKU unique, generated)
// https://developer.zuora.com/v1-api-reference/api/operation/Object_POSTProductRatePlanCharge/ (tiers per
//   currency, ascending StartingUnit, UOM required for per-unit/volume/tiered models)
// https://developer.zuora.com/v1-api-reference/api/operation/GET_ProductRatePlansByExternalID/
// https://docs.zuora.com/en/basics/about-zuora/rounding-and-precision/rounding-and-as-is (tier quantities
//   rounded to the UOM before storage)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { managedPlanSeeds, seedExternalPlans, type ManagedPlan } from '../src/index.js';
import { startHarness, type Harness } from './helpers.js';

type Created = { Success: boolean; Id: string };
type CrudError = { Success: false; Errors: { Code: string; Message: string }[] };
type Plan = {
  id: string;
  status: string;
  externallyManagedPlanIds: string[];
  productRatePlanCharges?: {
    id: string;
    model: string;
    uom: string;
    pricing: { currency: string; tiers: unknown[] | null }[];
  }[];
};

describe('product catalog writes and external-id lookups', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.emulator.close());

  const create = async (object: string, json: unknown): Promise<Response> =>
    h.api(`/v1/object/${object}`, { method: 'POST', json });
  const product = (extra: Record<string, unknown> = {}) => ({
    Name: 'Router',
    EffectiveStartDate: '2000-01-01',
    EffectiveEndDate: '3000-01-01',
    ...extra,
  });

  it('keeps SKUs unique and generates one when absent', async () => {
    const first = (await (await create('product', product({ SKU: 'HW-ROUTER' }))).json()) as Created;
    expect(first.Success).toBe(true);
    const dup = await create('product', product({ SKU: 'HW-ROUTER' }));
    expect(dup.status).toBe(400);
    expect(((await dup.json()) as CrudError).Errors[0]).toMatchObject({ Code: 'DUPLICATE_VALUE' });
    const generated = (await (await create('product', product())).json()) as Created;
    const read = (await (await h.api(`/v1/object/product/${generated.Id}`)).json()) as { SKU: string };
    expect(read.SKU).toMatch(/^SKU-\d{8}$/);
    const renamed = await h.api(`/v1/object/product/${generated.Id}`, {
      method: 'PUT',
      json: { SKU: 'HW-ROUTER' },
    });
    expect(((await renamed.json()) as CrudError).Errors[0]?.Code).toBe('DUPLICATE_VALUE');
    const tooLong = await create('product', product({ SKU: 'S'.repeat(51) }));
    expect(((await tooLong.json()) as CrudError).Errors[0]?.Message).toMatch(/50 characters/);
  });

  it('stores several externally managed plan ids per rate plan and finds plans by any of them', async () => {
    const p = (await (await create('product', product({ SKU: 'CPQ-SEATS' }))).json()) as Created;
    const plan = (await (
      await create('product-rate-plan', {
        Name: 'Seats',
        ProductId: p.Id,
        ActiveCurrencies: 'USD,EUR',
        ExternallyManagedPlanIds: ['01t000000000001AAA', '0Mq000000000001AAA'],
      })
    ).json()) as Created;
    const charge = await create('product-rate-plan-charge', {
      Name: 'Seat',
      ProductRatePlanId: plan.Id,
      ChargeModel: 'Per Unit Pricing',
      ChargeType: 'Recurring',
      BillingPeriod: 'Month',
      BillCycleType: 'DefaultFromCustomer',
      TriggerEvent: 'ContractEffective',
      UOM: 'License',
      ProductRatePlanChargeTierData: {
        ProductRatePlanChargeTier: [
          { Currency: 'USD', Price: 30, PriceFormat: 'Per Unit' },
          { Currency: 'EUR', Price: 28, PriceFormat: 'Per Unit' },
        ],
      },
    });
    expect(charge.status).toBe(200);
    for (const id of ['01t000000000001AAA', '0Mq000000000001AAA']) {
      const found = (await (await h.api(`/v1/product-rate-plans/external-id/${id}`)).json()) as Plan[];
      expect(found.map((f) => f.id)).toEqual([plan.Id]);
      expect(found[0]?.externallyManagedPlanIds).toEqual(['01t000000000001AAA', '0Mq000000000001AAA']);
      expect(found[0]?.status).toBe('Active');
    }
    expect((await h.api('/v1/product-rate-plans/external-id/01tNOPE')).status).toBe(404);
    const byId = (await (await h.api(`/v1/product-rate-plans/${plan.Id}`)).json()) as Plan & {
      success: boolean;
    };
    expect(byId).toMatchObject({ success: true, id: plan.Id });
    const ofProduct = (await (await h.api('/v1/products/CPQ-SEATS/product-rate-plans')).json()) as {
      productRatePlans: Plan[];
    };
    expect(
      ofProduct.productRatePlans[0]?.productRatePlanCharges?.[0]?.pricing.map((x) => x.currency),
    ).toEqual(['USD', 'EUR']);
    const update = await h.api(`/v1/object/product-rate-plan/${plan.Id}`, {
      method: 'PUT',
      json: { ExternallyManagedPlanIds: ['01t000000000002AAA'] },
    });
    expect(update.status).toBe(200);
    const crud = (await (await h.api(`/v1/object/product-rate-plan/${plan.Id}`)).json()) as {
      ExternallyManagedPlanIds: string[];
    };
    expect(crud.ExternallyManagedPlanIds).toEqual(['01t000000000002AAA']);
    const notArray = await h.api(`/v1/object/product-rate-plan/${plan.Id}`, {
      method: 'PUT',
      json: { ExternallyManagedPlanIds: '01t000000000002AAA' },
    });
    expect(((await notArray.json()) as CrudError).Errors[0]?.Message).toMatch(/must be an array of strings/);
  });

  it('creates usage charges with Volume and Tiered tiers rounded to the UOM precision, per currency', async () => {
    const uom = await create('unit-of-measure', { UomName: 'Hours', DecimalPlaces: 2, RoundingMode: 'Down' });
    expect(uom.status).toBe(200);
    const dupUom = await create('unit-of-measure', { UomName: 'Hours', DecimalPlaces: 0 });
    expect(((await dupUom.json()) as CrudError).Errors[0]?.Code).toBe('DUPLICATE_VALUE');
    const badPlaces = await create('unit-of-measure', { UomName: 'Minutes', DecimalPlaces: 9 });
    expect(((await badPlaces.json()) as CrudError).Errors[0]?.Message).toMatch(/0 to 8/);
    const p = (await (await create('product', product({ SKU: 'CPQ-USAGE' }))).json()) as Created;
    const plan = (await (
      await create('product-rate-plan', { Name: 'Usage', ProductId: p.Id, ActiveCurrencies: 'EUR' })
    ).json()) as Created;
    const usage = (model: string, tiers: unknown[]) =>
      create('product-rate-plan-charge', {
        Name: model,
        ProductRatePlanId: plan.Id,
        ChargeModel: model,
        ChargeType: 'Usage',
        BillingPeriod: 'Month',
        BillCycleType: 'DefaultFromCustomer',
        TriggerEvent: 'ContractEffective',
        UOM: 'Hours',
        ProductRatePlanChargeTierData: { ProductRatePlanChargeTier: tiers },
      });
    const volume = (await (
      await usage('Volume Pricing', [
        { Currency: 'EUR', StartingUnit: 0, EndingUnit: 184.999, Price: 1.5, PriceFormat: 'Per Unit' },
        { Currency: 'EUR', StartingUnit: 185, Price: 1.2, PriceFormat: 'Per Unit' },
      ])
    ).json()) as Created;
    const tiers = [...h.emulator.tenant.scan('ProductRatePlanChargeTier', null)]
      .filter((t) => t.record.ProductRatePlanChargeId === volume.Id)
      .map((t) => [t.record.StartingUnit, t.record.EndingUnit, t.record.PriceFormat]);
    expect(tiers).toEqual([
      [0, 184.99, 'PerUnit'],
      [185, null, 'PerUnit'],
    ]);
    expect((await usage('Tiered Pricing', [{ Currency: 'EUR', StartingUnit: 0, Price: 2 }])).status).toBe(
      200,
    );
    const descending = await usage('Tiered Pricing', [
      { Currency: 'EUR', StartingUnit: 10, Price: 2 },
      { Currency: 'EUR', StartingUnit: 5, Price: 1 },
    ]);
    expect(((await descending.json()) as CrudError).Errors[0]?.Message).toMatch(
      /ascending order of StartingUnit/,
    );
    const otherCurrency = await usage('Tiered Pricing', [{ Currency: 'USD', StartingUnit: 0, Price: 2 }]);
    expect(((await otherCurrency.json()) as CrudError).Errors[0]?.Message).toMatch(/not an active currency/);
    const noTiers = await usage('Volume Pricing', []);
    expect(((await noTiers.json()) as CrudError).Errors[0]?.Code).toBe('MISSING_REQUIRED_VALUE');
    const noUom = await create('product-rate-plan-charge', {
      Name: 'x',
      ProductRatePlanId: plan.Id,
      ChargeModel: 'Per Unit Pricing',
      ChargeType: 'Usage',
      BillingPeriod: 'Month',
      BillCycleType: 'DefaultFromCustomer',
      TriggerEvent: 'ContractEffective',
    });
    expect(((await noUom.json()) as CrudError).Errors[0]?.Message).toMatch(/UOM is required/);
    const tooManyCurrencies = await create('product-rate-plan', {
      Name: 'Wide',
      ProductId: p.Id,
      ActiveCurrencies: 'USD,EUR,GBP,JPY,CAD,AUD',
    });
    expect(((await tooManyCurrencies.json()) as CrudError).Errors[0]?.Message).toMatch(
      /at most 5 currencies/,
    );
    const badCurrency = await create('product-rate-plan', {
      Name: 'Bad',
      ProductId: p.Id,
      ActiveCurrencies: 'USD,XYZ',
    });
    expect(((await badCurrency.json()) as CrudError).Errors[0]?.Message).toMatch(
      /'XYZ' is not a valid ISO 4217/,
    );
  });

  it('seeds rate plans that already carry the CPQ products external ids', async () => {
    const seeded = seedExternalPlans(h.emulator.tenant, [
      {
        productCode: 'CPQ-PLATFORM',
        productName: 'Platform',
        externalIds: ['01t000000000010AAA'],
        chargeType: 'Recurring',
        chargeModel: 'Per Unit Pricing',
        uom: 'License',
        currencies: ['USD', 'EUR'],
        price: 100,
      },
      {
        productCode: 'CPQ-PLATFORM',
        productName: 'Platform API calls',
        externalIds: ['0Mq000000000010AAA'],
        chargeType: 'Usage',
        chargeModel: 'Volume Pricing',
        uom: 'Calls',
        currencies: ['USD'],
        price: 0,
        tiers: [{ startingUnit: 0, endingUnit: null, price: 0.01, priceFormat: 'PerUnit' }],
      },
    ]);
    expect(seeded[0]?.productId).toBe(seeded[1]?.productId);
    const found = (await (
      await h.api('/v1/product-rate-plans/external-id/0Mq000000000010AAA')
    ).json()) as Plan[];
    expect(found.map((f) => f.id)).toEqual([seeded[1]?.ratePlanId]);
    const again = seedExternalPlans(h.emulator.tenant, [
      {
        productCode: 'CPQ-PLATFORM',
        productName: 'Platform',
        externalIds: ['01t000000000010AAA'],
        chargeType: 'Recurring',
        chargeModel: 'Per Unit Pricing',
        currencies: ['USD'],
        price: 100,
      },
    ]);
    expect(again[0]?.ratePlanId).toBe(seeded[0]?.ratePlanId);
  });

  it('seeds the CPQ scenario managed plans at start, with usage rates as inclusive Zuora tiers', async () => {
    // The shape of emulators/shared/cpq-managed-plans.ts: Salesforce upper bounds are exclusive.
    const plans: ManagedPlan[] = [
      {
        externalId: '01t8d000000000101AAA',
        sku: 'CPQ-PLAT',
        productName: 'Platform',
        ratePlanName: 'Platform',
        chargeType: 'Recurring',
        chargeModel: 'PerUnit',
        billingPeriod: 'Semi_Annual',
        uom: 'Seat',
        uomDecimalPlaces: 0,
        prices: { USD: 100, EUR: 92, JPY: 15000 },
        usage: null,
      },
      {
        externalId: '0sp8d000000000101AAA',
        sku: null,
        productName: 'Compute',
        ratePlanName: 'Compute Hours',
        chargeType: 'Usage',
        chargeModel: 'Volume',
        billingPeriod: 'Month',
        uom: 'Hour',
        uomDecimalPlaces: 2,
        prices: {},
        usage: {
          currency: 'EUR',
          rates: [
            { lowerBound: 185, upperBound: 999, price: 1.2, pricingMethod: 'PerUnit' },
            { lowerBound: 0, upperBound: 185, price: 1.5, pricingMethod: 'PerUnit' },
          ],
        },
      },
    ];
    const seeded = await startHarness({ externalPlans: managedPlanSeeds(plans) });
    try {
      const find = async (id: string) =>
        ((await (await seeded.api(`/v1/product-rate-plans/external-id/${id}`)).json()) as Plan[])[0];
      const platform = await find('01t8d000000000101AAA');
      expect(platform?.externallyManagedPlanIds).toEqual(['01t8d000000000101AAA']);
      const compute = await find('0sp8d000000000101AAA');
      const charge = [...seeded.emulator.tenant.scan('ProductRatePlanCharge', null)].find(
        (c) => c.record.ProductRatePlanId === compute?.id,
      )?.record;
      expect(charge).toMatchObject({ ChargeType: 'Usage', ChargeModel: 'Volume Pricing', UOM: 'Hour' });
      const tiers = [...seeded.emulator.tenant.scan('ProductRatePlanChargeTier', null)]
        .filter((t) => t.record.ProductRatePlanChargeId === charge?.Id)
        .map((t) => [t.record.Currency, t.record.StartingUnit, t.record.EndingUnit, t.record.Price]);
      expect(tiers).toEqual([
        ['EUR', 0, 184.99, 1.5],
        ['EUR', 185, 999, 1.2],
      ]);
      const seats = [...seeded.emulator.tenant.scan('ProductRatePlanCharge', null)].find(
        (c) => c.record.ProductRatePlanId === platform?.id,
      )?.record;
      expect(seats).toMatchObject({ BillingPeriod: 'Semi-Annual', UOM: 'Seat' });
      const prices = [...seeded.emulator.tenant.scan('ProductRatePlanChargeTier', null)]
        .filter((t) => t.record.ProductRatePlanChargeId === seats?.Id)
        .map((t) => [t.record.Currency, t.record.Price]);
      expect(prices).toEqual([
        ['USD', 100],
        ['EUR', 92],
        ['JPY', 15000],
      ]);
      // A data reset keeps them.
      await seeded.admin('/reset', { method: 'POST', json: { data: true } });
      expect((await seeded.api('/v1/product-rate-plans/external-id/0sp8d000000000101AAA')).status).toBe(200);
    } finally {
      await seeded.emulator.close();
    }
  });
});
