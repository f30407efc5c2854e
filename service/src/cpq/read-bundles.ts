// Reads the bundles of many orders at once (cpq-records.ts: an order with everything the rules need) in
// three Composite calls whatever their number: the orders with their items and consumption schedules and
// rates; the accounts, contacts, products, subscriptions and price book entries they name; and the
// product consumption schedules, consumption schedules, contracts, quotes and parent accounts.
import { soqlList } from '../salesforce/soql.js';
import type { CallCounter, CompositeWriter } from '../salesforce/composite-request.js';
import type {
  CpqAccount,
  CpqOrder,
  CpqOrderBundle,
  CpqOrderItem,
  CpqOrderItemConsumptionSchedule,
} from './rules/cpq-records.js';
import * as f from './rules/cpq-soql-fields.js';
import type { CpqSettings } from './rules/cpq-settings.js';
import { queryAll } from './sf-queries.js';
import {
  bundleOf,
  revisedOf,
  revisionsOf,
  type LineageRevision,
  type RevisedItem,
} from './assemble-bundle.js';

export type { LineageRevision, RevisedItem } from './assemble-bundle.js';

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
  /** Every order revising those order products' lineages, for the start-date order of amendments. */
  readonly revisions: ReadonlyMap<string, readonly LineageRevision[]>;
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
  const first = await queryAll(writer, counter, firstRound(ids, settings));
  const orders = first.orders as unknown as CpqOrder[];
  const items = first.items as unknown as CpqOrderItem[];
  const second = await queryAll(writer, counter, secondRound(orders, items, settings));
  const accounts = second.accounts as unknown as CpqAccount[];
  const schedules = first.schedules as unknown as CpqOrderItemConsumptionSchedule[];
  const third = await queryAll(writer, counter, thirdRound(orders, items, accounts, schedules));
  const all = { ...first, ...second, ...third };
  const bundles = new Map<string, CpqOrderBundle>();
  for (const order of orders) bundles.set(order.Id, bundleOf(order, all));
  const parents = new Map((third.parents as unknown as CpqAccount[]).map((a) => [a.Id, a]));
  return {
    bundles,
    parents,
    revised: revisedOf(third.revised),
    revisions: revisionsOf(third.revisions),
  };
}

function firstRound(ids: string[], settings: CpqSettings): Record<string, string> {
  const rateFields = settings.tierCaps.enabled
    ? [...f.orderItemRateFields, settings.tierCaps.field]
    : f.orderItemRateFields;
  return {
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
  };
}

function secondRound(
  orders: CpqOrder[],
  items: CpqOrderItem[],
  settings: CpqSettings,
): Record<string, string> {
  return {
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
  };
}

function thirdRound(
  orders: CpqOrder[],
  items: CpqOrderItem[],
  accounts: CpqAccount[],
  schedules: CpqOrderItemConsumptionSchedule[],
): Record<string, string> {
  return {
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
      [
        'Id',
        'OrderId',
        'OrderItemNumber',
        'Zuora_Subscription_Number__c',
        'Order.OrderNumber',
        'Order.EffectiveDate',
        'Order.Zuora_Sync_Status__c',
      ],
      'OrderItem',
      'Id',
      uniq(items.map((i) => i.SBQQ__RevisedOrderProduct__c)),
    ),
    revisions: unsyncedRevisions(uniq(items.map((i) => i.SBQQ__RevisedOrderProduct__c))),
  };
}

/** The order products of activated orders not in Zuora yet (never attempted included) that revise
 * these lineages. */
function unsyncedRevisions(roots: string[]): string {
  const fields = [
    'OrderId',
    'SBQQ__RevisedOrderProduct__c',
    'Order.OrderNumber',
    'Order.EffectiveDate',
    'Order.StatusCode',
    'Order.Zuora_Sync_Status__c',
  ];
  const query = select(fields, 'OrderItem', 'SBQQ__RevisedOrderProduct__c', roots);
  return query === ''
    ? ''
    : `${query} AND Order.StatusCode = 'Activated'` +
        ` AND (Order.Zuora_Sync_Status__c != 'Synced' OR Order.Zuora_Sync_Status__c = null)`;
}
