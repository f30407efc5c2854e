// Subscription terms: a TERMED term runs from its start date for period x periodType (Month, Year, Day,
// Week) and needs both; an EVERGREEN term has no end. Renewal terms apply to TERMED subscriptions with
// RENEW_WITH_SPECIFIC_TERM.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/ (CreateSubscriptionTerms,
// InitialTerm, RenewalTerm)
import { addDays, addMonths, dateOf } from '../tenant/dates.js';
import { refuse } from './order-refusal.js';

export type PeriodType = 'Month' | 'Year' | 'Day' | 'Week';

export interface TermSpec {
  period?: number | undefined;
  periodType?: PeriodType | undefined;
  termType: 'TERMED' | 'EVERGREEN';
}

export function addPeriod(start: string, period: number, periodType: PeriodType): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (periodType === 'Month') return dateOf(addMonths(d, period));
  if (periodType === 'Year') return dateOf(addMonths(d, period * 12));
  return dateOf(addDays(d, periodType === 'Week' ? period * 7 : period));
}

/** Months in a term (days and weeks as fractions), for metrics. */
export function termMonths(period: number, periodType: PeriodType): number {
  if (periodType === 'Month') return period;
  if (periodType === 'Year') return period * 12;
  return ((periodType === 'Week' ? period * 7 : period) * 12) / 365;
}

/** Checks a TERMED term names its period; the term's end date (null for EVERGREEN). */
export function termEnd(start: string, term: TermSpec, where: string): string | null {
  if (term.termType === 'EVERGREEN') return null;
  if (term.period === undefined || term.periodType === undefined)
    refuse('missingRequired', `${where}: period and periodType are required for a TERMED term.`);
  return addPeriod(start, term.period, term.periodType);
}
