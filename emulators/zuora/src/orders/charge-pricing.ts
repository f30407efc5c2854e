// Charge pricing in orders: each pricing variant belongs to one charge type and model ("recurringPerUnit:
// pricing information about a recurring charge that uses the per unit charge model", "usageVolume: ... a
// usage charge that uses the volume charge model", ...), so a variant for another model is refused.
// Quantities and tier units are rounded to the charge's unit of measure before they are stored; tiers
// are numbered 1..n in ascending order, inclusive at both ends, and must not overlap.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/ (ChargeOverridePricing, ChargeTier)
// https://docs.zuora.com/en/basics/about-zuora/rounding-and-precision/rounding-and-as-is
import { roundQuantity } from '../catalog/units-of-measure.js';
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import type { PricingOverride } from './order-pricing-schema.js';
import { refuse } from './order-refusal.js';
import type { Fields, WorkingCharge } from './working-subscription.js';

const models: Record<string, string> = {
  'Flat Fee Pricing': 'FlatFee',
  'Per Unit Pricing': 'PerUnit',
  'Tiered Pricing': 'Tiered',
  'Volume Pricing': 'Volume',
  'Overage Pricing': 'Overage',
  'Tiered with Overage Pricing': 'TieredWithOverage',
};
const types: Record<string, string> = { Recurring: 'recurring', OneTime: 'oneTime', Usage: 'usage' };

/** The pricing variant a charge takes, e.g. recurringPerUnit; "discount" for discount charges. */
export function variantFor(charge: Fields): string {
  const model = String(charge.ChargeModel);
  if (model.startsWith('Discount')) return 'discount';
  return `${types[String(charge.ChargeType)] ?? 'recurring'}${models[model] ?? 'FlatFee'}`;
}

type Tier = NonNullable<NonNullable<PricingOverride['usageVolume']>['tiers']>[number];

function tierFields(
  tiers: readonly Tier[],
  uom: ZRecord | undefined,
  currency: string,
  where: string,
): Fields[] {
  return tiers.map((t, i) => {
    if (t.tier !== i + 1)
      refuse('invalidValue', `${where}.tiers[${i}].tier must be ${i + 1}: tiers are numbered in order.`);
    const start = roundQuantity(t.startingUnit, uom);
    const end = t.endingUnit === undefined || t.endingUnit === null ? null : roundQuantity(t.endingUnit, uom);
    if (end === null && i < tiers.length - 1)
      refuse(
        'invalidValue',
        `${where}.tiers[${i}].endingUnit is required: only the last tier is open-ended.`,
      );
    if (end !== null && end < start)
      refuse('invalidValue', `${where}.tiers[${i}]: endingUnit ${end} is below startingUnit ${start}.`);
    const previous = tiers[i - 1];
    const previousEnd =
      previous?.endingUnit === undefined || previous.endingUnit === null
        ? null
        : roundQuantity(previous.endingUnit, uom);
    if (previousEnd !== null && start <= previousEnd)
      refuse(
        'invalidValue',
        `${where}.tiers[${i}]: startingUnit ${start} overlaps tier ${i} (ending at ${previousEnd}); tiers include both bounds.`,
      );
    return {
      Tier: t.tier,
      StartingUnit: start,
      EndingUnit: end,
      Price: t.price,
      PriceFormat: t.priceFormat,
      Currency: currency,
    };
  });
}

/**
 * Applies the one pricing variant of `pricing` to a charge (override at creation, or update). `where` names
 * the request path in messages.
 */
export function applyPricing(
  charge: WorkingCharge,
  pricing: PricingOverride,
  uom: ZRecord | undefined,
  currency: string,
  where: string,
): void {
  const given = Object.entries(pricing).filter(([k, v]) => v !== undefined && k !== 'chargeModelData');
  if (given.length === 0) return;
  if (given.length > 1)
    refuse('invalidValue', `${where}: set one pricing variant, got ${given.map(([k]) => k).join(', ')}.`);
  const [variant, raw] = given[0] as [string, Record<string, unknown>];
  const expected = variantFor(charge.fields);
  if (variant !== expected)
    refuse(
      'invalidValue',
      `${where}.${variant} does not match the charge: a ${String(charge.fields.ChargeType)} ${String(charge.fields.ChargeModel)} charge takes ${expected}.`,
    );
  const f = charge.fields;
  const num = (k: string): number | undefined => (typeof raw[k] === 'number' ? raw[k] : undefined);
  const set = (field: string, value: FieldValue | undefined): void => {
    if (value !== undefined) f[field] = value;
  };
  set('Price', num('listPrice') ?? num('overagePrice'));
  const quantity = num('quantity');
  if (quantity !== undefined) f.Quantity = roundQuantity(quantity, uom);
  set('IncludedUnits', num('includedUnits'));
  set('DiscountPercentage', num('discountPercentage'));
  set('DiscountAmount', num('discountAmount'));
  set('PriceChangeOption', typeof raw.priceChangeOption === 'string' ? raw.priceChangeOption : undefined);
  set('PriceIncreasePercentage', num('priceIncreasePercentage'));
  set('RatingGroup', typeof raw.ratingGroup === 'string' ? raw.ratingGroup : undefined);
  if (typeof raw.listPriceBase === 'string') {
    f.ListPriceBase = raw.listPriceBase;
    f.SpecificListPriceBase = num('specificListPriceBase') ?? null;
    if (raw.listPriceBase === 'Per_Specific_Months' && f.SpecificListPriceBase === null)
      refuse(
        'missingRequired',
        `${where}.${variant}.specificListPriceBase is required with listPriceBase Per_Specific_Months.`,
      );
  } else if (num('specificListPriceBase') !== undefined && f.ListPriceBase !== 'Per_Specific_Months') {
    refuse(
      'invalidValue',
      `${where}.${variant}.specificListPriceBase is only allowed with listPriceBase Per_Specific_Months.`,
    );
  }
  if (Array.isArray(raw.tiers)) {
    charge.tiers = tierFields(raw.tiers as Tier[], uom, currency, `${where}.${variant}`);
    f.Price = null;
  }
}
