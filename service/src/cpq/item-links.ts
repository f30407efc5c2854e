// After an order is in Zuora: which subscription, rate plan and charge each order product became, or which
// order line item, for the write-back. A rate plan names its order product by externallyManagedPlanId (the
// OrderItem Id; usage: the order product consumption schedule Id); an amendment or renewal line is linked
// to the rate plan of its lineage's first order product (SBQQ__RevisedOrderProduct__c), in the subscription
// the order changed.
import { subscriptionRatePlans, type CreatedOrder } from '../zuora/zuora-orders.js';
import type { CpqDeps } from './cpq-deps.js';
import type { ItemLink } from './order-outcome.js';
import type { RevisedItem } from './read-bundles.js';
import type { CpqOrderBundle } from './rules/cpq-records.js';

type Link = { number: string; ratePlanId: string | null; chargeId: string | null };

/** The subscriptions the order created or changed: its answer's, and those its actions name. */
function orderSubscriptions(body: Record<string, unknown>, created: CreatedOrder): string[] {
  const named = ((body.subscriptions as { subscriptionNumber?: string }[] | undefined) ?? [])
    .map((s) => s.subscriptionNumber)
    .filter((n): n is string => typeof n === 'string');
  return [...new Set([...created.subscriptionNumbers, ...named])];
}

/** Each order product's Zuora subscription, rate plan and charge, or order line item (in the order sent). */
export async function itemLinks(
  deps: CpqDeps,
  b: CpqOrderBundle,
  body: Record<string, unknown>,
  created: CreatedOrder,
  revised: ReadonlyMap<string, Pick<RevisedItem, 'itemNumber'>>,
): Promise<ItemLink[]> {
  const scheduleItem = new Map(b.itemSchedules.map((s) => [s.Id, s.SBQQ__OrderItem__c]));
  const byItem = new Map<string, Link>();
  const byCharge = new Map<string, Link>();
  const keep = (map: Map<string, Link>, key: string, link: Link, removed: boolean) => {
    if (!removed || !map.has(key)) map.set(key, link);
  };
  for (const number of orderSubscriptions(body, created)) {
    const sub = await subscriptionRatePlans(deps.zuora, number);
    for (const rp of sub.ratePlans) {
      const link = { number, ratePlanId: rp.id, chargeId: rp.charges[0]?.id ?? null };
      const removed = rp.lastChangeType === 'Remove';
      for (const c of rp.charges) keep(byCharge, c.number, { ...link, chargeId: c.id }, removed);
      const managed = rp.externallyManagedPlanId;
      if (managed !== null) keep(byItem, scheduleItem.get(managed) ?? managed, link, removed);
    }
  }
  // A revising line: the rate plan of its lineage's first order product, or the charge numbered after it.
  const lineage = (root: string | null): Link | undefined =>
    root === null ? undefined : (byItem.get(root) ?? byCharge.get(revised.get(root)?.itemNumber ?? ''));
  const sentLines = (body.orderLineItems as { purchaseOrderNumber: string }[] | undefined) ?? [];
  let line = 0;
  const links: ItemLink[] = [];
  for (const i of b.items) {
    const s = byItem.get(i.Id) ?? lineage(i.SBQQ__RevisedOrderProduct__c);
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
