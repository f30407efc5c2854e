// One Zuora order per Salesforce order (reference §1.8 step 7, §2.2): order number = OrderNumber, order date
// = Effective Date, the invoice owner as the order's account, one CreateSubscription per CPQ subscription
// (subscription number = its Name, terms, owner, contacts, currency, payment term, rate plans with charge
// overrides and tiers, trigger dates) and order line items for one-time products. The body is what
// POST /v1/async/orders takes; limits of the async call are checked first so nothing too large is sent.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_CreateOrderAsynchronously/
import type { PlanContext } from './charge-overrides.js';
import type { ClassifiedItems } from './classify-items.js';
import { createSubscription } from './create-subscription-action.js';
import { mappedCustomFields } from './cpq-custom-mappings.js';
import { fail, ok, type CpqResult } from './cpq-errors.js';
import { orderLimitsProblem } from './order-limits.js';
import { orderLineItems } from './order-line-items.js';
import { orderTriggerDates, type OrderTriggerDates, type TenantActivation } from './trigger-dates.js';
import type { CreateOrderBody, OrderSubscription } from './zuora-order-request.js';

export { refuseNonUpdatable, type SyncedCharge } from './non-updatable.js';

export interface BuildOrderInputs extends PlanContext {
  readonly classified: ClassifiedItems;
  /** Zuora account numbers of the invoice owner (the order's account unless InvoiceOwner__c) and subscription owner. */
  readonly invoiceOwnerAccountNumber: string;
  readonly subscriptionOwnerAccountNumber: string;
  /** Zuora contact ids chosen by contact-precedence; absent: the accounts' own. */
  readonly billToContactId?: string;
  readonly soldToContactId?: string;
  readonly currency: string;
  readonly tenant: TenantActivation;
}

export interface BuiltOrder extends Pick<OrderTriggerDates, 'expectedStatus' | 'missing'> {
  readonly body: CreateOrderBody;
}

/** The Idempotency-Key of the order's submission: the order and its version (≤255 characters). */
export const orderIdempotencyKey = (order: { Id: string; SystemModstamp: string }): string =>
  `cpq-order:${order.Id}:${order.SystemModstamp}`;

export function buildOrder(i: BuildOrderInputs): CpqResult<BuiltOrder> {
  const { bundle, settings, classified } = i;
  const { order } = bundle;
  const first = classified.uncontracted[0];
  if (first !== undefined)
    return fail('CPQ-E003', `order product ${first.OrderItemNumber} has no CPQ subscription`, {
      object: 'OrderItem',
      id: first.Id,
      field: 'SBQQ__Subscription__c',
    });
  const dates = orderTriggerDates(order, settings.triggerDatesOnOrder, i.tenant);
  const subscriptions: OrderSubscription[] = [];
  for (const group of classified.subscriptions) {
    const s = createSubscription(i, group, dates);
    if (!s.ok) return s;
    subscriptions.push(s.value);
  }
  const owner =
    i.subscriptionOwnerAccountNumber === i.invoiceOwnerAccountNumber
      ? undefined
      : i.subscriptionOwnerAccountNumber;
  const lineItems = orderLineItems(
    bundle,
    classified.lineItems,
    i.needs,
    i.ratePlans,
    { ownerAccountNumber: owner, billToContactId: i.billToContactId, soldToContactId: i.soldToContactId },
    settings,
  );
  const custom = mappedCustomFields(
    settings.customFieldMappings.order,
    order as unknown as Record<string, unknown>,
  );
  const body: CreateOrderBody = {
    orderNumber: order.OrderNumber,
    orderDate: order.EffectiveDate,
    existingAccountNumber: i.invoiceOwnerAccountNumber,
    ...(order.Description === null ? {} : { description: order.Description.slice(0, 500) }),
    ...(Object.keys(custom).length > 0 ? { customFields: custom } : {}),
    subscriptions,
    orderLineItems: lineItems,
  };
  const problem = orderLimitsProblem(body, order.Id);
  if (problem !== undefined) return problem;
  return ok({ body, expectedStatus: dates.expectedStatus, missing: dates.missing });
}
