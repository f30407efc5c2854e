// Terms of a new Zuora subscription from the CPQ subscription ([ZBC-map] Subscription table): start = the
// CPQ subscription's start (use_subscription_start_date) or the contract's; Evergreen stays Evergreen,
// anything else is termed and renews with the same term. The term is in months (end = start + term), or in
// days with subscription_term_in_days (end = Salesforce end + 1 day); a term that is not whole months is
// refused with the list price base (whole months only, [ZBC-adv]) and sent in days otherwise.
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-field-mappings-guide
import { fail, ok, type CpqResult } from './cpq-errors.js';
import type { CpqContract, CpqSubscription } from './cpq-records.js';
import type { Terms } from './zuora-order-request.js';
import { addDays, daysBetween, wholeMonthsBetween } from './sf-dates.js';

export interface TermOptions {
  readonly useSubscriptionStartDate: boolean;
  readonly subscriptionTermInDays: boolean;
  readonly useListPriceBase: boolean;
}

export const isEvergreen = (s: CpqSubscription): boolean =>
  s.SBQQ__SubscriptionType__c === 'Evergreen' || s.SBQQ__ProductSubscriptionType__c === 'Evergreen';

export interface SubscriptionTerms {
  readonly terms: Terms;
  /** Whole months of the term, when it has them (the list price base's specific months). */
  readonly months: number | undefined;
}

export function subscriptionTerms(
  s: CpqSubscription,
  contract: CpqContract | null,
  o: TermOptions,
): CpqResult<SubscriptionTerms> {
  const record = { object: 'SBQQ__Subscription__c', id: s.Id };
  const start = o.useSubscriptionStartDate
    ? s.SBQQ__SubscriptionStartDate__c
    : (contract?.StartDate ?? s.SBQQ__SubscriptionStartDate__c);
  if (start === null)
    return fail('CPQ-E018', `subscription ${s.Name} has no start date`, {
      ...record,
      field: 'SBQQ__SubscriptionStartDate__c',
    });
  if (isEvergreen(s))
    return ok({ terms: { initialTerm: { startDate: start, termType: 'EVERGREEN' } }, months: undefined });
  const end = s.SBQQ__SubscriptionEndDate__c;
  if (end === null)
    return fail('CPQ-E018', `subscription ${s.Name} has no end date`, {
      ...record,
      field: 'SBQQ__SubscriptionEndDate__c',
    });
  const months = wholeMonthsBetween(start, addDays(end, 1));
  if (months === undefined && o.useListPriceBase)
    return fail('CPQ-E017', `subscription ${s.Name} runs ${start} to ${end}`, {
      ...record,
      field: 'SBQQ__SubscriptionEndDate__c',
    });
  const inDays = o.subscriptionTermInDays || months === undefined;
  const period = inDays ? daysBetween(start, addDays(end, 1)) : months;
  const periodType = inDays ? ('Day' as const) : ('Month' as const);
  if (period < 1)
    return fail('CPQ-E018', `subscription ${s.Name} ends before it starts`, {
      ...record,
      field: 'SBQQ__SubscriptionEndDate__c',
    });
  return ok({
    terms: {
      initialTerm: { startDate: start, termType: 'TERMED', period, periodType },
      renewalSetting: 'RENEW_WITH_SPECIFIC_TERM',
      renewalTerms: [{ period, periodType }],
    },
    months,
  });
}
