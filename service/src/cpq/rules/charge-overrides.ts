// The rate plans of one Zuora subscription with their charge overrides ([ZBC-map] Subscription tables):
// each order product subscribes to its rate plan with externallyManagedPlanId = the OrderItem Id (usage: the
// order product consumption schedule Id), chargeNumber = Order Product Number, quantity, and list price =
// the price override field when set, else the CPQ subscription's Net Price. Usage charges take the tiers of
// usage-tiers.ts in the variant of their charge model. With the list price base, recurring per-unit prices
// are for the whole term (Per_Specific_Months) and bill on the charge trigger day ([ZBC-adv]).
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-connector-sync/advanced-configuration-and-data-management
import type { PlanNeed } from './catalog-needs.js';
import type { ZuoraChargeRef, ZuoraRatePlanRef } from './catalog-plan.js';
import type { SubscriptionGroup } from './classify-items.js';
import { fail, ok, type CpqResult } from './cpq-errors.js';
import type { CpqOrderBundle, CpqOrderItem, CpqSubscription } from './cpq-records.js';
import type { CpqSettings } from './cpq-settings.js';
import { mappedCustomFields } from './cpq-custom-mappings.js';
import { usageTiers } from './usage-tiers.js';
import type { ChargeOverride, RatePlanOverride } from './zuora-order-request.js';

export interface PlanContext {
  readonly bundle: CpqOrderBundle;
  readonly needs: readonly PlanNeed[];
  readonly ratePlans: ReadonlyMap<string, ZuoraRatePlanRef>;
  readonly settings: CpqSettings;
}

const kinds = { Recurring: 'recurring', OneTime: 'oneTime', Usage: 'usage' } as const;

/** The subscription's per-period price: the override field when it holds a number, else Net Price. */
export function listPrice(s: CpqSubscription, item: CpqOrderItem, overrideField: string | undefined): number {
  const override =
    overrideField === undefined ? undefined : (s as unknown as Record<string, unknown>)[overrideField];
  return typeof override === 'number' ? override : (s.SBQQ__NetPrice__c ?? item.UnitPrice);
}

function flatPricing(
  charge: ZuoraChargeRef,
  price: number,
  quantity: number,
  months: number | undefined,
  s: CpqSettings,
): ChargeOverride['pricing'] {
  const perUnit = charge.model === 'Per Unit Pricing';
  const variant = `${kinds[charge.type]}${perUnit ? 'PerUnit' : 'FlatFee'}`;
  const base =
    s.useListPriceBase && charge.type === 'Recurring' && months !== undefined
      ? { listPriceBase: 'Per_Specific_Months', specificListPriceBase: months }
      : {};
  return { [variant]: { listPrice: price, ...(perUnit ? { quantity } : {}), ...base } };
}

function usagePricing(
  ctx: PlanContext,
  charge: ZuoraChargeRef,
  itemScheduleId: string,
): CpqResult<ChargeOverride['pricing']> {
  const variant =
    charge.model === 'Volume Pricing'
      ? 'usageVolume'
      : charge.model === 'Tiered Pricing'
        ? 'usageTiered'
        : undefined;
  if (variant === undefined)
    return fail(
      'CPQ-E019',
      `the Zuora usage charge ${charge.id} is ${charge.model}, not Volume or Tiered Pricing`,
      { object: 'SBQQ__OrderItemConsumptionSchedule__c', id: itemScheduleId },
    );
  const rates = ctx.bundle.itemRates.filter(
    (r) => r.SBQQ__OrderItemConsumptionSchedule__c === itemScheduleId,
  );
  const tiers = usageTiers(rates, {
    decimalPlaces:
      charge.decimalPlaces ?? (charge.uom === null ? 0 : (ctx.settings.uomDecimalPlaces[charge.uom] ?? 0)),
    incrementTierUpperBound: ctx.settings.incrementTierUpperBound,
    caps: ctx.settings.tierCaps,
  });
  return tiers.ok ? ok({ [variant]: { tiers: tiers.value } }) : tiers;
}

function override(
  ctx: PlanContext,
  group: SubscriptionGroup,
  item: CpqOrderItem,
  need: PlanNeed,
  n: number,
  months: number | undefined,
): CpqResult<RatePlanOverride> {
  const plan = ctx.ratePlans.get(need.externalId);
  const usage = need.itemScheduleId !== null;
  const charge = plan?.charges.find((c) => (c.type === 'Usage') === usage);
  if (plan === undefined || charge === undefined)
    return fail(
      'CPQ-E006',
      `no Zuora rate plan charge for external id ${need.externalId} (order product ${item.OrderItemNumber})`,
      { object: usage ? 'ProductConsumptionSchedule' : 'Product2', id: need.externalId },
    );
  const price = listPrice(group.subscription, item, ctx.settings.priceOverrideField);
  const pricing = usage
    ? usagePricing(ctx, charge, need.itemScheduleId)
    : ok(flatPricing(charge, price, item.Quantity, months, ctx.settings));
  if (!pricing.ok) return pricing;
  const maps = ctx.settings.customFieldMappings;
  const { billingPeriod, ...chargeFields } = mappedCustomFields(
    maps.subscriptionToRatePlanCharge,
    group.subscription as unknown as Record<string, unknown>,
  );
  const billing = {
    ...(typeof billingPeriod === 'string' && !usage ? { billingPeriod } : {}),
    ...(ctx.settings.useListPriceBase && charge.type === 'Recurring'
      ? { billCycleType: 'ChargeTriggerDay' }
      : {}),
  };
  const planFields = mappedCustomFields(
    usage ? maps.orderItemScheduleToRatePlan : maps.orderItemToSubscriptionRatePlan,
    (usage ? ctx.bundle.itemSchedules.find((x) => x.Id === need.itemScheduleId) : item) as unknown as Record<
      string,
      unknown
    >,
  );
  return ok({
    productRatePlanId: plan.productRatePlanId,
    externallyManagedPlanId: need.itemScheduleId ?? item.Id,
    ...(Object.keys(planFields).length > 0 ? { customFields: planFields } : {}),
    chargeOverrides: [
      {
        productRatePlanChargeId: charge.id,
        chargeNumber: n === 0 ? item.OrderItemNumber : `${item.OrderItemNumber}-${n + 1}`,
        ...(pricing.value === undefined ? {} : { pricing: pricing.value }),
        ...(Object.keys(billing).length > 0 ? { billing } : {}),
        ...(Object.keys(chargeFields).length > 0 ? { customFields: chargeFields } : {}),
      },
    ],
  });
}

/** One rate plan override per order product (per consumption schedule for usage) of the subscription. */
export function ratePlanOverrides(
  ctx: PlanContext,
  group: SubscriptionGroup,
  months: number | undefined,
): CpqResult<RatePlanOverride[]> {
  const out: RatePlanOverride[] = [];
  for (const item of group.items) {
    for (const [n, need] of ctx.needs.filter((x) => x.itemId === item.Id).entries()) {
      const r = override(ctx, group, item, need, n, months);
      if (!r.ok) return r;
      out.push(r.value);
    }
  }
  return ok(out);
}
