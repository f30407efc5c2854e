import type { StoredRecord } from '../../store/sf-error.js';
import type { CpqRuntime } from '../cpq-runtime.js';
import { childrenOf, num, round2, text } from '../record-access.js';

// A contract's subscription lineages: each root SBQQ__Subscription__c plus its amendment deltas
// (SBQQ__RevisedSubscription__c = root). The current quantity is the sum of the rows; the root's order
// product is the "first line of the lineage" every later revision points at through
// OrderItem.SBQQ__RevisedOrderProduct__c ([STF] translate/order.rb; reference §3.3).

export interface Lineage {
  root: StoredRecord;
  rootId: string;
  /** The order product that created the root subscription. */
  rootItemId: string;
  productId: string;
  quantity: number;
  unitPrice: number;
  endDate: string | null;
  subscriptionType: string | null;
}

/**
 * The first line of a root subscription's lineage: its order product, or, for a renewal line (which
 * revises the line it renews), the line that one revises. Renewals keep the lineage, as the Zuora
 * subscription they renew keeps its rate plans (our reading of reference §1.9 and §3.3).
 */
export function lineageRootItem(rt: CpqRuntime, root: StoredRecord): string {
  const own = String(root.SBQQ__OrderProduct__c);
  const item = rt.store.table(rt.objects.orderItem).live.get(own);
  return typeof item?.SBQQ__RevisedOrderProduct__c === 'string' ? item.SBQQ__RevisedOrderProduct__c : own;
}

export function contractLineages(rt: CpqRuntime, contractId: string): Lineage[] {
  const rows = childrenOf(rt, rt.objects.subscription, 'SBQQ__Contract__c', contractId);
  const lineages = new Map<string, Lineage>();
  for (const row of rows) {
    if (row.SBQQ__RevisedSubscription__c !== null) continue;
    lineages.set(String(row.Id), {
      root: row,
      rootId: String(row.Id),
      rootItemId: lineageRootItem(rt, row),
      productId: String(row.SBQQ__Product__c),
      quantity: num(row, 'SBQQ__Quantity__c'),
      unitPrice: num(row, 'SBQQ__NetPrice__c'),
      endDate: text(row, 'SBQQ__EndDate__c'),
      subscriptionType: text(row, 'SBQQ__SubscriptionType__c'),
    });
  }
  for (const row of rows) {
    const lineage = lineages.get(String(row.SBQQ__RevisedSubscription__c));
    if (lineage) lineage.quantity = round2(lineage.quantity + num(row, 'SBQQ__Quantity__c'));
  }
  return [...lineages.values()];
}

/** The lineage a subscription row belongs to (its own or its root's). */
export function lineageOf(lineages: Lineage[], subscriptionId: string, rt: CpqRuntime): Lineage | undefined {
  const direct = lineages.find((l) => l.rootId === subscriptionId);
  if (direct) return direct;
  const row = rt.store.table(rt.objects.subscription).live.get(subscriptionId);
  return lineages.find((l) => l.rootId === row?.SBQQ__RevisedSubscription__c);
}
