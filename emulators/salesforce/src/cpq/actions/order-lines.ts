import type { StoredRecord } from '../../store/sf-error.js';
import type { CpqRuntime } from '../cpq-runtime.js';
import { childrenOf, getRecord, num, platformInsert, refuse, text } from '../record-access.js';

// An order product as CPQ writes it from a quote line: the product's CPQ settings copied onto the
// line, and one order-item consumption schedule (with its rates) per product consumption schedule in
// the order's currency ("When you quote, order, or contract this usage product, the resulting record
// receives one new consumption schedule for each consumption schedule on the original product":
// https://help.salesforce.com/apex/HTViewHelpDoc?id=sales.cpq_consumption_rate_relationships.htm).

export interface OrderLine {
  productId: string;
  quantity: number;
  unitPrice: number | undefined;
  serviceDate: string;
  endDate: string | null;
  termMonths: number;
  contractAction: string | null;
  revisedOrderProductId: string | null;
  quoteLineId: string | null;
  /** Consumption schedules of another currency than the order's (scenario trap). */
  scheduleCurrency?: string | undefined;
}

export function priceBookEntry(
  rt: CpqRuntime,
  order: StoredRecord,
  productId: string,
  path: string,
): StoredRecord {
  const entry = childrenOf(rt, rt.objects.pricebookEntry, 'Product2Id', productId).find(
    (e) =>
      e.Pricebook2Id === order.Pricebook2Id &&
      e.CurrencyIsoCode === order.CurrencyIsoCode &&
      e.IsActive === true,
  );
  if (!entry) {
    throw refuse(
      'FIELD_INTEGRITY_EXCEPTION',
      `${path}: product ${productId} has no active price book entry in ${String(order.CurrencyIsoCode)} in the order's price book`,
      [path],
    );
  }
  return entry;
}

function copySchedules(rt: CpqRuntime, itemId: string, productId: string, currency: string): void {
  const links = childrenOf(rt, rt.objects.productConsumptionSchedule, 'ProductId', productId);
  const schedules = links
    .map((l) => getRecord(rt.store, rt.objects.consumptionSchedule, l.ConsumptionScheduleId))
    .filter((s): s is StoredRecord => s !== undefined);
  const chosen = schedules.filter((s) => s.CurrencyIsoCode === currency);
  for (const schedule of chosen.length > 0 ? chosen : schedules.slice(0, 1)) {
    const oics = platformInsert(rt.store, rt.objects.itemSchedule, {
      Name: schedule.Name,
      SBQQ__OrderItem__c: itemId,
      SBQQ__ConsumptionSchedule__c: schedule.Id,
      SBQQ__BillingTerm__c: schedule.BillingTerm,
      SBQQ__BillingTermUnit__c: schedule.BillingTermUnit,
      SBQQ__Category__c: 'Rates',
      SBQQ__RatingMethod__c: schedule.RatingMethod,
      SBQQ__Type__c: schedule.Type,
      SBQQ__UnitOfMeasure__c: schedule.UnitOfMeasure,
      SBQQ__MatchingAttribute__c: schedule.MatchingAttribute,
      CurrencyIsoCode: schedule.CurrencyIsoCode,
    });
    const rates = childrenOf(rt, rt.objects.consumptionRate, 'ConsumptionScheduleId', String(schedule.Id));
    for (const rate of rates.sort((a, b) => num(a, 'ProcessingOrder') - num(b, 'ProcessingOrder'))) {
      const n = rt.store.table(rt.objects.itemRate).live.size + 1;
      platformInsert(rt.store, rt.objects.itemRate, {
        Name: `R-${String(n).padStart(6, '0')}`,
        SBQQ__OrderItemConsumptionSchedule__c: oics,
        SBQQ__LowerBound__c: rate.LowerBound,
        SBQQ__UpperBound__c: rate.UpperBound,
        SBQQ__Price__c: rate.Price,
        SBQQ__PricingMethod__c: rate.PricingMethod,
        SBQQ__ProcessingOrder__c: rate.ProcessingOrder,
      });
    }
  }
}

/** Adds one order product (and its consumption schedules) to a draft order; returns its Id. */
export function addOrderLine(rt: CpqRuntime, order: StoredRecord, line: OrderLine, path: string): string {
  const product = getRecord(rt.store, rt.objects.product, line.productId);
  if (!product)
    throw refuse('INVALID_CROSS_REFERENCE_KEY', `${path}: no Product2 with id ${line.productId}`, [path]);
  const entry = priceBookEntry(rt, order, line.productId, path);
  const subscription = product.SBQQ__SubscriptionPricing__c !== null;
  const itemId = platformInsert(rt.store, rt.objects.orderItem, {
    OrderId: order.Id,
    PricebookEntryId: entry.Id,
    Quantity: line.quantity,
    UnitPrice: line.unitPrice ?? entry.UnitPrice,
    ServiceDate: line.serviceDate,
    EndDate: subscription ? line.endDate : line.serviceDate,
    Description: text(product, 'Description'),
    SBQQ__ContractAction__c: line.contractAction,
    SBQQ__RevisedOrderProduct__c: line.revisedOrderProductId,
    SBQQ__QuoteLine__c: line.quoteLineId,
    SBQQ__Status__c: 'Draft',
    SBQQ__BookingsIndicator__c: 'Include',
    SBQQ__ChargeType__c: product.SBQQ__ChargeType__c,
    SBQQ__BillingType__c: product.SBQQ__BillingType__c,
    SBQQ__BillingFrequency__c: product.SBQQ__BillingFrequency__c,
    SBQQ__SubscriptionPricing__c: product.SBQQ__SubscriptionPricing__c,
    SBQQ__SubscriptionType__c: subscription ? product.SBQQ__SubscriptionType__c : 'One-time',
    SBQQ__ProductSubscriptionType__c: product.SBQQ__SubscriptionType__c,
    SBQQ__PricingMethod__c: product.SBQQ__PricingMethod__c,
    SBQQ__SubscriptionTerm__c: subscription ? line.termMonths : null,
    SBQQ__DefaultSubscriptionTerm__c: product.SBQQ__SubscriptionTerm__c,
    SBQQ__OrderedQuantity__c: line.quantity,
    SBQQ__QuotedQuantity__c: line.quantity,
    SBQQ__QuotedListPrice__c: entry.UnitPrice,
    SBQQ__ProrateMultiplier__c: 1,
  });
  copySchedules(rt, itemId, line.productId, line.scheduleCurrency ?? String(order.CurrencyIsoCode));
  return itemId;
}
