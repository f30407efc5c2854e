import { cpqCatalog, cpqUnitsOfMeasure, type CpqCurrency, type CpqRate } from './cpq-catalog.js';

// The Zuora rate plans that already exist for the generated CPQ org's externally managed products:
// what the Zuora emulator seeds so that a connector finds them with
// `GET /v1/product-rate-plans/external-id/{id}` and skips creating them. One plan per non-usage product
// (external id = Product2.Id) and one per product consumption schedule of a usage product
// (external id = ProductConsumptionSchedule.Id), as [ZBC-prod] describes
// (https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-connector-sync/products-sync-between-salesforce-cpq-and-zuora).
// Charge values follow the field-mapping guide's product catalog table ([ZBC-map]): List pricing ->
// PerUnit else FlatFee; Range -> Volume, Slab -> Tiered; "Invoice Plan" -> Subscription_Term,
// no frequency -> Month; an empty charge type -> OneTime.

export interface ExternallyManagedPlan {
  /** The value in the rate plan's ExternallyManagedPlanIds. */
  externalId: string;
  productId: string;
  /** Product SKU (Salesforce ProductCode). */
  sku: string | null;
  productName: string;
  ratePlanName: string;
  chargeType: 'Recurring' | 'OneTime' | 'Usage';
  chargeModel: 'PerUnit' | 'FlatFee' | 'Volume' | 'Tiered';
  billingPeriod: 'Month' | 'Quarter' | 'Semi_Annual' | 'Annual' | 'Subscription_Term' | null;
  uom: string;
  uomDecimalPlaces: number;
  /** List price per currency (non-usage charges). */
  prices: Partial<Record<CpqCurrency, number>>;
  /** Usage charges: the schedule's single currency and its Salesforce rates (upper bound exclusive). */
  usage: { currency: CpqCurrency; rates: CpqRate[] } | null;
}

const periods = {
  Monthly: 'Month',
  Quarterly: 'Quarter',
  Semiannual: 'Semi_Annual',
  Annual: 'Annual',
  'Invoice Plan': 'Subscription_Term',
} as const;

const decimalsOf = (uom: string): number => cpqUnitsOfMeasure.find((u) => u.name === uom)?.decimalPlaces ?? 0;

export function externallyManagedPlans(): ExternallyManagedPlan[] {
  return cpqCatalog()
    .filter((p) => p.externallyManaged)
    .flatMap((p): ExternallyManagedPlan[] => {
      const base = {
        productId: p.productId,
        sku: p.productCode,
        productName: p.name,
        uom: p.unitOfMeasure,
        uomDecimalPlaces: decimalsOf(p.unitOfMeasure),
        billingPeriod: p.billingFrequency
          ? periods[p.billingFrequency]
          : p.kind === 'one-time'
            ? null
            : 'Month',
      };
      if (p.kind !== 'usage') {
        const chargeType = p.chargeType === 'Recurring' ? 'Recurring' : 'OneTime';
        return [
          {
            ...base,
            externalId: p.productId,
            ratePlanName: p.name,
            chargeType,
            chargeModel: p.pricingMethod === 'List' ? 'PerUnit' : 'FlatFee',
            billingPeriod: chargeType === 'OneTime' ? null : base.billingPeriod,
            prices: p.prices,
            usage: null,
          },
        ];
      }
      return p.schedules.map((s) => ({
        ...base,
        externalId: s.productScheduleId,
        ratePlanName: `${p.name} ${s.name}`,
        chargeType: 'Usage' as const,
        chargeModel: s.type === 'Range' ? ('Volume' as const) : ('Tiered' as const),
        prices: {},
        usage: { currency: s.currency, rates: s.rates },
      }));
    });
}
