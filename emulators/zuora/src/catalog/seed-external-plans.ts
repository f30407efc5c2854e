// Seeds the Zuora catalog with rate plans that already carry externally managed plan ids: the products of
// a CPQ scenario whose Zuora rate plan exists before the first order sync, so the connector skips the
// catalog sync for them ("if the Product ID matches any Externally Managed Plan ID fields on the Product
// Rate Plan object in Zuora, the product catalog sync is skipped", seed 004). Products are found or made
// by SKU (= Product2.ProductCode); several plans may share one product ("product bundling"). Every write
// goes through the store, so UpdatedDate, AQuA and callouts see the records like any other.
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import type { TenantStore } from '../store/tenant-store.js';
import { encodeExternalPlanIds, externalPlanIds } from './external-plan-ids.js';
import { findUnitOfMeasure } from './units-of-measure.js';

/** One Salesforce product (or product consumption schedule) whose rate plan exists in Zuora. */
export interface ExternalPlanSeed {
  /** Product2.ProductCode: the Zuora product SKU (null: a new product with a generated SKU). */
  productCode: string | null;
  productName: string;
  /** Product2.Id or ProductConsumptionSchedule.Id values: the rate plan's externallyManagedPlanIds. */
  externalIds: readonly string[];
  ratePlanName?: string;
  chargeType: 'Recurring' | 'OneTime' | 'Usage';
  chargeModel: 'Flat Fee Pricing' | 'Per Unit Pricing' | 'Volume Pricing' | 'Tiered Pricing';
  /** Zuora billing period of recurring and usage charges; Month when absent. */
  billingPeriod?: string;
  /** Unit of measure; created with `uomDecimalPlaces` (default 0) when the tenant lacks it. Each by default. */
  uom?: string;
  uomDecimalPlaces?: number;
  /** Currencies the plan is active and priced in (at most five). */
  currencies: readonly string[];
  /** List price (flat or per unit) in every currency; volume/tiered charges use `tiers`. */
  price: number;
  /** Per-currency list prices, where they differ from `price`. */
  prices?: Partial<Record<string, number>>;
  tiers?: readonly {
    startingUnit: number;
    endingUnit: number | null;
    price: number;
    priceFormat: 'FlatFee' | 'PerUnit';
  }[];
}

export interface SeededPlan {
  productId: string;
  ratePlanId: string;
  chargeId: string;
  externalIds: string[];
}

const defaults = { EffectiveStartDate: '2000-01-01', EffectiveEndDate: '3000-01-01' };

function product(store: TenantStore, seed: ExternalPlanSeed, entityId: string): ZRecord {
  if (seed.productCode !== null)
    for (const p of store.scan('Product', entityId)) if (p.record.SKU === seed.productCode) return p.record;
  const sku = seed.productCode ?? `SKU-${String(store.count('Product') + 1).padStart(8, '0')}`;
  return store.insert('Product', { Name: seed.productName, SKU: sku, ...defaults }, entityId);
}

function ensureUom(store: TenantStore, seed: ExternalPlanSeed, entityId: string): string | null {
  const name = seed.uom ?? 'Each';
  if (seed.chargeModel === 'Flat Fee Pricing' && seed.chargeType !== 'Usage') return seed.uom ?? null;
  if (findUnitOfMeasure(store, name) === undefined)
    store.insert(
      'UnitOfMeasure',
      {
        UomName: name,
        DisplayedAs: name,
        DecimalPlaces: seed.uomDecimalPlaces ?? 0,
        RoundingMode: 'Up',
        Active: true,
      },
      entityId,
    );
  return name;
}

function tierRecords(seed: ExternalPlanSeed, currency: string): Record<string, FieldValue>[] {
  if (seed.tiers === undefined || seed.tiers.length === 0)
    return [
      {
        Currency: currency,
        Price: seed.prices?.[currency] ?? seed.price,
        Tier: 1,
        PriceFormat: seed.chargeModel === 'Per Unit Pricing' ? 'PerUnit' : 'FlatFee',
      },
    ];
  return seed.tiers.map((t, i) => ({
    Currency: currency,
    Price: t.price,
    StartingUnit: t.startingUnit,
    EndingUnit: t.endingUnit,
    PriceFormat: t.priceFormat,
    Tier: i + 1,
  }));
}

/** Creates (or completes) the rate plans of the seeds in one entity (the default entity when absent). */
export function seedExternalPlans(
  store: TenantStore,
  seeds: readonly ExternalPlanSeed[],
  entityId: string = store.defaultEntityId,
): SeededPlan[] {
  return seeds.map((seed) => {
    if (seed.externalIds.length === 0) throw new Error(`seed ${seed.productCode}: externalIds is empty`);
    const p = product(store, seed, entityId);
    const existing = [...store.scan('ProductRatePlan', entityId)].find(
      (rp) =>
        rp.record.ProductId === p.Id &&
        seed.externalIds.some((id) => externalPlanIds(rp.record).includes(id)),
    );
    const ratePlan =
      existing?.record ??
      store.insert(
        'ProductRatePlan',
        {
          ProductId: p.Id,
          Name: seed.ratePlanName ?? seed.productName,
          ActiveCurrencies: seed.currencies.join(','),
          ExternallyManagedPlanIds: encodeExternalPlanIds(seed.externalIds),
          ...defaults,
        },
        entityId,
      );
    if (existing !== undefined)
      store.update('ProductRatePlan', ratePlan.Id, {
        ExternallyManagedPlanIds: encodeExternalPlanIds([...externalPlanIds(ratePlan), ...seed.externalIds]),
      });
    const charge =
      [...store.scan('ProductRatePlanCharge', entityId)].find(
        (c) => c.record.ProductRatePlanId === ratePlan.Id,
      )?.record ?? addCharge(store, seed, ratePlan, entityId);
    return {
      productId: p.Id,
      ratePlanId: ratePlan.Id,
      chargeId: charge.Id,
      externalIds: externalPlanIds(store.get('ProductRatePlan', ratePlan.Id)?.record ?? ratePlan),
    };
  });
}

function addCharge(store: TenantStore, seed: ExternalPlanSeed, ratePlan: ZRecord, entityId: string): ZRecord {
  const charge = store.insert(
    'ProductRatePlanCharge',
    {
      ProductRatePlanId: ratePlan.Id,
      Name: seed.productName,
      ChargeType: seed.chargeType,
      ChargeModel: seed.chargeModel,
      BillingPeriod: seed.chargeType === 'OneTime' ? null : (seed.billingPeriod ?? 'Month'),
      BillCycleType: 'DefaultFromCustomer',
      TriggerEvent: 'ContractEffective',
      ListPriceBase: seed.chargeType === 'Recurring' ? 'Per_Billing_Period' : null,
      UOM: ensureUom(store, seed, entityId),
      AccountingCode: 'Accounts Receivable',
      DeferredRevenueAccount: 'Accounts Receivable',
      RecognizedRevenueAccount: 'Accounts Receivable',
      Taxable: false,
      Price: seed.tiers === undefined ? seed.price : null,
    },
    entityId,
  );
  for (const currency of seed.currencies)
    for (const tier of tierRecords(seed, currency))
      store.insert(
        'ProductRatePlanChargeTier',
        { ...tier, ProductRatePlanChargeId: charge.Id, Active: true },
        entityId,
      );
  return charge;
}
