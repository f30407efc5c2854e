// Which order products become Zuora subscriptions and which order line items (seed 004, "About Order
// sync"): a product with a CPQ subscription (or Subscription Pricing, i.e. one CPQ contracts into a
// subscription) goes into a subscription, one Zuora subscription per SBQQ__Subscription__c; a one-time
// product becomes an order line item. Usage cannot be an order line item ("Order line items in Zuora do not
// support usage-based charges"). A subscription product not contracted yet is left to the readiness gate.
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-connector-sync/orders-sync-between-salesforce-cpq-and-zuora
import { fail, ok, type CpqResult } from './cpq-errors.js';
import type { CpqOrderBundle, CpqOrderItem, CpqSubscription } from './cpq-records.js';

export interface SubscriptionGroup {
  readonly subscription: CpqSubscription;
  readonly items: readonly CpqOrderItem[];
}

export interface ClassifiedItems {
  /** In the order of their first item. */
  readonly subscriptions: readonly SubscriptionGroup[];
  readonly lineItems: readonly CpqOrderItem[];
  /** Subscription products CPQ has not contracted yet (no SBQQ__Subscription__c). */
  readonly uncontracted: readonly CpqOrderItem[];
}

/** A product CPQ contracts into a subscription. */
export const isSubscriptionItem = (item: CpqOrderItem): boolean =>
  item.SBQQ__Subscription__c !== null || item.SBQQ__SubscriptionPricing__c !== null;

/** An order product with usage: consumption schedules on it, or a Usage charge type. */
export function isUsageItem(bundle: CpqOrderBundle, item: CpqOrderItem): boolean {
  return (
    item.SBQQ__ChargeType__c === 'Usage' || bundle.itemSchedules.some((s) => s.SBQQ__OrderItem__c === item.Id)
  );
}

const itemRecord = (item: CpqOrderItem, field: string) => ({ object: 'OrderItem', id: item.Id, field });

function refusal(bundle: CpqOrderBundle, item: CpqOrderItem): CpqResult<never> | undefined {
  if (item.SBQQ__SegmentKey__c !== null)
    return fail(
      'CPQ-E016',
      `order product ${item.OrderItemNumber} is a ramp segment`,
      itemRecord(item, 'SBQQ__SegmentKey__c'),
    );
  if (!isSubscriptionItem(item) && isUsageItem(bundle, item))
    return fail(
      'CPQ-E010',
      `order product ${item.OrderItemNumber} has usage charges but no subscription`,
      itemRecord(item, 'SBQQ__Subscription__c'),
    );
  if (
    item.SBQQ__Subscription__c === null &&
    item.SBQQ__ContractingMethod__c === 'Do Not Contract' &&
    isSubscriptionItem(item)
  )
    return fail(
      'CPQ-E003',
      `order product ${item.OrderItemNumber} is set to Do Not Contract, so it never gets a subscription`,
      itemRecord(item, 'SBQQ__ContractingMethod__c'),
    );
  return undefined;
}

export function classifyItems(bundle: CpqOrderBundle): CpqResult<ClassifiedItems> {
  const groups = new Map<string, { subscription: CpqSubscription; items: CpqOrderItem[] }>();
  const lineItems: CpqOrderItem[] = [];
  const uncontracted: CpqOrderItem[] = [];
  for (const item of bundle.items) {
    const refused = refusal(bundle, item);
    if (refused !== undefined) return refused;
    if (!isSubscriptionItem(item)) lineItems.push(item);
    else if (item.SBQQ__Subscription__c === null) uncontracted.push(item);
    else {
      const id = item.SBQQ__Subscription__c;
      const subscription = bundle.subscriptions.find((s) => s.Id === id);
      if (subscription === undefined)
        return fail(
          'CPQ-E003',
          `subscription ${id} of order product ${item.OrderItemNumber} was not found`,
          itemRecord(item, 'SBQQ__Subscription__c'),
        );
      const group = groups.get(id) ?? { subscription, items: [] };
      group.items.push(item);
      groups.set(id, group);
    }
  }
  return ok({ subscriptions: [...groups.values()], lineItems, uncontracted });
}
