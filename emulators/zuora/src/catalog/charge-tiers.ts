// ProductRatePlanChargeTierData of a CRUD charge: "all relevant fields of all tiers, including pricing
// information for each currency. For each currency, ensure that the tiers appear in ascending order of
// StartingUnit." PriceFormat is "Flat Fee" or "Per Unit" (stored as the Orders API spells it, FlatFee /
// PerUnit, like the rest of the tenant); tier units are rounded to the charge's UOM.
// https://developer.zuora.com/v1-api-reference/api/operation/Object_POSTProductRatePlanCharge/
import type { ZRecord } from '../model/zuora-record.js';
import type { TenantStore } from '../store/tenant-store.js';
import { isCurrencyCode } from './currencies.js';
import { roundQuantity } from './units-of-measure.js';

export interface CatalogTier {
  Currency: string;
  Price: number | null;
  StartingUnit: number | null;
  EndingUnit: number | null;
  PriceFormat: 'FlatFee' | 'PerUnit';
  Tier: number;
  DiscountPercentage: number | null;
  DiscountAmount: number | null;
  IsOveragePrice: boolean;
}

const num = (v: unknown): number | null | undefined =>
  v === undefined || v === null ? null : typeof v === 'number' && Number.isFinite(v) ? v : undefined;

function priceFormat(v: unknown): CatalogTier['PriceFormat'] | undefined {
  const key = (v === undefined || v === null ? 'Per Unit' : typeof v === 'string' ? v : '')
    .toLowerCase()
    .replace(/\s/g, '');
  return key === 'perunit' ? 'PerUnit' : key === 'flatfee' ? 'FlatFee' : undefined;
}

/** Parses the tiers of a charge body; a message naming the tier and field on error. */
export function parseChargeTiers(body: Record<string, unknown>): CatalogTier[] | string {
  const data = body.ProductRatePlanChargeTierData;
  if (data === undefined || data === null) return [];
  const tiers = (data as { ProductRatePlanChargeTier?: unknown }).ProductRatePlanChargeTier;
  if (!Array.isArray(tiers))
    return 'ProductRatePlanChargeTierData.ProductRatePlanChargeTier must be an array';
  if (tiers.length > 1000) return 'ProductRatePlanChargeTierData: at most 1000 tiers';
  const out: CatalogTier[] = [];
  const perCurrency = new Map<string, number>();
  for (const [i, raw] of tiers.entries()) {
    const at = `ProductRatePlanChargeTier[${i}]`;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return `${at} must be an object`;
    const t = raw as Record<string, unknown>;
    if (!isCurrencyCode(t.Currency)) return `${at}.Currency must be an ISO 4217 currency code`;
    const [price, start, end, pct, amount] = [
      t.Price,
      t.StartingUnit,
      t.EndingUnit,
      t.DiscountPercentage,
      t.DiscountAmount,
    ].map(num);
    if (price === undefined) return `${at}.Price must be a number`;
    if (start === undefined || end === undefined) return `${at}.StartingUnit and EndingUnit must be numbers`;
    if (pct === undefined || amount === undefined) return `${at}: discounts must be numbers`;
    if (start !== null && end !== null && end < start)
      return `${at}: EndingUnit ${end} is below StartingUnit ${start}`;
    const format = priceFormat(t.PriceFormat);
    if (format === undefined) return `${at}.PriceFormat must be Flat Fee or Per Unit`;
    const previous = perCurrency.get(t.Currency);
    if (start !== null && previous !== undefined && start <= previous)
      return `${at}: tiers of ${t.Currency} must be in ascending order of StartingUnit`;
    if (start !== null) perCurrency.set(t.Currency, start);
    const tierNumber = out.filter((o) => o.Currency === t.Currency).length + 1;
    out.push({
      Currency: t.Currency,
      Price: price,
      StartingUnit: start,
      EndingUnit: end,
      PriceFormat: format,
      Tier: typeof t.Tier === 'number' ? t.Tier : tierNumber,
      DiscountPercentage: pct,
      DiscountAmount: amount,
      IsOveragePrice: t.IsOveragePrice === true,
    });
  }
  return out;
}

/** Every active currency of the rate plan priced, and no tier in a currency the plan does not have. */
export function tierCurrencyProblem(
  tiers: readonly CatalogTier[],
  active: readonly string[],
): string | undefined {
  if (active.length === 0) return undefined;
  const stray = tiers.find((t) => !active.includes(t.Currency));
  if (stray !== undefined)
    return `Currency ${stray.Currency} is not an active currency of the product rate plan (${active.join(', ')})`;
  const missing = active.find((c) => !tiers.some((t) => t.Currency === c));
  if (missing !== undefined && tiers.length > 0) return `No pricing for active currency ${missing}`;
  return undefined;
}

export function insertChargeTiers(
  store: TenantStore,
  charge: ZRecord,
  tiers: readonly CatalogTier[],
  uom: ZRecord | undefined,
  entityId: string,
): void {
  for (const t of tiers) {
    store.insert(
      'ProductRatePlanChargeTier',
      {
        ...t,
        ProductRatePlanChargeId: charge.Id,
        StartingUnit: t.StartingUnit === null ? null : roundQuantity(t.StartingUnit, uom),
        EndingUnit: t.EndingUnit === null ? null : roundQuantity(t.EndingUnit, uom),
        Active: true,
      },
      entityId,
    );
  }
}
