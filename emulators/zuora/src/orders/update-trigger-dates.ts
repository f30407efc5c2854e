// "Update order action trigger dates" of a Pending order: the service activation and customer acceptance
// dates of its actions (by sequence) and the specific trigger date of SpecificDate charges. A pending
// subscription becomes Active once it has both dates and every charge has started; the order becomes
// Completed once none of its actions waits for a date.
// https://developer.zuora.com/v1-api-reference/api/operation/PUT_OrderTriggerDates/
import { z } from 'zod';
import type { ZRecord } from '../model/zuora-record.js';
import type { ChildIndex } from '../query/relations.js';
import type { TenantStore } from '../store/tenant-store.js';
import { dateSchema } from './order-pricing-schema.js';
import { attempt, refuse, type OrderFailure } from './order-refusal.js';

export const triggerDatesRequestSchema = z
  .object({
    subscriptions: z
      .array(
        z.object({
          subscriptionNumber: z.string().min(1).max(100),
          orderActions: z
            .array(
              z.object({
                sequence: z.number().int().min(0),
                triggerDates: z
                  .array(
                    z.object({
                      name: z.enum(['ServiceActivation', 'CustomerAcceptance']),
                      triggerDate: dateSchema,
                    }),
                  )
                  .optional(),
                charges: z
                  .array(z.object({ chargeNumber: z.string().min(1), specificTriggerDate: dateSchema }))
                  .optional(),
              }),
            )
            .min(1),
        }),
      )
      .min(1),
  })
  .passthrough();

export type TriggerDatesRequest = z.infer<typeof triggerDatesRequestSchema>;

const pendingStatuses = new Set(['Pending Activation', 'Pending Acceptance']);

type ActionDates = TriggerDatesRequest['subscriptions'][number]['orderActions'][number];

/** The charges an action names must exist on its subscription version and be triggered on a specific date. */
function checkCharges(children: ChildIndex, action: ZRecord, spec: ActionDates, at: string): void {
  const charges = children
    .children('RatePlanCharge', 'SubscriptionId', String(action.SubscriptionId))
    .map((c) => c.record);
  for (const c of spec.charges ?? []) {
    const charge = charges.find((ch) => ch.ChargeNumber === c.chargeNumber);
    if (charge === undefined)
      refuse(
        'invalidValue',
        `${at}.charges: no charge ${c.chargeNumber} on subscription ${String(action.SubscriptionNumber)}.`,
      );
    if (charge.TriggerEvent !== 'SpecificDate')
      refuse('invalidValue', `${at}.charges: charge ${c.chargeNumber} is not triggered on a specific date.`);
  }
}

function applyAction(store: TenantStore, children: ChildIndex, action: ZRecord, spec: ActionDates): void {
  const patch: Record<string, string> = {};
  for (const d of spec.triggerDates ?? [])
    patch[d.name === 'ServiceActivation' ? 'ServiceActivationDate' : 'CustomerAcceptanceDate'] =
      d.triggerDate;
  if (Object.keys(patch).length > 0) store.update('OrderAction', action.Id, patch);
  const sub = store.get('Subscription', String(action.SubscriptionId))?.record;
  if (sub === undefined) return;
  const charges = children.children('RatePlanCharge', 'SubscriptionId', sub.Id).map((c) => c.record);
  for (const c of spec.charges ?? []) {
    const charge = charges.find((ch) => ch.ChargeNumber === c.chargeNumber);
    if (charge === undefined) continue;
    store.update('RatePlanCharge', charge.Id, {
      TriggerDate: c.specificTriggerDate,
      EffectiveStartDate: c.specificTriggerDate,
    });
  }
  if (action.Type !== 'CreateSubscription') return;
  const sa =
    patch.ServiceActivationDate ??
    (typeof sub.ServiceActivationDate === 'string' ? sub.ServiceActivationDate : null);
  const ca =
    patch.CustomerAcceptanceDate ??
    (typeof sub.ContractAcceptanceDate === 'string' ? sub.ContractAcceptanceDate : null);
  for (const charge of charges) {
    const date =
      charge.TriggerEvent === 'ServiceActivation'
        ? sa
        : charge.TriggerEvent === 'CustomerAcceptance'
          ? ca
          : undefined;
    if (date !== undefined && date !== null)
      store.update('RatePlanCharge', charge.Id, { EffectiveStartDate: date });
  }
  const started = charges.every((c) => store.get('RatePlanCharge', c.Id)?.record.EffectiveStartDate !== null);
  const status =
    sa === null ? 'Pending Activation' : ca === null || !started ? 'Pending Acceptance' : 'Active';
  store.update('Subscription', sub.Id, {
    ServiceActivationDate: sa,
    ContractAcceptanceDate: ca,
    ...(pendingStatuses.has(String(sub.Status)) ? { Status: status } : {}),
  });
}

/** Applies the request to a Pending order; the order's new status and its subscriptions. */
export function updateTriggerDates(
  store: TenantStore,
  children: ChildIndex,
  order: ZRecord,
  request: TriggerDatesRequest,
): { ok: true; result: Record<string, unknown> } | OrderFailure {
  const done = attempt(() => {
    if (order.Status !== 'Pending')
      refuse(
        'ruleRestriction',
        `Order ${String(order.OrderNumber)} is ${String(order.Status)}; only a Pending order's trigger dates can be updated.`,
      );
    const actions = children.children('OrderAction', 'OrderId', order.Id).map((a) => a.record);
    // Check every reference first, so a bad one changes nothing.
    const targets = request.subscriptions.flatMap((s, i) =>
      s.orderActions.map((spec, j) => {
        const action = actions.find(
          (a) => a.SubscriptionNumber === s.subscriptionNumber && a.Sequence === spec.sequence,
        );
        if (action === undefined)
          refuse(
            'invalidValue',
            `subscriptions[${i}].orderActions[${j}]: order ${String(order.OrderNumber)} has no action ${spec.sequence} on subscription ${s.subscriptionNumber}.`,
          );
        checkCharges(children, action, spec, `subscriptions[${i}].orderActions[${j}]`);
        return { action, spec };
      }),
    );
    for (const t of targets) applyAction(store, children, t.action, t.spec);
    const waiting = actions.some((a) => {
      const current = store.get('OrderAction', a.Id)?.record ?? a;
      const sub = store.get('Subscription', String(current.SubscriptionId))?.record;
      return (
        current.ServiceActivationDate === null ||
        current.CustomerAcceptanceDate === null ||
        pendingStatuses.has(String(sub?.Status))
      );
    });
    if (!waiting) store.update('Order', order.Id, { Status: 'Completed' });
    const subscriptions = [...new Set(actions.map((a) => String(a.SubscriptionId)))].map(
      (id) => store.get('Subscription', id)?.record,
    );
    return {
      success: true,
      orderNumber: order.OrderNumber,
      accountNumber: store.get('Account', String(order.AccountId))?.record.AccountNumber ?? null,
      status: store.get('Order', order.Id)?.record.Status ?? order.Status,
      subscriptions: subscriptions.map((s) => ({
        subscriptionNumber: s?.Name ?? null,
        status: s?.Status ?? null,
      })),
    };
  });
  return done.ok ? { ok: true, result: done.value } : done;
}
