// Reads the bundles of many orders at once (cpq-records.ts: an order with everything the rules need) in
// three Composite calls whatever their number: the orders with their items and consumption schedules and
// rates; the accounts, contacts, products, subscriptions and price book entries they name; and the
// product consumption schedules, consumption schedules, contracts, quotes and parent accounts.
import { soqlList } from '../salesforce/soql.js';
import type { CallCounter, CompositeWriter } from '../salesforce/composite-request.js';
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
import * as f from './rules/cpq-soql-fields.js';
import type { CpqSettings } from './rules/cpq-settings.js';
import { queryAll, type SfRecord } from './sf-queries.js';

const uniq = (values: readonly (string | null | undefined)[]): string[] => [
  ...new Set(values.filter((v): v is string => typeof v === 'string' && v !== '')),
];

const select = (fields: readonly string[], object: string, where: string, ids: readonly string[]): string =>
  ids.length === 0 ? '' : `${f.selectClause(fields)} FROM ${object} WHERE ${where} IN (${soqlList(ids)})`;

export interface BundleRead {
  readonly bundles: ReadonlyMap<string, CpqOrderBundle>;
  /** Parent accounts of the bundles' accounts (by Id), for the Zuora customer hierarchy. */
  readonly parents: ReadonlyMap<string, CpqAccount>;
  /** The order products amendments revise (SBQQ__RevisedOrderProduct__c), by Id, with their order. */
  readonly revised: ReadonlyMap<string, RevisedItem>;
}

export interface RevisedItem {
  readonly orderId: string;
  readonly orderNumber: string;
  readonly effectiveDate: string;
  readonly synced: boolean;
}

interface RevisedRow {
  Id: string;
  OrderId: string;
  Order: { OrderNumber: string; EffectiveDate: string; Zuora_Sync_Status__c: string | null } | null;
}

function revisedOf(rows: SfRecord[] | undefined): Map<string, RevisedItem> {
  return new Map(
    ((rows ?? []) as unknown as RevisedRow[]).map((r) => [
      r.Id,
      {
        orderId: r.OrderId,
        orderNumber: r.Order?.OrderNumber ?? '',
        effectiveDate: r.Order?.EffectiveDate ?? '',
        synced: r.Order?.Zuora_Sync_Status__c === 'Synced',
      },
    ]),
  );
}

function extraSubscriptionFields(settings: CpqSettings): string[] {
  return settings.priceOverrideField === undefined ? [] : [settings.priceOverrideField];
}

export async function readBundles(
  writer: CompositeWriter,
  counter: CallCounter,
  orderIds: readonly string[],
  settings: CpqSettings,
): Promise<BundleRead> {
  const ids = uniq(orderIds);
  const rateFields = settings.tierCaps.enabled
    ? [...f.orderItemRateFields, settings.tierCaps.field]
    : f.orderItemRateFields;
  const first = await queryAll(writer, counter, {
    orders: select(f.orderFields, 'Order', 'Id', ids),
    items: select(f.orderItemFields, 'OrderItem', 'OrderId', ids),
    schedules: select(
      f.orderItemScheduleFields,
      'SBQQ__OrderItemConsumptionSchedule__c',
      'SBQQ__OrderItem__r.OrderId',
      ids,
    ),
    rates: select(
      rateFields,
      'SBQQ__OrderItemConsumptionRate__c',
      'SBQQ__OrderItemConsumptionSchedule__r.SBQQ__OrderItem__r.OrderId',
      ids,
    ),
  });
  const orders = first.orders as unknown as CpqOrder[];
  const items = first.items as unknown as CpqOrderItem[];
  const second = await queryAll(writer, counter, {
    accounts: select(
      f.accountFields,
      'Account',
      'Id',
      uniq(orders.flatMap((o) => [o.AccountId, o.InvoiceOwner__c, o.SubscriptionOwner__c])),
    ),
    contacts: select(
      f.contactFields,
      'Contact',
      'Id',
      uniq(orders.flatMap((o) => [o.BillToContactId, o.ShipToContactId])),
    ),
    products: select(f.product2Fields, 'Product2', 'Id', uniq(items.map((i) => i.Product2Id))),
    subscriptions: select(
      [...f.subscriptionFields, ...extraSubscriptionFields(settings)],
      'SBQQ__Subscription__c',
      'Id',
      uniq(items.map((i) => i.SBQQ__Subscription__c)),
    ),
    entries: select(
      f.pricebookEntryFields,
      'PricebookEntry',
      'Id',
      uniq(items.map((i) => i.PricebookEntryId)),
    ),
  });
  const accounts = second.accounts as unknown as CpqAccount[];
  const schedules = first.schedules as unknown as CpqOrderItemConsumptionSchedule[];
  const third = await queryAll(writer, counter, {
    productSchedules: select(
      f.productConsumptionScheduleFields,
      'ProductConsumptionSchedule',
      'ProductId',
      uniq(items.map((i) => i.Product2Id)),
    ),
    consumptionSchedules: select(
      f.consumptionScheduleFields,
      'ConsumptionSchedule',
      'Id',
      uniq(schedules.map((s) => s.SBQQ__ConsumptionSchedule__c)),
    ),
    contracts: select(f.contractFields, 'Contract', 'Id', uniq(items.map((i) => i.SBQQ__Contract__c))),
    quotes: select(f.quoteFields, 'SBQQ__Quote__c', 'Id', uniq(orders.map((o) => o.SBQQ__Quote__c))),
    parents: select(f.accountFields, 'Account', 'Id', uniq(accounts.map((a) => a.ParentId))),
    revised: select(
      ['Id', 'OrderId', 'Order.OrderNumber', 'Order.EffectiveDate', 'Order.Zuora_Sync_Status__c'],
      'OrderItem',
      'Id',
      uniq(items.map((i) => i.SBQQ__RevisedOrderProduct__c)),
    ),
  });
  const all = { ...first, ...second, ...third };
  const bundles = new Map<string, CpqOrderBundle>();
  for (const order of orders) bundles.set(order.Id, bundleOf(order, all));
  const parents = new Map((third.parents as unknown as CpqAccount[]).map((a) => [a.Id, a]));
  return { bundles, parents, revised: revisedOf(third.revised) };
}

function byId<T extends { Id: string }>(records: SfRecord[] | undefined): Map<string, T> {
  return new Map(((records ?? []) as unknown as T[]).map((r) => [r.Id, r]));
}

function bundleOf(order: CpqOrder, all: Record<string, SfRecord[]>): CpqOrderBundle {
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
