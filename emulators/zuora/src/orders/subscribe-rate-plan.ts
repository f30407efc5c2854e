// Subscribing to a product rate plan (CreateSubscription's subscribeToRatePlans, AddProduct): the plan is
// named by productRatePlanId, productRatePlanNumber or externalCatalogPlanId ("must match one of the values
// predefined in the externallyManagedPlanIds field on a product rate plan"; several given must point to the
// same plan), must be effective on the contract effective date ("can't be subscribed to" after its end
// date) and active in the subscription's currency. Each of its charges becomes a subscription charge,
// changed by the chargeOverride naming it.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/ (CreateOrderRatePlanOverride)
import { ratePlanCurrencies } from '../catalog/currencies.js';
import { ratePlansByExternalId } from '../catalog/external-plan-ids.js';
import type { ZRecord } from '../model/zuora-record.js';
import { applyPricing } from './charge-pricing.js';
import type { OrderEnv } from './order-env.js';
import type { ChargeOverride, RatePlanOverride } from './order-request.js';
import { refuse } from './order-refusal.js';
import { chargeTriggerDate, type ActionDates } from './trigger-dates.js';
import type { Fields, WorkingCharge, WorkingRatePlan } from './working-subscription.js';

const copied =
  `Name ChargeModel ChargeType BillingPeriod BillCycleType BillCycleDay BillingTiming BillingPeriodAlignment
  SpecificBillingPeriod ListPriceBase TriggerEvent EndDateCondition UOM UpToPeriods UpToPeriodsType ApplyDiscountTo
  DiscountLevel AccountingCode Description RatingGroup UsageRecordRatingOption NumberOfPeriod OverageCalculationOption
  IncludedUnits PriceChangeOption PriceIncreasePercentage WeeklyBillCycleDay`.split(/\s+/);

/** The product rate plan an override names. */
export function resolveProductRatePlan(env: OrderEnv, spec: RatePlanOverride, where: string): ZRecord {
  const found = new Map<string, ZRecord>();
  if (spec.productRatePlanId !== undefined) {
    const byId = env.store.get('ProductRatePlan', spec.productRatePlanId);
    if (!env.inEntity(byId))
      refuse('invalidValue', `${where}.productRatePlanId: no product rate plan ${spec.productRatePlanId}.`);
    found.set(byId.record.Id, byId.record);
  }
  if (spec.productRatePlanNumber !== undefined) {
    const byNumber = [...env.store.scan('ProductRatePlan', env.entityId)].find(
      (p) => p.record.ProductRatePlanNumber === spec.productRatePlanNumber,
    );
    if (byNumber === undefined)
      refuse(
        'invalidValue',
        `${where}.productRatePlanNumber: no product rate plan ${spec.productRatePlanNumber}.`,
      );
    found.set(byNumber.record.Id, byNumber.record);
  }
  if (spec.externalCatalogPlanId !== undefined) {
    const byExternal = ratePlansByExternalId(env.store, spec.externalCatalogPlanId, env.entityId);
    if (byExternal.length === 0)
      refuse(
        'invalidValue',
        `${where}.externalCatalogPlanId: no product rate plan has '${spec.externalCatalogPlanId}' in its externallyManagedPlanIds.`,
      );
    if (byExternal.length > 1)
      refuse(
        'invalidValue',
        `${where}.externalCatalogPlanId: '${spec.externalCatalogPlanId}' is an external id of ${byExternal.length} product rate plans; use productRatePlanId.`,
      );
    const plan = byExternal[0]?.record as ZRecord;
    found.set(plan.Id, plan);
  }
  if (found.size === 0)
    refuse(
      'missingRequired',
      `${where}: productRatePlanId, productRatePlanNumber or externalCatalogPlanId is required.`,
    );
  if (found.size > 1)
    refuse(
      'invalidValue',
      `${where}: productRatePlanId, productRatePlanNumber and externalCatalogPlanId point to different product rate plans.`,
    );
  return [...found.values()][0] as ZRecord;
}

function catalogCharge(env: OrderEnv, prpc: ZRecord, currency: string): WorkingCharge {
  const fields: Fields = { ProductRatePlanChargeId: prpc.Id };
  for (const f of copied) fields[f] = prpc[f] ?? null;
  const tiers = env.children
    .children('ProductRatePlanChargeTier', 'ProductRatePlanChargeId', prpc.Id)
    .map((t) => t.record)
    .filter((t) => t.Currency === currency);
  const priced = tiers.filter((t) => t.StartingUnit !== null && t.StartingUnit !== undefined);
  fields.Price = priced.length > 0 ? null : (tiers[0]?.Price ?? null);
  if (String(prpc.ChargeModel).startsWith('Discount'))
    fields.DiscountPercentage = tiers[0]?.DiscountPercentage ?? null;
  const perUnit = ['Per Unit Pricing', 'Tiered Pricing', 'Volume Pricing'].includes(String(prpc.ChargeModel));
  fields.Quantity =
    perUnit && prpc.ChargeType !== 'Usage'
      ? typeof prpc.DefaultQuantity === 'number'
        ? prpc.DefaultQuantity
        : 1
      : null;
  return {
    fields,
    tiers: priced.map((t) => ({
      Tier: t.Tier ?? null,
      StartingUnit: t.StartingUnit ?? null,
      EndingUnit: t.EndingUnit ?? null,
      Price: t.Price ?? null,
      PriceFormat: t.PriceFormat ?? null,
      Currency: currency,
    })),
  };
}

function applyOverride(
  env: OrderEnv,
  charge: WorkingCharge,
  o: ChargeOverride,
  dates: ActionDates,
  currency: string,
  at: string,
): boolean {
  const f = charge.fields;
  if (o.chargeNumber !== undefined) {
    if (!env.claimChargeNumber(o.chargeNumber))
      refuse('invalidValue', `${at}.chargeNumber: charge number ${o.chargeNumber} already exists.`);
    f.ChargeNumber = o.chargeNumber;
  }
  if (o.description !== undefined) f.Description = o.description;
  if (o.uniqueToken !== undefined) charge.uniqueToken = o.uniqueToken;
  if (o.pricing !== undefined) applyPricing(charge, o.pricing, env.uom(f.UOM), currency, `${at}.pricing`);
  const b = o.billing;
  if (b !== undefined) {
    if (
      (b.billingPeriod === 'Specific_Months' || b.billingPeriod === 'Specific_Weeks') &&
      b.specificBillingPeriod === undefined
    )
      refuse(
        'missingRequired',
        `${at}.billing.specificBillingPeriod is required with billingPeriod ${b.billingPeriod}.`,
      );
    if (b.billCycleType === 'SpecificDayofMonth' && b.billCycleDay === undefined)
      refuse(
        'missingRequired',
        `${at}.billing.billCycleDay is required with billCycleType SpecificDayofMonth.`,
      );
    const map = {
      billingPeriod: 'BillingPeriod',
      specificBillingPeriod: 'SpecificBillingPeriod',
      billCycleType: 'BillCycleType',
      billCycleDay: 'BillCycleDay',
      billingTiming: 'BillingTiming',
      billingPeriodAlignment: 'BillingPeriodAlignment',
    } as const;
    for (const [k, field] of Object.entries(map)) {
      const v = b[k as keyof typeof map];
      if (v !== undefined) f[field] = v;
    }
  }
  if (o.endDate !== undefined) {
    const e = o.endDate;
    if (e.endDateCondition === 'Specific_End_Date' && e.specificEndDate === undefined)
      refuse(
        'missingRequired',
        `${at}.endDate.specificEndDate is required with endDateCondition Specific_End_Date.`,
      );
    if (e.endDateCondition === 'Fixed_Period' && e.upToPeriods === undefined)
      refuse('missingRequired', `${at}.endDate.upToPeriods is required with endDateCondition Fixed_Period.`);
    f.EndDateCondition = e.endDateCondition ?? f.EndDateCondition ?? 'Subscription_End';
    f.SpecificEndDate = e.specificEndDate ?? null;
    f.UpToPeriods = e.upToPeriods ?? null;
    f.UpToPeriodsType = e.upToPeriodsType ?? null;
  }
  if (o.startDate !== undefined) f.TriggerEvent = o.startDate.triggerEvent;
  const start = chargeTriggerDate(
    dates,
    String(f.TriggerEvent ?? 'ContractEffective'),
    o.startDate?.specificTriggerDate,
  );
  f.TriggerDate = o.startDate?.triggerEvent === 'SpecificDate' ? start : null;
  f.EffectiveStartDate = start;
  // A SpecificDate trigger without its date leaves the charge (and the order) pending.
  return start === null;
}

/** A new subscription rate plan; `pending` when a charge waits for a trigger date. */
export function subscribeRatePlan(
  env: OrderEnv,
  spec: RatePlanOverride,
  dates: ActionDates,
  currency: string,
  where: string,
): { plan: WorkingRatePlan; pending: boolean } {
  const prp = resolveProductRatePlan(env, spec, where);
  const on = dates.contractEffective;
  if (
    (typeof prp.EffectiveStartDate === 'string' && prp.EffectiveStartDate > on) ||
    (typeof prp.EffectiveEndDate === 'string' && prp.EffectiveEndDate < on)
  )
    refuse(
      'invalidValue',
      `${where}: product rate plan ${prp.Id} is not effective on ${on} (${String(prp.EffectiveStartDate)} to ${String(prp.EffectiveEndDate)}).`,
    );
  const currencies = ratePlanCurrencies(env.store, prp);
  if (currencies.length > 0 && !currencies.includes(currency))
    refuse(
      'invalidValue',
      `${where}: currency ${currency} is not an active currency of product rate plan ${prp.Id} (${currencies.join(', ')}).`,
    );
  const prpcs = env.children
    .children('ProductRatePlanCharge', 'ProductRatePlanId', prp.Id)
    .map((c) => c.record);
  const charges = prpcs.map((c) => catalogCharge(env, c, currency));
  let pending = false;
  const overridden = new Set<number>();
  for (const [i, o] of (spec.chargeOverrides ?? []).entries()) {
    const at = `${where}.chargeOverrides[${i}]`;
    const index = prpcs.findIndex(
      (c) =>
        c.Id === o.productRatePlanChargeId ||
        (o.productRatePlanChargeNumber !== undefined &&
          c.ProductRatePlanChargeNumber === o.productRatePlanChargeNumber),
    );
    if (index < 0)
      refuse(
        'invalidValue',
        `${at}.productRatePlanChargeId: ${String(o.productRatePlanChargeId ?? o.productRatePlanChargeNumber)} is not a charge of product rate plan ${prp.Id}.`,
      );
    if (overridden.has(index))
      refuse('invalidValue', `${at}: charge ${String(o.productRatePlanChargeId)} is overridden twice.`);
    overridden.add(index);
    pending = applyOverride(env, charges[index] as WorkingCharge, o, dates, currency, at) || pending;
  }
  for (const [i, c] of charges.entries()) {
    if (!overridden.has(i))
      c.fields.EffectiveStartDate = chargeTriggerDate(
        dates,
        String(c.fields.TriggerEvent ?? 'ContractEffective'),
        undefined,
      );
    c.fields.ChargeNumber ??= env.nextChargeNumber();
  }
  const plan: WorkingRatePlan = {
    fields: {
      ProductRatePlanId: prp.Id,
      Name: prp.Name ?? null,
      ExternallyManagedPlanId: spec.externallyManagedPlanId ?? null,
      AmendmentType: null,
    },
    charges,
    removed: false,
    ...(spec.uniqueToken === undefined ? {} : { uniqueToken: spec.uniqueToken }),
  };
  return { plan, pending };
}
