import type { StoredRecord } from '../store/sf-error.js';
import { addDays, monthsBetween } from './cpq-dates.js';
import { lineageRootItem } from './actions/contract-lineages.js';
import type { CpqRuntime } from './cpq-runtime.js';
import {
  atomically,
  childrenOf,
  getRecord,
  num,
  platformInsert,
  platformUpdate,
  refuse,
  text,
} from './record-access.js';

// The contracting job: one Contract per new or renewal order (an amendment adds to the amended
// contract), one SBQQ__Subscription__c per subscription order product, then each product is linked to
// its subscription and contract. The order itself is not written: after contracting Order.ContractId
// stays empty and the contract points at the order through SBQQ__Order__c ([STF] stripe-force tests:
// "initial orders have a nil contract ID"). Amendment deltas become their own subscription rows,
// linked to the lineage's root by SBQQ__RevisedSubscription__c; negative deltas carry
// SBQQ__TerminatedDate__c = amendment start - 1 day (reference §3.1, §3.4).

/** A subscription product (CPQ: Subscription Pricing set); others become assets, not subscriptions. */
export const isSubscriptionItem = (item: StoredRecord): boolean =>
  item.SBQQ__SubscriptionPricing__c !== null && item.SBQQ__SubscriptionPricing__c !== undefined;

function createContract(rt: CpqRuntime, order: StoredRecord, items: StoredRecord[]): string {
  const starts = items.map((i) => text(i, 'ServiceDate')).filter((d): d is string => d !== null);
  const start = starts.sort()[0] ?? String(order.EffectiveDate);
  const quote = getRecord(rt.store, rt.objects.quote, order.SBQQ__Quote__c);
  const end = text(order, 'EndDate');
  const term = num(quote, 'SBQQ__SubscriptionTerm__c') || (end ? monthsBetween(start, end) : 12);
  return platformInsert(rt.store, rt.objects.contract, {
    AccountId: order.AccountId,
    Status: 'Draft',
    StartDate: start,
    ContractTerm: term,
    Pricebook2Id: order.Pricebook2Id,
    CurrencyIsoCode: order.CurrencyIsoCode,
    SBQQ__Order__c: order.Id,
    SBQQ__Quote__c: order.SBQQ__Quote__c,
    SBQQ__Opportunity__c: order.OpportunityId,
    SBQQ__RenewalTerm__c: order.SBQQ__RenewalTerm__c ?? term,
    SBQQ__RenewalForecast__c: false,
  });
}

/** The root subscription of the lineage an amendment line revises (in the amended contract). */
function rootSubscription(rt: CpqRuntime, contractId: string, item: StoredRecord): StoredRecord | null {
  const revised = text(item, 'SBQQ__RevisedOrderProduct__c');
  if (!revised || item.SBQQ__ContractAction__c === 'Renew') return null;
  const root = childrenOf(rt, rt.objects.subscription, 'SBQQ__Contract__c', contractId).find(
    (s) => s.SBQQ__RevisedSubscription__c === null && lineageRootItem(rt, s) === revised,
  );
  if (!root)
    throw refuse(
      'FIELD_INTEGRITY_EXCEPTION',
      `No subscription of contract ${contractId} for revised order product ${revised}`,
    );
  return root;
}

function createSubscription(
  rt: CpqRuntime,
  order: StoredRecord,
  item: StoredRecord,
  contract: StoredRecord,
): string {
  const root = rootSubscription(rt, String(contract.Id), item);
  const quantity = num(item, 'Quantity');
  const start = text(item, 'ServiceDate') ?? text(contract, 'StartDate');
  const product = getRecord(rt.store, rt.objects.product, item.Product2Id);
  return platformInsert(rt.store, rt.objects.subscription, {
    SBQQ__Account__c: order.AccountId,
    SBQQ__Contract__c: contract.Id,
    SBQQ__Product__c: item.Product2Id,
    SBQQ__OrderProduct__c: item.Id,
    SBQQ__QuoteLine__c: item.SBQQ__QuoteLine__c,
    SBQQ__Quantity__c: quantity,
    SBQQ__RenewalQuantity__c: quantity > 0 ? quantity : null,
    SBQQ__NetPrice__c: item.UnitPrice,
    SBQQ__CustomerPrice__c: item.UnitPrice,
    SBQQ__RegularPrice__c: item.UnitPrice,
    SBQQ__ListPrice__c: item.ListPrice,
    SBQQ__SubscriptionStartDate__c: start,
    SBQQ__SubscriptionEndDate__c:
      text(item, 'EndDate') ?? text(root, 'SBQQ__EndDate__c') ?? text(contract, 'EndDate'),
    SBQQ__RevisedSubscription__c: root?.Id ?? null,
    SBQQ__RootId__c: root?.Id ?? null,
    SBQQ__TerminatedDate__c: quantity < 0 && start ? addDays(start, -1) : null,
    SBQQ__SubscriptionType__c: item.SBQQ__SubscriptionType__c,
    SBQQ__ProductSubscriptionType__c: item.SBQQ__ProductSubscriptionType__c,
    SBQQ__BillingFrequency__c: item.SBQQ__BillingFrequency__c,
    SBQQ__BillingType__c: item.SBQQ__BillingType__c,
    SBQQ__ChargeType__c: item.SBQQ__ChargeType__c,
    SBQQ__PricingMethod__c: item.SBQQ__PricingMethod__c,
    SBQQ__SubscriptionPricing__c: item.SBQQ__SubscriptionPricing__c,
    SBQQ__HasConsumptionSchedule__c: product?.SBQQ__HasConsumptionSchedule__c === true,
    CurrencyIsoCode: order.CurrencyIsoCode,
  });
}

/** Contracts one order in one transaction; returns the contract, or null when nothing is to do. */
export function contractOrder(rt: CpqRuntime, orderId: string): string | null {
  const { store, objects: o } = rt;
  if (rt.faults.lockRowRatio > 0 && Math.random() < rt.faults.lockRowRatio)
    throw refuse(
      'UNABLE_TO_LOCK_ROW',
      `unable to obtain exclusive access to this record or 1 records: ${orderId}`,
    );
  const order = getRecord(store, o.order, orderId);
  if (!order || order.StatusCode !== 'Activated' || order.SBQQ__Contracted__c !== true) return null;
  const items = childrenOf(rt, o.orderItem, 'OrderId', orderId).filter(
    (i) => i.SBQQ__Contracted__c !== true && i.SBQQ__ContractingMethod__c !== 'Do Not Contract',
  );
  const opportunity = getRecord(store, o.opportunity, order.OpportunityId);
  const amended = text(opportunity, 'SBQQ__AmendedContract__c');
  return atomically(store, () => {
    const contractId = amended ?? createContract(rt, order, items);
    const contract = getRecord(store, o.contract, contractId);
    if (!contract) throw refuse('INVALID_CROSS_REFERENCE_KEY', `Contract ${contractId} is gone`);
    for (const item of items) {
      const subscription = isSubscriptionItem(item) ? createSubscription(rt, order, item, contract) : null;
      platformUpdate(store, o.orderItem, String(item.Id), {
        SBQQ__Subscription__c: subscription,
        SBQQ__Contract__c: contractId,
        SBQQ__Contracted__c: true,
      });
    }
    return contractId;
  });
}
