// AddProduct, UpdateProduct and RemoveProduct on a subscription's working copy. The rate plan to change is
// named by ratePlanId (of any version), externalCatalogPlanId ("if there are multiple rate plans with the
// same productRatePlanId value existing in the subscription, you must use the ratePlanId field"),
// productRatePlanNumber or the uniqueToken given when the plan was added in this order. Billing period,
// bill cycle type, billing timing and currency of an existing charge cannot change (seed 004: "fields such
// as currency, billing period, and bill cycle type cannot be updated once an order is created").
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/ (CreateOrderRatePlanUpdate,
// CreateOrderChargeUpdate, RemoveProduct)
import { periodKey } from '../catalog/billing-periods.js';
import { ratePlansByExternalId } from '../catalog/external-plan-ids.js';
import type { ActionContext } from './action-context.js';
import { applyPricing } from './charge-pricing.js';
import { refuse } from './order-refusal.js';
import { subscribeRatePlan } from './subscribe-rate-plan.js';
import { chargeTriggerDate } from './trigger-dates.js';
import { activePlans, type WorkingRatePlan, type WorkingSubscription } from './working-subscription.js';

interface PlanReference {
  ratePlanId?: string | undefined;
  externalCatalogPlanId?: string | undefined;
  subscriptionRatePlanNumber?: string | undefined;
  uniqueToken?: string | undefined;
  productRatePlanNumber?: string | undefined;
}

function findPlan(
  c: ActionContext,
  sub: WorkingSubscription,
  ref: PlanReference,
  at: string,
): WorkingRatePlan {
  const plans = activePlans(sub);
  let matches: WorkingRatePlan[];
  if (ref.ratePlanId !== undefined) {
    const stored = c.env.store.get('RatePlan', ref.ratePlanId);
    const origin =
      stored === undefined ? ref.ratePlanId : String(stored.record.OriginalRatePlanId ?? stored.record.Id);
    matches = plans.filter(
      (p) => p.sourceId === ref.ratePlanId || String(p.fields.OriginalRatePlanId ?? p.sourceId) === origin,
    );
  } else if (ref.uniqueToken !== undefined) {
    matches = plans.filter((p) => p.uniqueToken === ref.uniqueToken);
  } else if (ref.externalCatalogPlanId !== undefined) {
    const ids = new Set(
      ratePlansByExternalId(c.env.store, ref.externalCatalogPlanId, c.env.entityId).map((p) => p.record.Id),
    );
    matches = plans.filter((p) => ids.has(String(p.fields.ProductRatePlanId)));
    if (matches.length > 1)
      refuse(
        'invalidValue',
        `${at}.externalCatalogPlanId: subscription ${sub.number} has ${matches.length} rate plans of that product rate plan; use ratePlanId.`,
      );
  } else if (ref.productRatePlanNumber !== undefined) {
    matches = plans.filter(
      (p) =>
        c.env.store.get('ProductRatePlan', String(p.fields.ProductRatePlanId))?.record
          .ProductRatePlanNumber === ref.productRatePlanNumber,
    );
  } else if (ref.subscriptionRatePlanNumber !== undefined) {
    matches = [];
  } else {
    refuse(
      'missingRequired',
      `${at}: ratePlanId, externalCatalogPlanId, productRatePlanNumber or uniqueToken is required.`,
    );
  }
  const plan = matches[0];
  if (plan === undefined)
    refuse(
      'invalidValue',
      `${at}: no active rate plan ${JSON.stringify(ref)} on subscription ${sub.number}.`,
    );
  return plan;
}

export function addProduct(c: ActionContext, sub: WorkingSubscription): void {
  const spec = c.action.addProduct;
  if (spec === undefined)
    refuse('missingRequired', `${c.where}.addProduct is required for an AddProduct action.`);
  const { plan, pending } = subscribeRatePlan(
    c.env,
    spec,
    c.dates,
    String(sub.fields.Currency),
    `${c.where}.addProduct`,
  );
  plan.fields.AmendmentType = 'NewProduct';
  for (const charge of plan.charges) charge.fields.EffectiveEndDate = sub.fields.TermEndDate ?? null;
  sub.ratePlans.push(plan);
  if (pending) sub.pending = true;
}

export function removeProduct(c: ActionContext, sub: WorkingSubscription): void {
  const ref = c.action.removeProduct;
  if (ref === undefined)
    refuse('missingRequired', `${c.where}.removeProduct is required for a RemoveProduct action.`);
  const plan = findPlan(c, sub, ref, `${c.where}.removeProduct`);
  plan.removed = true;
  plan.fields.AmendmentType = 'RemoveProduct';
  for (const charge of plan.charges) charge.fields.EffectiveEndDate = c.dates.contractEffective;
}

const locked = [
  ['billingPeriod', 'BillingPeriod', 'billing period'],
  ['billCycleType', 'BillCycleType', 'bill cycle type'],
  ['billingTiming', 'BillingTiming', 'billing timing'],
] as const;

export function updateProduct(c: ActionContext, sub: WorkingSubscription): void {
  const spec = c.action.updateProduct;
  const at = `${c.where}.updateProduct`;
  if (spec === undefined) refuse('missingRequired', `${at} is required for an UpdateProduct action.`);
  const plan = findPlan(c, sub, spec, at);
  plan.fields.AmendmentType = 'UpdateProduct';
  for (const [i, update] of (spec.chargeUpdates ?? []).entries()) {
    const where = `${at}.chargeUpdates[${i}]`;
    const charge = plan.charges.find(
      (ch) =>
        (update.chargeNumber !== undefined && ch.fields.ChargeNumber === update.chargeNumber) ||
        (update.uniqueToken !== undefined && ch.uniqueToken === update.uniqueToken),
    );
    if (charge === undefined)
      refuse(
        'invalidValue',
        `${where}: charge ${String(update.chargeNumber ?? update.uniqueToken)} is not on that rate plan of subscription ${sub.number}.`,
      );
    const currency = (update as { currency?: unknown }).currency;
    if (currency !== undefined && currency !== sub.fields.Currency)
      refuse(
        'ruleRestriction',
        `${where}: the currency of subscription ${sub.number} cannot be updated (${String(sub.fields.Currency)} -> ${JSON.stringify(currency)}).`,
      );
    for (const [key, field, label] of locked) {
      const wanted = update.billing?.[key];
      if (wanted !== undefined && periodKey(wanted) !== periodKey(charge.fields[field]))
        refuse(
          'ruleRestriction',
          `${where}: the ${label} of charge ${String(charge.fields.ChargeNumber)} cannot be updated (${String(charge.fields[field])} -> ${String(wanted)}); remove the product and add it again.`,
        );
    }
    if (update.billing?.billCycleDay !== undefined) charge.fields.BillCycleDay = update.billing.billCycleDay;
    if (update.description !== undefined) charge.fields.Description = update.description;
    if (update.pricing !== undefined)
      applyPricing(
        charge,
        update.pricing,
        c.env.uom(charge.fields.UOM),
        String(sub.fields.Currency),
        `${where}.pricing`,
      );
    const effective =
      update.effectiveDate === undefined
        ? c.dates.contractEffective
        : chargeTriggerDate(
            c.dates,
            update.effectiveDate.triggerEvent,
            update.effectiveDate.specificTriggerDate,
          );
    if (effective === null) sub.pending = true;
    charge.fields.EffectiveStartDate = effective ?? c.dates.contractEffective;
    charge.fields.Segment = Number(charge.fields.Segment ?? 1) + 1;
  }
}
