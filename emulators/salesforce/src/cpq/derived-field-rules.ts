import type { StoredRecord } from '../store/sf-error.js';
import type { AutomationRule } from './automation-rule.js';
import { termEnd } from './cpq-dates.js';
import { getRecord, num, text } from './record-access.js';

// Fields an org computes on save or evaluates as formulas. Formulas are evaluated here when the
// record is saved, not on every read (a later change to the parent does not reflow into them).

const contractStatusCodes: Record<string, string> = {
  Draft: 'Draft',
  'In Approval Process': 'InApproval',
  Activated: 'Activated',
};

/** Contract: StatusCode by Status category; EndDate = StartDate + ContractTerm months - 1 day. */
export const contractRule: AutomationRule = {
  object: 'contract',
  beforeSave(rt, next, current) {
    next.StatusCode = contractStatusCodes[String(next.Status)] ?? 'Draft';
    const start = text(next, 'StartDate');
    const term = num(next, 'ContractTerm');
    next.EndDate = start && term > 0 ? termEnd(start, term) : null;
    if (next.StatusCode === 'Activated' && current?.StatusCode !== 'Activated') {
      next.ActivatedDate ??= rt.store.now();
      next.ActivatedById ??= rt.actingUserId();
    }
    return null;
  },
};

/**
 * SBQQ__Subscription__c formulas: start/end fall back from the segment to the subscription to the
 * contract dates; contract number and product id/name read through the lookups.
 */
export const subscriptionRule: AutomationRule = {
  object: 'subscription',
  beforeSave(rt, next) {
    const contract = getRecord(rt.store, rt.objects.contract, next.SBQQ__Contract__c);
    const product = getRecord(rt.store, rt.objects.product, next.SBQQ__Product__c);
    next.SBQQ__StartDate__c =
      next.SBQQ__SegmentStartDate__c ?? next.SBQQ__SubscriptionStartDate__c ?? contract?.StartDate ?? null;
    next.SBQQ__EndDate__c =
      next.SBQQ__SegmentEndDate__c ?? next.SBQQ__SubscriptionEndDate__c ?? contract?.EndDate ?? null;
    next.SBQQ__ContractNumber__c = contract?.ContractNumber ?? null;
    next.SBQQ__ProductId__c = product ? String(product.Id) : null;
    next.SBQQ__ProductName__c = product?.Name ?? null;
    return null;
  },
};

/** Opportunity IsClosed/IsWon follow the stage (standard stages "Closed Won" / "Closed Lost"). */
export const opportunityRule: AutomationRule = {
  object: 'opportunity',
  beforeSave(_rt, next) {
    next.IsWon = next.StageName === 'Closed Won';
    next.IsClosed = next.IsWon || next.StageName === 'Closed Lost';
    return null;
  },
};

/** A price book entry shows its product's name and code. */
export const pricebookEntryRule: AutomationRule = {
  object: 'pricebookEntry',
  beforeSave(rt, next) {
    const product = getRecord(rt.store, rt.objects.product, next.Product2Id);
    next.Name = product?.Name ?? null;
    next.ProductCode = product?.ProductCode ?? null;
    return null;
  },
};

/** Contact.Name is the compound of first and last name. */
export const contactRule: AutomationRule = {
  object: 'contact',
  beforeSave(_rt, next) {
    next.Name = [next.FirstName, next.LastName].filter((p) => p !== null && p !== '').join(' ');
    return null;
  },
};

/** Master-detail children take the master's currency. */
export const quoteLineRule: AutomationRule = {
  object: 'quoteLine',
  beforeSave(rt, next) {
    next.CurrencyIsoCode =
      getRecord(rt.store, rt.objects.quote, next.SBQQ__Quote__c)?.CurrencyIsoCode ?? null;
    return null;
  },
};

export const itemRateRule: AutomationRule = {
  object: 'itemRate',
  beforeSave(rt, next) {
    const schedule = getRecord(rt.store, rt.objects.itemSchedule, next.SBQQ__OrderItemConsumptionSchedule__c);
    next.CurrencyIsoCode = schedule?.CurrencyIsoCode ?? null;
    return null;
  },
};

function countRates(
  rt: Parameters<NonNullable<AutomationRule['afterSave']>>[0],
  rate: StoredRecord,
  by: number,
): void {
  const schedule = getRecord(rt.store, rt.objects.consumptionSchedule, rate.ConsumptionScheduleId);
  if (!schedule) return;
  rt.store.patch(
    rt.objects.consumptionSchedule,
    String(schedule.Id),
    { NumberOfRates: num(schedule, 'NumberOfRates') + by },
    false,
  );
}

/** ConsumptionSchedule.NumberOfRates counts its rates. */
export const consumptionRateRule: AutomationRule = {
  object: 'consumptionRate',
  afterSave(rt, saved, previous) {
    if (!previous) countRates(rt, saved, 1);
  },
  afterDelete(rt, removed) {
    countRates(rt, removed, -1);
  },
};
