// After an order is in Zuora: which subscription, rate plan and charge each order product became (the rate
// plan's externallyManagedPlanId is the OrderItem Id, for a usage product the Id of its order product
// consumption schedule: the first one's rate plan and charge stand for the product), or which order line
// item, for the write-back.
import { subscriptionRatePlans, type CreatedOrder } from '../zuora/zuora-orders.js';
import type { CpqDeps } from './cpq-deps.js';
import type { ItemLink } from './order-outcome.js';
import type { CpqOrderBundle } from './rules/cpq-records.js';

/** Each order product's Zuora subscription, rate plan and charge (by externallyManagedPlanId) or order line
 * item (in the order they were sent). */
export async function itemLinks(
  deps: CpqDeps,
  b: CpqOrderBundle,
  body: Record<string, unknown>,
  created: CreatedOrder,
): Promise<ItemLink[]> {
  const links: ItemLink[] = [];
  const byItem = new Map<string, { number: string; ratePlanId: string; chargeId: string | null }>();
  for (const number of created.subscriptionNumbers) {
    const sub = await subscriptionRatePlans(deps.zuora, number);
    for (const rp of sub.ratePlans)
      if (rp.externallyManagedPlanId !== null)
        byItem.set(rp.externallyManagedPlanId, {
          number,
          ratePlanId: rp.id,
          chargeId: rp.charges[0]?.id ?? null,
        });
  }
  const sentLines = (body.orderLineItems as { purchaseOrderNumber: string }[] | undefined) ?? [];
  let line = 0;
  for (const i of b.items) {
    const s =
      byItem.get(i.Id) ??
      b.itemSchedules
        .filter((x) => x.SBQQ__OrderItem__c === i.Id)
        .map((x) => byItem.get(x.Id))
        .find((x) => x !== undefined);
    const oli =
      i.SBQQ__Subscription__c === null && line < sentLines.length
        ? (created.orderLineItems[line++]?.id ?? null)
        : null;
    links.push({
      itemId: i.Id,
      cpqSubscriptionId: i.SBQQ__Subscription__c,
      subscriptionNumber: s?.number ?? null,
      ratePlanId: s?.ratePlanId ?? null,
      ratePlanChargeId: s?.chargeId ?? null,
      orderLineItemId: oli,
    });
  }
  return links;
}
