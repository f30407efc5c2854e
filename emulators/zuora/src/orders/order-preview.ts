// "Preview an order": the order is planned exactly as "Create an order" plans it (same rules and limits)
// and nothing is written. previewTypes ChargeMetrics (cmrr, tcv, tcb per charge with the delta from the
// current version), OrderDeltaMetrics (the deltas) and BillingDocs (the invoice items of each billing
// period, billed in advance, through the preview-through date; one-time charges and order line items on
// their start date) are computed; OrderMetrics and the ramp metrics are not emulated and are refused.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_PreviewOrder/ (PreviewOptions)
import { monthsPerPeriod } from '../catalog/billing-periods.js';
import { addDays, dateOf } from '../tenant/dates.js';
import { chargeMrr, chargeTcv, periodAmount, round2 } from './charge-metrics.js';
import { subscriptionTermMonths } from './commit-order.js';
import type { OrderCall } from './create-order.js';
import { OrderEnv } from './order-env.js';
import type { PreviewRequest } from './order-request.js';
import { attempt, refuse, type OrderFailure } from './order-refusal.js';
import { planOrder, type OrderPlan } from './plan-order.js';
import { addPeriod } from './subscription-terms.js';
import type { Fields, WorkingCharge, WorkingSubscription } from './working-subscription.js';

const maxInvoiceItems = 5000;
type Metric = { regular: number; discount: null; regularDelta: number; discountDelta: null };

function previous(env: OrderEnv, charge: WorkingCharge): { fields: Fields; tiers: Fields[] } | undefined {
  const stored =
    charge.sourceId === undefined ? undefined : env.store.get('RatePlanCharge', charge.sourceId)?.record;
  if (stored === undefined) return undefined;
  return {
    fields: stored,
    tiers: env.children.children('RatePlanChargeTier', 'RatePlanChargeId', stored.Id).map((t) => t.record),
  };
}

function chargeMetrics(env: OrderEnv, sub: WorkingSubscription): Record<string, unknown>[] {
  const months = subscriptionTermMonths(sub.fields);
  const prevMonths = sub.previous === undefined ? months : subscriptionTermMonths(sub.previous);
  return sub.ratePlans.flatMap((plan) =>
    plan.charges.map((charge) => {
      const before = previous(env, charge);
      const metric = (now: number, was: number): Metric => ({
        regular: round2(now),
        discount: null,
        regularDelta: round2(now - was),
        discountDelta: null,
      });
      const mrr = plan.removed ? 0 : chargeMrr(charge.fields, charge.tiers, months);
      const tcv = plan.removed ? 0 : chargeTcv(charge.fields, charge.tiers, months);
      const wasMrr = before === undefined ? 0 : chargeMrr(before.fields, before.tiers, prevMonths);
      const wasTcv = before === undefined ? 0 : chargeTcv(before.fields, before.tiers, prevMonths);
      return {
        productRatePlanId: plan.fields.ProductRatePlanId,
        productRatePlanChargeId: charge.fields.ProductRatePlanChargeId,
        originRatePlanId: plan.sourceId ?? null,
        chargeNumber: charge.fields.ChargeNumber,
        cmrr: metric(mrr, wasMrr),
        tcv: metric(tcv, wasTcv),
        tcb: metric(tcv, wasTcv),
      };
    }),
  );
}

function thruDate(
  request: PreviewRequest,
  plan: OrderPlan,
): string | ((start: string, periodMonths: number) => string) {
  const o = request.previewOptions;
  if (o.previewThruType === 'SpecificDate') {
    if (o.specificPreviewThruDate === undefined)
      refuse(
        'missingRequired',
        'previewOptions.specificPreviewThruDate is required with previewThruType SpecificDate.',
      );
    return o.specificPreviewThruDate;
  }
  if (o.previewThruType === 'NumberOfPeriods') {
    const n = o.previewNumberOfPeriods;
    if (n === undefined)
      refuse(
        'missingRequired',
        'previewOptions.previewNumberOfPeriods is required with previewThruType NumberOfPeriods.',
      );
    return (start, periodMonths) =>
      dateOf(addDays(new Date(`${addPeriod(start, Math.round(n * periodMonths), 'Month')}T00:00:00Z`), -1));
  }
  const ends = plan.subscriptions
    .map((s) => s.fields.TermEndDate)
    .filter((d): d is string => typeof d === 'string')
    .sort();
  return ends[ends.length - 1] ?? addPeriod(request.orderDate, 12, 'Month');
}

function invoiceItems(
  sub: WorkingSubscription,
  thru: ReturnType<typeof thruDate>,
  productName: (prp: unknown) => unknown,
): Record<string, unknown>[] {
  const months = subscriptionTermMonths(sub.fields);
  const items: Record<string, unknown>[] = [];
  for (const plan of sub.ratePlans.filter((p) => !p.removed))
    for (const charge of plan.charges) {
      const f = charge.fields;
      const start = typeof f.EffectiveStartDate === 'string' ? f.EffectiveStartDate : null;
      if (start === null || f.ChargeType === 'Usage') continue;
      const step =
        monthsPerPeriod(
          f.BillingPeriod,
          typeof f.SpecificBillingPeriod === 'number' ? f.SpecificBillingPeriod : null,
          months,
        ) ?? 1;
      const limit = typeof thru === 'string' ? thru : thru(start, step);
      const end = typeof f.EffectiveEndDate === 'string' ? f.EffectiveEndDate : '9999-12-31';
      const amount = round2(periodAmount(f, charge.tiers, months));
      for (let from = start, n = 0; from <= limit && from < end && items.length < maxInvoiceItems; n += 1) {
        const next =
          f.ChargeType === 'OneTime' ? from : addPeriod(start, Math.round((n + 1) * step), 'Month');
        items.push({
          subscriptionNumber: sub.number,
          chargeNumber: f.ChargeNumber,
          chargeName: f.Name,
          chargeDescription: f.Description ?? '',
          productName: productName(plan.fields.ProductRatePlanId),
          productRatePlanChargeId: f.ProductRatePlanChargeId,
          processingType: 'Charge',
          serviceStartDate: from,
          serviceEndDate:
            f.ChargeType === 'OneTime' ? from : dateOf(addDays(new Date(`${next}T00:00:00Z`), -1)),
          amountWithoutTax: amount,
          taxAmount: 0,
          additionalInfo: { quantity: f.Quantity ?? null, unitOfMeasure: f.UOM ?? null },
        });
        if (f.ChargeType === 'OneTime') break;
        from = next;
      }
    }
  return items;
}

function billingDocs(env: OrderEnv, request: PreviewRequest, plan: OrderPlan): Record<string, unknown>[] {
  const thru = thruDate(request, plan);
  const productName = (prpId: unknown): unknown => {
    const prp = env.store.get('ProductRatePlan', String(prpId))?.record;
    return env.store.get('Product', String(prp?.ProductId))?.record.Name ?? null;
  };
  const items = plan.subscriptions.flatMap((s) => invoiceItems(s, thru, productName));
  for (const l of plan.lineItems)
    if (typeof thru !== 'string' || String(l.BillTargetDate ?? l.TransactionStartDate) <= thru)
      items.push({
        orderLineItemNumber: null,
        chargeName: l.ItemName,
        processingType: 'Charge',
        serviceStartDate: l.TransactionStartDate,
        serviceEndDate: l.TransactionEndDate,
        amountWithoutTax: l.Amount,
        taxAmount: 0,
      });
  if (items.length === 0) return [];
  const amount = round2(items.reduce((n, i) => n + Number(i.amountWithoutTax), 0));
  const targetDate =
    typeof thru === 'string'
      ? thru
      : items
          .map((i) => String(i.serviceStartDate))
          .sort()
          .pop();
  return [{ amount, amountWithoutTax: amount, taxAmount: 0, targetDate, invoiceItems: items }];
}

export function previewOrder(
  call: OrderCall,
  request: PreviewRequest,
): { ok: true; result: Record<string, unknown> } | OrderFailure {
  const env = new OrderEnv(call.store, call.entityId, call.settings, call.mode);
  const computed = attempt(() => {
    const types = request.previewOptions.previewTypes;
    const unsupported = types.filter(
      (t) => !['ChargeMetrics', 'BillingDocs', 'OrderDeltaMetrics'].includes(t),
    );
    if (unsupported.length > 0)
      refuse(
        'unsupported',
        `previewOptions.previewTypes ${unsupported.join(', ')} are not emulated; use ChargeMetrics, BillingDocs or OrderDeltaMetrics.`,
      );
    const plan = planOrder(env, request, true);
    const metrics = plan.subscriptions.map((s) => ({
      subscriptionNumber: s.number,
      charges: chargeMetrics(env, s),
    }));
    const delta = (key: 'cmrr' | 'tcv' | 'tcb') =>
      metrics.flatMap((m) =>
        m.charges.map((c) => ({
          subscriptionNumber: m.subscriptionNumber,
          chargeNumber: c.chargeNumber,
          productRatePlanChargeId: c.productRatePlanChargeId,
          amount: (c[key] as Metric).regularDelta,
        })),
      );
    return {
      success: true,
      previewResult: {
        ...(types.includes('ChargeMetrics') ? { chargeMetrics: metrics } : {}),
        ...(types.includes('BillingDocs') ? { invoices: billingDocs(env, request, plan) } : {}),
        ...(types.includes('OrderDeltaMetrics')
          ? {
              orderDeltaMetrics: {
                orderDeltaMrr: delta('cmrr'),
                orderDeltaTcv: delta('tcv'),
                orderDeltaTcb: delta('tcb'),
              },
            }
          : {}),
      },
    };
  });
  return computed.ok ? { ok: true, result: computed.value } : computed;
}
