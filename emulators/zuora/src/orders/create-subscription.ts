// CreateSubscription: a new subscription owned by subscriptionOwnerAccountNumber (else the order's
// account), invoiced to the order's account, in `currency` (else the invoice owner's currency; "all
// subscriptions in the same order must use the same currency"), numbered as given (unique) or generated,
// with its terms, contacts, payment term and rate plans. While a required trigger date is missing it is
// Pending Activation / Pending Acceptance.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/ (CreateOrderCreateSubscription)
import { isCurrencyCode } from '../catalog/currencies.js';
import { contactOf, paymentTermOf, type ActionContext } from './action-context.js';
import { refuse } from './order-refusal.js';
import { subscribeRatePlan } from './subscribe-rate-plan.js';
import { termEnd } from './subscription-terms.js';
import type { Fields, WorkingSubscription } from './working-subscription.js';

export interface NewSubscriptionState {
  /** Currency of the subscriptions this order creates (the first one fixes it). */
  currency?: string;
  /** Numbers this order creates, so two new subscriptions never share one. */
  numbers: Set<string>;
}

type CreateSpec = NonNullable<ActionContext['action']['createSubscription']>;

function subscriptionCurrency(
  c: ActionContext,
  cs: CreateSpec,
  state: NewSubscriptionState,
  at: string,
): string {
  const currency = cs.currency ?? String(c.orderAccount.record.Currency);
  if (!isCurrencyCode(currency))
    refuse('invalidValue', `${at}.currency '${String(currency)}' is not a valid currency code.`);
  if (state.currency !== undefined && state.currency !== currency)
    refuse(
      'invalidValue',
      `${at}.currency: all subscriptions in the same order must use the same currency (${state.currency}, not ${currency}).`,
    );
  state.currency = currency;
  return currency;
}

function subscriptionNumber(
  c: ActionContext,
  cs: CreateSpec,
  containerNumber: string | undefined,
  state: NewSubscriptionState,
  at: string,
): string {
  if (
    cs.subscriptionNumber !== undefined &&
    containerNumber !== undefined &&
    containerNumber !== cs.subscriptionNumber
  )
    refuse(
      'invalidValue',
      `${c.where}: the subscription number of the container and of createSubscription differ.`,
    );
  const number = cs.subscriptionNumber ?? containerNumber ?? c.env.nextSubscriptionNumber(state.numbers);
  if (state.numbers.has(number) || c.env.subscriptionNumberUsed(number))
    refuse('invalidValue', `${at}.subscriptionNumber: subscription ${number} already exists.`);
  state.numbers.add(number);
  return number;
}

/** Term fields of the new subscription (12 months TERMED when the request names no terms). */
function termFields(c: ActionContext, cs: CreateSpec, at: string): Fields {
  const terms = cs.terms ?? {
    initialTerm: { period: 12, periodType: 'Month' as const, termType: 'TERMED' as const },
  };
  const initial = terms.initialTerm;
  const start = initial.startDate ?? c.dates.contractEffective;
  const end = termEnd(start, initial, `${at}.terms.initialTerm`);
  const evergreen = initial.termType === 'EVERGREEN';
  const renewal = terms.renewalTerms?.[0];
  const renewalSetting = terms.renewalSetting ?? 'RENEW_WITH_SPECIFIC_TERM';
  if (
    !evergreen &&
    renewalSetting === 'RENEW_WITH_SPECIFIC_TERM' &&
    renewal !== undefined &&
    renewal.periodType === undefined
  )
    refuse('missingRequired', `${at}.terms.renewalTerms[0].periodType is required.`);
  const termed = <T>(v: T): T | null => (evergreen ? null : v);
  return {
    AutoRenew: evergreen ? false : (terms.autoRenew ?? false),
    SubscriptionStartDate: start,
    SubscriptionEndDate: end,
    TermStartDate: start,
    TermEndDate: end,
    TermType: initial.termType,
    InitialTerm: termed(initial.period ?? null),
    InitialTermPeriodType: termed(initial.periodType ?? null),
    CurrentTerm: termed(initial.period ?? null),
    CurrentTermPeriodType: termed(initial.periodType ?? null),
    RenewalSetting: termed(renewalSetting),
    RenewalTerm: termed(renewal?.period ?? initial.period ?? null),
    RenewalTermPeriodType: termed(renewal?.periodType ?? initial.periodType ?? null),
  };
}

export function createSubscription(
  c: ActionContext,
  containerNumber: string | undefined,
  state: NewSubscriptionState,
): WorkingSubscription {
  const cs = c.action.createSubscription;
  const at = `${c.where}.createSubscription`;
  if (cs === undefined) refuse('missingRequired', `${at} is required for a CreateSubscription action.`);
  const owner =
    cs.subscriptionOwnerAccountNumber === undefined
      ? c.orderAccount
      : c.env.account(cs.subscriptionOwnerAccountNumber);
  if (owner === undefined)
    refuse(
      'invalidValue',
      `${at}.subscriptionOwnerAccountNumber: no account ${String(cs.subscriptionOwnerAccountNumber)}.`,
    );
  if (cs.newSubscriptionOwnerAccount !== undefined)
    refuse(
      'unsupported',
      `${at}.newSubscriptionOwnerAccount is not supported by the emulator; create the account first.`,
    );
  const currency = subscriptionCurrency(c, cs, state, at);
  const number = subscriptionNumber(c, cs, containerNumber, state, at);
  const fields: Fields = {
    AccountId: owner.record.Id,
    InvoiceOwnerId: c.orderAccount.record.Id,
    Name: number,
    SubscriptionNumber: number,
    Version: 1,
    Status: c.dates.pendingStatus ?? 'Active',
    ContractEffectiveDate: c.dates.contractEffective,
    ServiceActivationDate: c.dates.serviceActivation,
    ContractAcceptanceDate: c.dates.customerAcceptance,
    ...termFields(c, cs, at),
    Notes: cs.notes ?? null,
    Currency: currency,
    PaymentTerm:
      cs.paymentTerm === undefined ? null : paymentTermOf(c.env, cs.paymentTerm, `${at}.paymentTerm`),
    InvoiceGroupNumber: cs.invoiceGroupNumber ?? null,
    BillToContactId:
      cs.billToContactId === undefined
        ? null
        : contactOf(c.env, cs.billToContactId, c.orderAccount, `${at}.billToContactId`),
    SoldToContactId:
      cs.soldToContactId === undefined
        ? null
        : contactOf(c.env, cs.soldToContactId, owner, `${at}.soldToContactId`),
  };
  const sub: WorkingSubscription = { number, fields, ratePlans: [], actions: [], pending: c.dates.pending };
  for (const [i, spec] of (cs.subscribeToRatePlans ?? []).entries()) {
    const { plan, pending } = subscribeRatePlan(
      c.env,
      spec,
      c.dates,
      currency,
      `${at}.subscribeToRatePlans[${i}]`,
    );
    for (const charge of plan.charges) charge.fields.EffectiveEndDate = fields.TermEndDate ?? null;
    sub.ratePlans.push(plan);
    if (pending) {
      sub.pending = true;
      if (fields.Status === 'Active') fields.Status = 'Pending Acceptance';
    }
  }
  return sub;
}
