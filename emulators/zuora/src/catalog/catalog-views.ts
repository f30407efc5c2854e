// JSON views of product rate plans for the v1 catalog routes: status from the effective dates
// (Active, Expired, NotStarted), externallyManagedPlanIds as a list, charges with pricing per currency.
// https://developer.zuora.com/v1-api-reference/api/operation/GET_ProductRatePlansByExternalID/
// https://developer.zuora.com/v1-api-reference/api/operation/GET_ProductRatePlans/
import type { ZRecord } from '../model/zuora-record.js';
import type { ChildIndex } from '../query/relations.js';
import { dateOf } from '../tenant/dates.js';
import { externalPlanIds } from './external-plan-ids.js';

export function ratePlanStatus(ratePlan: ZRecord, now: Date): 'Active' | 'Expired' | 'NotStarted' {
  const today = dateOf(now);
  if (typeof ratePlan.EffectiveStartDate === 'string' && ratePlan.EffectiveStartDate > today)
    return 'NotStarted';
  if (typeof ratePlan.EffectiveEndDate === 'string' && ratePlan.EffectiveEndDate < today) return 'Expired';
  return 'Active';
}

export function ratePlanView(ratePlan: ZRecord, now: Date): Record<string, unknown> {
  return {
    id: ratePlan.Id,
    status: ratePlanStatus(ratePlan, now),
    name: ratePlan.Name,
    description: ratePlan.Description ?? '',
    effectiveStartDate: ratePlan.EffectiveStartDate,
    effectiveEndDate: ratePlan.EffectiveEndDate,
    grade: ratePlan.Grade ?? null,
    externallyManagedPlanIds: externalPlanIds(ratePlan),
    externalIdSourceSystem: ratePlan.ExternalIdSourceSystem ?? null,
    productRatePlanNumber: ratePlan.ProductRatePlanNumber ?? null,
  };
}

/** A charge's price per currency: one entry per currency with its tiers (or its flat price). */
export function chargePricing(children: ChildIndex, charge: ZRecord): Record<string, unknown>[] {
  const byCurrency = new Map<string, ZRecord[]>();
  for (const { record: t } of children.children(
    'ProductRatePlanChargeTier',
    'ProductRatePlanChargeId',
    charge.Id,
  )) {
    const currency = String(t.Currency ?? 'USD');
    byCurrency.set(currency, [...(byCurrency.get(currency) ?? []), t]);
  }
  return [...byCurrency].map(([currency, tiers]) => {
    const tiered = tiers.some((t) => t.StartingUnit !== null);
    return {
      currency,
      price: tiered ? null : (tiers[0]?.Price ?? null),
      discountPercentage: tiers[0]?.DiscountPercentage ?? null,
      tiers: tiered
        ? tiers.map((t) => ({
            tier: t.Tier,
            startingUnit: t.StartingUnit,
            endingUnit: t.EndingUnit,
            price: t.Price,
            priceFormat: t.PriceFormat,
            discountPercentage: t.DiscountPercentage,
          }))
        : null,
    };
  });
}

export function chargeView(children: ChildIndex, c: ZRecord): Record<string, unknown> {
  return {
    id: c.Id,
    name: c.Name,
    type: c.ChargeType,
    model: c.ChargeModel,
    uom: c.UOM,
    billingPeriod: c.BillingPeriod,
    billingDay: c.BillCycleType,
    billCycleType: c.BillCycleType,
    listPriceBase: c.ListPriceBase,
    triggerEvent: c.TriggerEvent,
    applyDiscountTo: c.ApplyDiscountTo,
    discountLevel: c.DiscountLevel,
    taxable: c.Taxable,
    taxCode: c.TaxCode,
    taxMode: c.TaxMode,
    pricing: chargePricing(children, c),
  };
}
