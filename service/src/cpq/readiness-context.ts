// The readiness gate's view of an order (rules/readiness.ts): the orders whose products it revises, and
// whether each is in Zuora already (synced in Salesforce, or earlier in this session), and the other
// amendments of the same lineages not in Zuora yet.
import type { OrderRun } from './order-run.js';
import type { CpqOrderBundle } from './rules/cpq-records.js';
import type { OrderRef, ReadinessContext } from './rules/readiness.js';

export /** What the readiness gate needs: the orders this one revises and whether they are in Zuora. */
function readinessContext(run: OrderRun, b: CpqOrderBundle): ReadinessContext {
  const byOrder = new Map<
    string,
    { orderId: string; orderNumber: string; effectiveDate: string; synced: boolean; itemIds: string[] }
  >();
  for (const item of b.items) {
    const id = item.SBQQ__RevisedOrderProduct__c;
    const r = id === null ? undefined : run.revised.get(id);
    if (id === null || r === undefined) continue;
    const entry = byOrder.get(r.orderId) ?? {
      ...r,
      synced: r.synced || run.synced.has(r.orderId),
      itemIds: [],
    };
    entry.itemIds.push(id);
    byOrder.set(r.orderId, entry);
  }
  // Amendments of one contract run in start-date order: within a session cpq-session.ts sorts them, and an
  // activated amendment of the same lineages not in Zuora yet (from another session) goes first.
  const unsynced = new Map<string, OrderRef>();
  for (const item of b.items) {
    const root = item.SBQQ__RevisedOrderProduct__c;
    for (const o of root === null ? [] : (run.revisions.get(root) ?? []))
      if (o.orderId !== b.order.Id && o.activated && !o.synced && !run.synced.has(o.orderId))
        unsynced.set(o.orderId, o);
  }
  return { revisedOrders: [...byOrder.values()], unsyncedAmendments: [...unsynced.values()] };
}
