// CPQ product values as Zuora catalog values ([ZBC-map] Product Catalog tables, reference §1.5): Pricing
// Method List -> Per Unit Pricing, else Flat Fee; Charge Type Recurring / One-Time / Usage, empty ->
// One-Time; Billing Frequency "Invoice Plan" -> Subscription Term, empty -> Month; consumption schedule Type
// Range -> Volume, Slab -> Tiered. Billing periods in both spellings Zuora uses: the object API's
// ("Semi-Annual") for the catalog, the Orders API's ("Semi_Annual") for charge overrides.
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-field-mappings-guide

export type ZuoraChargeType = 'Recurring' | 'OneTime' | 'Usage';
export type ZuoraChargeModel = 'Per Unit Pricing' | 'Flat Fee Pricing' | 'Volume Pricing' | 'Tiered Pricing';
export type OrdersBillingPeriod = 'Month' | 'Quarter' | 'Semi_Annual' | 'Annual' | 'Subscription_Term';

export function chargeTypeOf(sbqqChargeType: string | null): ZuoraChargeType {
  if (sbqqChargeType === 'Recurring') return 'Recurring';
  if (sbqqChargeType === 'Usage') return 'Usage';
  return 'OneTime';
}

export const chargeModelOf = (pricingMethod: string | null): ZuoraChargeModel =>
  pricingMethod === 'List' || pricingMethod === null ? 'Per Unit Pricing' : 'Flat Fee Pricing';

export const usageModelOf = (scheduleType: string): ZuoraChargeModel | undefined =>
  scheduleType === 'Range' ? 'Volume Pricing' : scheduleType === 'Slab' ? 'Tiered Pricing' : undefined;

const periods: Record<string, OrdersBillingPeriod> = {
  Monthly: 'Month',
  Quarterly: 'Quarter',
  Semiannual: 'Semi_Annual',
  Annual: 'Annual',
  'Invoice Plan': 'Subscription_Term',
};

/** The Orders API billing period of a CPQ billing frequency (empty -> Month); undefined when unknown. */
export function billingPeriodOf(frequency: string | null): OrdersBillingPeriod | undefined {
  return frequency === null || frequency === '' ? 'Month' : periods[frequency];
}

/** The object API's spelling of an Orders API billing period. */
export const catalogPeriod = (p: OrdersBillingPeriod): string =>
  p === 'Semi_Annual' ? 'Semi-Annual' : p.replace(/_/g, ' ');

/** Price format of a tier from a charge model or a consumption rate's pricing method. */
export const priceFormatOf = (model: ZuoraChargeModel | 'PerUnit' | 'FlatFee'): 'PerUnit' | 'FlatFee' =>
  model === 'Flat Fee Pricing' || model === 'FlatFee' ? 'FlatFee' : 'PerUnit';
