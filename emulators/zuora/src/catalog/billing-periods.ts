// Billing periods and list price bases in both spellings Zuora uses: the CRUD / object API ("Semi-Annual",
// "Specific Months", "Per Billing Period") and the Orders API ("Semi_Annual", "Specific_Months",
// "Per_Billing_Period"). Values are compared by a canonical key.
// https://developer.zuora.com/v1-api-reference/api/operation/Object_POSTProductRatePlanCharge/
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/ (chargeOverrides.billing)
const periodMonths: Record<string, number | 'specific' | 'term' | 'weeks' | 'days'> = {
  month: 1,
  quarter: 3,
  semiannual: 6,
  annual: 12,
  eighteenmonths: 18,
  twoyears: 24,
  threeyears: 36,
  fiveyears: 60,
  specificmonths: 'specific',
  subscriptionterm: 'term',
  week: 'weeks',
  specificweeks: 'weeks',
  specificdays: 'days',
};

export const listPriceBases = ['perbillingperiod', 'permonth', 'perweek', 'peryear', 'perspecificmonths'];

export function periodKey(value: unknown): string {
  return (typeof value === 'string' ? value : '').toLowerCase().replace(/[^a-z]/g, '');
}

export function isBillingPeriod(value: unknown): boolean {
  return periodKey(value) in periodMonths;
}

export function isListPriceBase(value: unknown): boolean {
  return listPriceBases.includes(periodKey(value));
}

/** Months in one billing period (weeks and days approximated to months); undefined when unknown. */
export function monthsPerPeriod(
  billingPeriod: unknown,
  specificMonths: number | null,
  termMonths: number,
): number | undefined {
  const m = periodMonths[periodKey(billingPeriod)];
  if (typeof m === 'number') return m;
  if (m === 'specific') return specificMonths ?? undefined;
  if (m === 'term') return termMonths;
  if (m === 'weeks') return (7 * (specificMonths ?? 1) * 12) / 365;
  if (m === 'days') return ((specificMonths ?? 1) * 12) / 365;
  return undefined;
}
