// CPQ amendments and renewals as Zuora order actions on the synced subscriptions (reference §1.9): a
// quantity change (signed delta) -> UpdateProduct to the new absolute quantity (usage: RemoveProduct +
// AddProduct, as the legacy connector does); a cancelled line -> CancelSubscription on the amendment's
// start (RemoveProduct when the subscription keeps other lines); a price change (CPQ debook + rebook) ->
// cancel + a new subscription; an added product -> CreateSubscription (its own CPQ subscription); a renewal
// -> RenewSubscription (and UpdateProduct when the renewal price differs); a changed invoice or
// subscription owner -> OwnerTransfer (an owner-only amendment's lines have a delta of 0 and change nothing
// else). Each line finds its Zuora rate plan through the first order product of its lineage.
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-connector-sync/orders-sync-from-salesforce-cpq-common-use-cases
import type { BuildOrderInputs, BuiltOrder } from './build-order.js';
import { ratePlanOverrides } from './charge-overrides.js';
import { createSubscription } from './create-subscription-action.js';
import { fail, ok, type CpqResult } from './cpq-errors.js';
import type { CpqOrderItem } from './cpq-records.js';
import { lineActions, type LineAction } from './line-actions.js';
import { orderLimitsProblem } from './order-limits.js';
import { orderLineItems } from './order-line-items.js';
import type { SyncedLine } from './synced-line.js';
import { orderTriggerDates, type OrderTriggerDates } from './trigger-dates.js';
import type { OrderAction, OrderSubscription } from './zuora-order-request.js';

export interface AmendmentInputs extends BuildOrderInputs {
  /** The order products already in Zuora, by their lineage's first order product. */
  readonly synced: readonly SyncedLine[];
}

/** OwnerTransfer to the order's invoice owner and/or subscription owner where they differ from Zuora's:
 * https://docs.zuora.com/en/zuora-billing/manage-accounts-subscriptions-and-non-subscriptions/manage-subscription-transactions/orders/order-actions-tutorials/change-owners-of-subscriptions/use-the-rest-api---change-owners-of-subscriptions */
function ownerTransfer(i: AmendmentInputs, line: SyncedLine): OrderAction[] {
  const invoice = line.invoiceOwnerAccountNumber !== i.invoiceOwnerAccountNumber;
  const owner = line.subscriptionOwnerAccountNumber;
  const subscription = owner !== undefined && owner !== i.subscriptionOwnerAccountNumber;
  if (!invoice && !subscription) return [];
  return [
    {
      type: 'OwnerTransfer',
      ownerTransfer: {
        ...(subscription ? { destinationAccountNumber: i.subscriptionOwnerAccountNumber } : {}),
        ...(invoice ? { destinationInvoiceAccountNumber: i.invoiceOwnerAccountNumber } : {}),
        ...(!invoice || i.billToContactId === undefined ? {} : { billToContactId: i.billToContactId }),
        ...(!subscription || i.soldToContactId === undefined ? {} : { soldToContactId: i.soldToContactId }),
      },
    },
  ];
}

/** The actions on one synced subscription, with the trigger dates of the amended order. */
function subscriptionActions(
  i: AmendmentInputs,
  number: string,
  actions: readonly LineAction[],
  dates: OrderTriggerDates,
): CpqResult<OrderAction[]> {
  const lines = i.synced.filter((l) => l.subscriptionNumber === number);
  const cancelled = actions.filter((a) => a.kind === 'cancel');
  if (cancelled.length > 0 && cancelled.length === lines.length)
    return ok([
      {
        type: 'CancelSubscription',
        triggerDates: dates.triggerDates,
        cancelSubscription: {
          cancellationPolicy: 'SpecificDate',
          cancellationEffectiveDate: cancelled[0]?.date ?? i.bundle.order.EffectiveDate,
        },
      },
    ]);
  const out: OrderAction[] = [];
  for (const a of actions) {
    if (a.kind === 'add') {
      const plans = ratePlanOverrides(i, { subscription: a.subscription, items: [a.item] }, undefined);
      if (!plans.ok) return plans;
      out.push(
        ...plans.value.map((p) => ({ type: 'AddProduct', triggerDates: dates.triggerDates, addProduct: p })),
      );
    } else if (a.kind === 'cancel')
      // The subscription keeps other lines: only this one goes.
      out.push({
        type: 'RemoveProduct',
        triggerDates: dates.triggerDates,
        removeProduct: { ratePlanId: a.line.ratePlanId },
      });
    else out.push(...a.actions.map((x) => ({ ...x, triggerDates: dates.triggerDates })));
  }
  const first = lines[0];
  if (first !== undefined && !actions.some((a) => a.kind === 'cancel')) out.push(...ownerTransfer(i, first));
  return ok(out);
}

const isNewLine = (item: CpqOrderItem): boolean => item.SBQQ__RevisedOrderProduct__c === null;

export function amendmentOrder(i: AmendmentInputs): CpqResult<BuiltOrder> {
  const { bundle, settings } = i;
  const dates = orderTriggerDates(bundle.order, settings.triggerDatesOnOrder, i.tenant);
  const planned = lineActions(bundle, i.synced);
  if (!planned.ok) return planned;
  const subscriptions: OrderSubscription[] = [];
  for (const [number, actions] of planned.value) {
    const built = subscriptionActions(i, number, actions, dates);
    if (!built.ok) return built;
    if (built.value.length > 0) subscriptions.push({ subscriptionNumber: number, orderActions: built.value });
  }
  for (const group of i.classified.subscriptions.filter((g) => g.items.every(isNewLine))) {
    const created = createSubscription(i, group, dates);
    if (!created.ok) return created;
    subscriptions.push(created.value);
  }
  if (subscriptions.length === 0 && i.classified.lineItems.length === 0)
    return fail('CPQ-E024', `order ${bundle.order.OrderNumber} changes nothing in Zuora`, {
      object: 'Order',
      id: bundle.order.Id,
    });
  const owner =
    i.subscriptionOwnerAccountNumber === i.invoiceOwnerAccountNumber
      ? undefined
      : i.subscriptionOwnerAccountNumber;
  const body = {
    orderNumber: bundle.order.OrderNumber,
    orderDate: bundle.order.EffectiveDate,
    existingAccountNumber: i.invoiceOwnerAccountNumber,
    ...(bundle.order.Description === null ? {} : { description: bundle.order.Description.slice(0, 500) }),
    subscriptions,
    orderLineItems: orderLineItems(
      bundle,
      i.classified.lineItems,
      i.needs,
      i.ratePlans,
      { ownerAccountNumber: owner, billToContactId: i.billToContactId, soldToContactId: i.soldToContactId },
      settings,
    ),
  };
  const problem = orderLimitsProblem(body, bundle.order.Id);
  return problem ?? ok({ body, expectedStatus: dates.expectedStatus, missing: dates.missing });
}
