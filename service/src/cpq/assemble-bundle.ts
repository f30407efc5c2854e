// Assembles one order's bundle (cpq-records.ts) from the records read for many orders at once, and the
// order products amendments revise with their orders.
import type {
  CpqAccount,
  CpqContact,
  CpqOrder,
  CpqOrderBundle,
  CpqOrderItem,
  CpqOrderItemConsumptionRate,
  CpqOrderItemConsumptionSchedule,
  CpqSubscription,
} from './rules/cpq-records.js';
import type { SfRecord } from './sf-queries.js';

export interface RevisedItem {
  readonly orderId: string;
  readonly orderNumber: string;
  readonly effectiveDate: string;
  readonly synced: boolean;
  /** The order product's own number (its Zuora charge number) and its write-back's subscription number. */
  readonly itemNumber: string;
  readonly subscriptionNumber: string | null;
}

interface RevisedRow {
  Id: string;
  OrderId: string;
  OrderItemNumber: string;
  Zuora_Subscription_Number__c: string | null;
  Order: { OrderNumber: string; EffectiveDate: string; Zuora_Sync_Status__c: string | null } | null;
}

export function revisedOf(rows: SfRecord[] | undefined): Map<string, RevisedItem> {
  return new Map(
    ((rows ?? []) as unknown as RevisedRow[]).map((r) => [
      r.Id,
      {
        orderId: r.OrderId,
        orderNumber: r.Order?.OrderNumber ?? '',
        effectiveDate: r.Order?.EffectiveDate ?? '',
        synced: r.Order?.Zuora_Sync_Status__c === 'Synced',
        itemNumber: r.OrderItemNumber,
        subscriptionNumber: r.Zuora_Subscription_Number__c ?? null,
      },
    ]),
  );
}

/** An amendment or renewal order revising one of the lineages (by first order product). */
export interface LineageRevision {
  readonly orderId: string;
  readonly orderNumber: string;
  readonly effectiveDate: string;
  readonly activated: boolean;
  readonly synced: boolean;
}

interface RevisionRow {
  OrderId: string;
  SBQQ__RevisedOrderProduct__c: string;
  Order: {
    OrderNumber: string;
    EffectiveDate: string;
    StatusCode: string | null;
    Zuora_Sync_Status__c: string | null;
  } | null;
}

/** The orders revising each lineage, by its first order product. */
export function revisionsOf(rows: SfRecord[] | undefined): Map<string, LineageRevision[]> {
  const out = new Map<string, LineageRevision[]>();
  for (const r of (rows ?? []) as unknown as RevisionRow[]) {
    const list = out.get(r.SBQQ__RevisedOrderProduct__c) ?? [];
    if (list.some((o) => o.orderId === r.OrderId)) continue;
    list.push({
      orderId: r.OrderId,
      orderNumber: r.Order?.OrderNumber ?? '',
      effectiveDate: r.Order?.EffectiveDate ?? '',
      activated: r.Order?.StatusCode === 'Activated',
      synced: r.Order?.Zuora_Sync_Status__c === 'Synced',
    });
    out.set(r.SBQQ__RevisedOrderProduct__c, list);
  }
  return out;
}

function byId<T extends { Id: string }>(records: SfRecord[] | undefined): Map<string, T> {
  return new Map(((records ?? []) as unknown as T[]).map((r) => [r.Id, r]));
}

export function bundleOf(order: CpqOrder, all: Record<string, SfRecord[]>): CpqOrderBundle {
  const accounts = byId<CpqAccount>(all.accounts);
  const contacts = byId<CpqContact>(all.contacts);
  const items = ((all.items ?? []) as unknown as CpqOrderItem[]).filter((i) => i.OrderId === order.Id);
  const itemIds = new Set(items.map((i) => i.Id));
  const productIds = new Set(items.map((i) => i.Product2Id));
  const subIds = new Set(items.map((i) => i.SBQQ__Subscription__c));
  const itemSchedules = ((all.schedules ?? []) as unknown as CpqOrderItemConsumptionSchedule[]).filter((s) =>
    itemIds.has(s.SBQQ__OrderItem__c),
  );
  const scheduleIds = new Set(itemSchedules.map((s) => s.Id));
  const productSchedules = (all.productSchedules ?? []).filter((p) => productIds.has(String(p.ProductId)));
  const consumptionIds = new Set([
    ...itemSchedules.map((s) => s.SBQQ__ConsumptionSchedule__c),
    ...productSchedules.map((p) => String(p.ConsumptionScheduleId)),
  ]);
  const contractId = items.find((i) => i.SBQQ__Contract__c !== null)?.SBQQ__Contract__c ?? order.ContractId;
  const entryIds = new Set(items.map((i) => i.PricebookEntryId));
  return {
    order,
    account: accounts.get(order.AccountId) as CpqAccount,
    invoiceOwner: order.InvoiceOwner__c === null ? null : (accounts.get(order.InvoiceOwner__c) ?? null),
    subscriptionOwner:
      order.SubscriptionOwner__c === null ? null : (accounts.get(order.SubscriptionOwner__c) ?? null),
    billToContact: order.BillToContactId === null ? null : (contacts.get(order.BillToContactId) ?? null),
    shipToContact: order.ShipToContactId === null ? null : (contacts.get(order.ShipToContactId) ?? null),
    items,
    subscriptions: ((all.subscriptions ?? []) as unknown as CpqSubscription[]).filter((s) =>
      subIds.has(s.Id),
    ),
    products: ((all.products ?? []) as unknown as CpqOrderBundle['products'][number][]).filter((p) =>
      productIds.has(p.Id),
    ),
    pricebookEntries: ((all.entries ?? []) as unknown as CpqOrderBundle['pricebookEntries'][number][]).filter(
      (e) => entryIds.has(e.Id),
    ),
    itemSchedules,
    itemRates: ((all.rates ?? []) as unknown as CpqOrderItemConsumptionRate[]).filter((r) =>
      scheduleIds.has(r.SBQQ__OrderItemConsumptionSchedule__c),
    ),
    productSchedules: productSchedules as unknown as CpqOrderBundle['productSchedules'][number][],
    consumptionSchedules: (
      (all.consumptionSchedules ?? []) as unknown as CpqOrderBundle['consumptionSchedules'][number][]
    ).filter((c) => consumptionIds.has(c.Id)),
    contract:
      contractId === null
        ? null
        : (byId<NonNullable<CpqOrderBundle['contract']>>(all.contracts).get(contractId) ?? null),
    quote:
      order.SBQQ__Quote__c === null
        ? null
        : (byId<NonNullable<CpqOrderBundle['quote']>>(all.quotes).get(order.SBQQ__Quote__c) ?? null),
  };
}
