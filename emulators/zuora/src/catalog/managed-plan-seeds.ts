// Seeds of the Zuora catalog from the CPQ scenario's externally managed plans (emulators/shared/
// cpq-managed-plans.ts, `externallyManagedPlans()`: one plan per non-usage product keyed by Product2.Id,
// one per product consumption schedule keyed by ProductConsumptionSchedule.Id). The input type is declared
// here structurally, so this module does not depend on the Salesforce side's files. Usage rates become
// Zuora tiers as the CPQ connector converts them: Salesforce upper bounds are exclusive, Zuora's inclusive,
// so each upper bound but the last is lowered by the unit of measure's smallest unit (seed 004, "Impact of
// Unit of Measurement (UOM) on Tier Syncing").
import type { ExternalPlanSeed } from './seed-external-plans.js';

/** The shape of `ExternallyManagedPlan` in emulators/shared/cpq-managed-plans.ts. */
export interface ManagedPlan {
  externalId: string;
  sku: string | null;
  productName: string;
  ratePlanName: string;
  chargeType: 'Recurring' | 'OneTime' | 'Usage';
  chargeModel: 'PerUnit' | 'FlatFee' | 'Volume' | 'Tiered';
  billingPeriod: string | null;
  uom: string;
  uomDecimalPlaces: number;
  prices: Partial<Record<string, number>>;
  usage: {
    currency: string;
    rates: readonly {
      lowerBound: number;
      upperBound: number | null;
      price: number;
      pricingMethod: 'PerUnit' | 'FlatFee';
    }[];
  } | null;
}

const models = {
  PerUnit: 'Per Unit Pricing',
  FlatFee: 'Flat Fee Pricing',
  Volume: 'Volume Pricing',
  Tiered: 'Tiered Pricing',
} as const;

/** Orders API billing period spellings (Semi_Annual) as the catalog stores them (Semi-Annual). */
const catalogPeriod = (p: string | null): string | undefined =>
  p === null ? undefined : p === 'Semi_Annual' ? 'Semi-Annual' : p.replace(/_/g, ' ');

export function managedPlanSeeds(plans: readonly ManagedPlan[]): ExternalPlanSeed[] {
  return plans.map((p) => {
    const unit = 10 ** -p.uomDecimalPlaces;
    const rates = [...(p.usage?.rates ?? [])].sort((a, b) => a.lowerBound - b.lowerBound);
    const currencies = p.usage === null ? Object.keys(p.prices) : [p.usage.currency];
    const period = catalogPeriod(p.billingPeriod);
    return {
      productCode: p.sku,
      productName: p.productName,
      ratePlanName: p.ratePlanName,
      externalIds: [p.externalId],
      chargeType: p.chargeType,
      chargeModel: models[p.chargeModel],
      ...(period === undefined ? {} : { billingPeriod: period }),
      uom: p.uom,
      uomDecimalPlaces: p.uomDecimalPlaces,
      currencies,
      price: Object.values(p.prices).find((v) => v !== undefined) ?? 0,
      prices: p.prices,
      ...(rates.length === 0
        ? {}
        : {
            tiers: rates.map((r, i) => ({
              startingUnit: r.lowerBound,
              // "The maximum value of the last tier remains constant."
              endingUnit:
                r.upperBound === null || i === rates.length - 1
                  ? r.upperBound
                  : Math.round((r.upperBound - unit) * 10 ** p.uomDecimalPlaces) / 10 ** p.uomDecimalPlaces,
              price: r.price,
              priceFormat: r.pricingMethod,
            })),
          }),
    };
  });
}
