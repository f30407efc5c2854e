// INTERIM until cpq-rules' catalog-plan.ts lands (then this file goes): which externally managed plan id
// each order product needs (Product2.Id; for usage, each ProductConsumptionSchedule.Id), and the flat
// catalog (one product, one rate plan, one charge) created when Zuora has none ([ZBC-prod], reference 1.8
// step 4). https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-connector-sync/products-sync-between-salesforce-cpq-and-zuora
import type { CpqOrderBundle, CpqProduct2 } from './rules/cpq-records.js';
import { cpqError, type CpqResult } from './rules/cpq-errors.js';

export interface CatalogNeed {
  /** The id in the rate plan's externally managed plan ids. */
  readonly externalId: string;
  readonly product: CpqProduct2;
  /** CRUD bodies when the plan must be created (ProductId / ProductRatePlanId are filled in on the way). */
  readonly create: {
    readonly product: Record<string, unknown>;
    readonly ratePlan: Record<string, unknown>;
    readonly charge: Record<string, unknown>;
  };
}

const forever = { EffectiveStartDate: '2000-01-01', EffectiveEndDate: '3000-01-01' };

function chargeType(p: CpqProduct2): 'Recurring' | 'OneTime' | 'Usage' {
  if (p.SBQQ__ChargeType__c === 'Recurring') return 'Recurring';
  if (p.SBQQ__ChargeType__c === 'Usage') return 'Usage';
  return 'OneTime';
}

const periods: Record<string, string> = {
  Monthly: 'Month',
  Quarterly: 'Quarter',
  Semiannual: 'Semi_Annual',
  Annual: 'Annual',
  'Invoice Plan': 'Subscription_Term',
};

function flatCatalog(p: CpqProduct2, currency: string, price: number): CatalogNeed['create'] {
  const type = chargeType(p);
  const perUnit = p.SBQQ__PricingMethod__c === 'List';
  return {
    product: { Name: p.Name.slice(0, 100), SKU: p.ProductCode, ...forever },
    ratePlan: {
      Name: p.Name.slice(0, 100),
      ...forever,
      ExternallyManagedPlanIds: [p.Id],
      ActiveCurrencies: currency,
    },
    charge: {
      Name: p.Name.slice(0, 100),
      ChargeType: type,
      ChargeModel: perUnit ? 'Per Unit Pricing' : 'Flat Fee Pricing',
      BillCycleType: 'DefaultFromCustomer',
      TriggerEvent: 'ContractEffective',
      ...(type === 'OneTime' ? {} : { BillingPeriod: periods[p.SBQQ__BillingFrequency__c ?? ''] ?? 'Month' }),
      ...(perUnit ? { UOM: p.QuantityUnitOfMeasure ?? 'Each' } : {}),
      ProductRatePlanChargeTierData: { ProductRatePlanChargeTier: [{ Currency: currency, Price: price }] },
    },
  };
}

/** One need per distinct plan the order's products use; a product without Product Code is CPQ-E001. */
export function catalogNeeds(b: CpqOrderBundle): CpqResult<CatalogNeed[]> {
  const currency = b.order.CurrencyIsoCode ?? b.account.CurrencyIsoCode ?? 'USD';
  const needs = new Map<string, CatalogNeed>();
  for (const item of b.items) {
    const product = b.products.find((p) => p.Id === item.Product2Id);
    if (product === undefined) continue;
    if (product.ProductCode === null || product.ProductCode === '')
      return {
        ok: false,
        error: cpqError('CPQ-E001', `product ${product.Name} has no Product Code`, {
          object: 'Product2',
          id: product.Id,
          field: 'ProductCode',
        }),
      };
    const ids = chargeType(product) === 'Usage' ? usageIds(b, item.Id, product.Id) : [product.Id];
    for (const externalId of ids)
      if (!needs.has(externalId))
        needs.set(externalId, {
          externalId,
          product,
          create: flatCatalog(product, currency, item.UnitPrice),
        });
  }
  return { ok: true, value: [...needs.values()] };
}

function usageIds(b: CpqOrderBundle, itemId: string, productId: string): string[] {
  return b.itemSchedules
    .filter((s) => s.SBQQ__OrderItem__c === itemId)
    .map(
      (s) =>
        b.productSchedules.find(
          (p) => p.ProductId === productId && p.ConsumptionScheduleId === s.SBQQ__ConsumptionSchedule__c,
        )?.Id ?? `missing:${s.Id}`,
    );
}
