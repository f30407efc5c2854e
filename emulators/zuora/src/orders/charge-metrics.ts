// Charge metrics: the amount of one billing period, MRR and TCV. The list price is per billing period,
// month, week, year or a specific number of months (listPriceBase); tiered charges price each tier's
// units, volume charges price all units at the tier the quantity falls in (FlatFee tiers: the tier price).
// https://docs.zuora.com/en/zuora-billing/set-up-zuora-billing/build-product-and-prices/charge-models
// (tiered and volume pricing), https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/
// (RecurringPerUnitPricingOverride.listPriceBase)
import { monthsPerPeriod, periodKey } from '../catalog/billing-periods.js';
import type { Fields } from './working-subscription.js';

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function tiersAmount(model: string, quantity: number, tiers: readonly Fields[]): number {
  const sorted = [...tiers].sort((a, b) => (num(a.StartingUnit) ?? 0) - (num(b.StartingUnit) ?? 0));
  if (model === 'Volume Pricing') {
    const tier =
      sorted.find((t) => num(t.EndingUnit) === null || quantity <= (num(t.EndingUnit) ?? 0)) ??
      sorted[sorted.length - 1];
    if (tier === undefined) return 0;
    return tier.PriceFormat === 'FlatFee' ? (num(tier.Price) ?? 0) : (num(tier.Price) ?? 0) * quantity;
  }
  let total = 0;
  let below = 0;
  for (const t of sorted) {
    if (quantity <= below) break;
    const end = num(t.EndingUnit);
    const units = Math.max(0, (end === null ? quantity : Math.min(quantity, end)) - below);
    total += t.PriceFormat === 'FlatFee' ? (num(t.Price) ?? 0) : (num(t.Price) ?? 0) * units;
    below = end ?? quantity;
  }
  return total;
}

/** The charge's amount at its list price base (per unit x quantity, flat, or from tiers). */
export function baseAmount(charge: Fields, tiers: readonly Fields[]): number {
  const model = String(charge.ChargeModel);
  const quantity = num(charge.Quantity) ?? 0;
  if (model.startsWith('Discount')) return 0;
  if (tiers.length > 0 && (model.includes('Tiered') || model === 'Volume Pricing'))
    return tiersAmount(model, quantity, tiers);
  const price = num(charge.Price) ?? 0;
  return model === 'Per Unit Pricing' ? price * quantity : price;
}

/** Monthly recurring revenue of a recurring charge (0 for one-time and usage charges). */
export function chargeMrr(charge: Fields, tiers: readonly Fields[], termMonths: number): number {
  if (charge.ChargeType !== 'Recurring') return 0;
  const months = monthsPerPeriod(charge.BillingPeriod, num(charge.SpecificBillingPeriod), termMonths) ?? 1;
  const base = baseAmount(charge, tiers);
  switch (periodKey(charge.ListPriceBase ?? 'Per_Billing_Period')) {
    case 'permonth':
      return base;
    case 'peryear':
      return base / 12;
    case 'perweek':
      return (base * 52) / 12;
    case 'perspecificmonths':
      return base / (num(charge.SpecificListPriceBase) ?? 1);
    default:
      return base / months;
  }
}

/** The amount billed each billing period. */
export function periodAmount(charge: Fields, tiers: readonly Fields[], termMonths: number): number {
  if (charge.ChargeType !== 'Recurring') return baseAmount(charge, tiers);
  const months = monthsPerPeriod(charge.BillingPeriod, num(charge.SpecificBillingPeriod), termMonths) ?? 1;
  return chargeMrr(charge, tiers, termMonths) * months;
}

/** Total contract value over `termMonths` (12 for evergreen subscriptions). */
export function chargeTcv(charge: Fields, tiers: readonly Fields[], termMonths: number): number {
  if (charge.ChargeType === 'OneTime') return baseAmount(charge, tiers);
  return chargeMrr(charge, tiers, termMonths) * termMonths;
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;
