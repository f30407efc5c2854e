// Currencies: three-letter ISO 4217 codes; a product rate plan activates at most five when it is created
// ("default currency and at most four other active currencies"), and a subscription can only use a
// currency the rate plan has active.
// https://developer.zuora.com/v1-api-reference/api/operation/Object_POSTProductRatePlan/
import type { ZRecord } from '../model/zuora-record.js';
import type { TenantStore } from '../store/tenant-store.js';

const iso = new Set(Intl.supportedValuesOf('currency'));

export const maxActiveCurrenciesAtCreation = 5;

export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && iso.has(value);
}

/** Parses "USD, EUR" (or an array); a message naming the bad code on error. */
export function parseCurrencyList(value: unknown, field: string): string[] | string {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
  if (items === undefined) return `${field} must be a comma-separated list of currency codes`;
  const codes = items.map((c) => (typeof c === 'string' ? c.trim() : '')).filter((c) => c !== '');
  const bad = codes.find((c) => !iso.has(c));
  if (bad !== undefined) return `${field}: '${bad}' is not a valid ISO 4217 currency code`;
  return [...new Set(codes)];
}

/**
 * The currencies a product rate plan is priced in: its ActiveCurrencies, or else the currencies of its
 * charges' price tiers.
 */
export function ratePlanCurrencies(store: TenantStore, ratePlan: ZRecord): string[] {
  const active = ratePlan.ActiveCurrencies;
  if (typeof active === 'string' && active.trim() !== '') {
    const parsed = parseCurrencyList(active, 'ActiveCurrencies');
    if (Array.isArray(parsed)) return parsed;
  }
  const charges = new Set<string>();
  for (const { record } of store.scan('ProductRatePlanCharge', null))
    if (record.ProductRatePlanId === ratePlan.Id) charges.add(record.Id);
  const currencies = new Set<string>();
  for (const { record } of store.scan('ProductRatePlanChargeTier', null))
    if (charges.has(String(record.ProductRatePlanChargeId)) && typeof record.Currency === 'string')
      currencies.add(record.Currency);
  return [...currencies];
}
