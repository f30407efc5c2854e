import { sfError, type SfError, type StoredRecord } from '../store/sf-error.js';
import type { AutomationRule } from './automation-rule.js';
import type { CpqRuntime } from './cpq-runtime.js';
import { rollUpToOrder } from './order-rules.js';
import { getRecord, num, round2 } from './record-access.js';

// Order products: the price book entry must belong to the order's price book and currency (the
// messages orgs return: "Order Products must have a Price Book Entry that belongs to the Price Book
// related to the parent Order." https://github.com/forcedotcom/b2b-commerce-on-lightning-quickstart/issues/13;
// "Enter the same currency as the parent Order."
// https://github.com/SFDO-Community/declarative-lookup-rollup-summaries/issues/994). The product and
// list price come from the entry; the currency from the order; TotalPrice = Quantity x UnitPrice.

function checkEntry(rt: CpqRuntime, next: StoredRecord, order: StoredRecord): SfError[] | null {
  const entry = getRecord(rt.store, rt.objects.pricebookEntry, next.PricebookEntryId);
  if (!entry) return null; // the reference check already refused it
  if (order.Pricebook2Id === null || entry.Pricebook2Id !== order.Pricebook2Id) {
    return [
      sfError(
        'FIELD_INTEGRITY_EXCEPTION',
        'Order Products must have a Price Book Entry that belongs to the Price Book related to the parent Order.',
        ['PricebookEntryId'],
      ),
    ];
  }
  if (entry.CurrencyIsoCode !== order.CurrencyIsoCode)
    return [
      sfError('FIELD_INTEGRITY_EXCEPTION', 'Enter the same currency as the parent Order.', [
        'CurrencyIsoCode',
      ]),
    ];
  next.Product2Id ??= entry.Product2Id ?? null;
  next.ListPrice = entry.UnitPrice ?? null;
  return null;
}

export const orderItemRule: AutomationRule = {
  object: 'orderItem',
  beforeSave(rt, next, current) {
    const order = getRecord(rt.store, rt.objects.order, next.OrderId);
    if (!order) return null;
    if (!current) {
      const refused = checkEntry(rt, next, order);
      if (refused) return refused;
    }
    next.CurrencyIsoCode = order.CurrencyIsoCode ?? null;
    const amount = round2(num(next, 'Quantity') * num(next, 'UnitPrice'));
    next.TotalPrice = amount;
    next.AvailableQuantity = next.Quantity ?? null;
    // Formula of the managed field: IF(ISPICKVAL(SBQQ__BookingsIndicator__c, 'Include'), UnitPrice * Quantity, 0).
    next.SBQQ__OrderProductBookings__c = next.SBQQ__BookingsIndicator__c === 'Include' ? amount : 0;
    return null;
  },
  afterSave(rt, saved, previous) {
    rollUpToOrder(rt, saved.OrderId, previous, saved);
  },
  afterDelete(rt, removed) {
    rollUpToOrder(rt, removed.OrderId, removed, null);
  },
};
