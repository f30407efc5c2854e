// RenewSubscription, CancelSubscription, TermsAndConditions and OwnerTransfer on a subscription's working
// copy. A renewal starts the next term where the current one ends (an EVERGREEN subscription cannot be
// renewed); a cancellation takes a cancellationPolicy (SpecificDate needs cancellationEffectiveDate); terms
// and conditions change the current term, renewal setting and renewal terms; an owner transfer moves the
// subscription owner and/or invoice owner. All four may set the subscription's contacts, payment term and
// invoice group.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/ (RenewSubscription,
// CancelSubscription, CreateOrderTermsAndConditions, OwnerTransfer)
import type { StoredRecord } from '../store/tenant-store.js';
import { settingsPatch, type ActionContext } from './action-context.js';
import { refuse } from './order-refusal.js';
import { termEnd, type PeriodType } from './subscription-terms.js';
import { activePlans, type Fields, type WorkingSubscription } from './working-subscription.js';

function owners(
  c: ActionContext,
  sub: WorkingSubscription,
): { invoice: StoredRecord; subscription: StoredRecord } {
  const get = (id: unknown): StoredRecord => c.env.store.get('Account', String(id)) ?? c.orderAccount;
  return { invoice: get(sub.fields.InvoiceOwnerId), subscription: get(sub.fields.AccountId) };
}

/** Charges that run to the subscription end follow a new end date. */
function moveEnd(sub: WorkingSubscription, end: string | null): void {
  sub.fields.SubscriptionEndDate = end;
  for (const plan of activePlans(sub))
    for (const charge of plan.charges)
      if ((charge.fields.EndDateCondition ?? 'Subscription_End') === 'Subscription_End')
        charge.fields.EffectiveEndDate = end;
}

export function renewSubscription(c: ActionContext, sub: WorkingSubscription): void {
  const f = sub.fields;
  if (f.TermType !== 'TERMED')
    refuse('ruleRestriction', `${c.where}: subscription ${sub.number} is EVERGREEN and cannot be renewed.`);
  const start = String(f.TermEndDate);
  const toEvergreen = f.RenewalSetting === 'RENEW_TO_EVERGREEN';
  const period = Number(f.RenewalTerm ?? f.CurrentTerm ?? 12);
  const periodType = String(f.RenewalTermPeriodType ?? f.CurrentTermPeriodType ?? 'Month') as PeriodType;
  const end = toEvergreen
    ? null
    : termEnd(start, { period, periodType, termType: 'TERMED' }, `${c.where}.renewSubscription`);
  Object.assign(f, {
    TermStartDate: start,
    TermEndDate: end,
    TermType: toEvergreen ? 'EVERGREEN' : 'TERMED',
    CurrentTerm: toEvergreen ? null : period,
    CurrentTermPeriodType: toEvergreen ? null : periodType,
  });
  moveEnd(sub, end);
  Object.assign(
    f,
    settingsPatch(c.env, c.action.renewSubscription ?? {}, owners(c, sub), `${c.where}.renewSubscription`),
  );
}

function cancellationDate(c: ActionContext, sub: WorkingSubscription): string {
  const spec = c.action.cancelSubscription;
  const at = `${c.where}.cancelSubscription`;
  if (spec === undefined) refuse('missingRequired', `${at} is required for a CancelSubscription action.`);
  if (spec.cancellationPolicy === 'SpecificDate') {
    if (spec.cancellationEffectiveDate === undefined)
      refuse(
        'missingRequired',
        `${at}.cancellationEffectiveDate is required with cancellationPolicy SpecificDate.`,
      );
    return spec.cancellationEffectiveDate;
  }
  if (spec.cancellationPolicy === 'EndOfCurrentTerm') {
    if (sub.fields.TermType !== 'TERMED')
      refuse(
        'ruleRestriction',
        `${at}: an EVERGREEN subscription has no current term end; use SpecificDate.`,
      );
    return String(sub.fields.TermEndDate);
  }
  // EndOfLastInvoicePeriod: the latest date any charge was billed through, else the contract effective date.
  const billed = activePlans(sub)
    .flatMap((p) => p.charges.map((ch) => ch.fields.ChargedThroughDate))
    .filter((d): d is string => typeof d === 'string')
    .sort();
  return billed[billed.length - 1] ?? c.dates.contractEffective;
}

export function cancelSubscription(c: ActionContext, sub: WorkingSubscription): void {
  const date = cancellationDate(c, sub);
  if (typeof sub.fields.SubscriptionStartDate === 'string' && date < sub.fields.SubscriptionStartDate)
    refuse(
      'invalidValue',
      `${c.where}.cancelSubscription: ${date} is before the subscription start date ${sub.fields.SubscriptionStartDate}.`,
    );
  Object.assign(sub.fields, { Status: 'Cancelled', CancelledDate: date, AutoRenew: false });
  sub.fields.SubscriptionEndDate = date;
  for (const plan of activePlans(sub))
    for (const charge of plan.charges) {
      const end = charge.fields.EffectiveEndDate;
      if (typeof end !== 'string' || end > date) charge.fields.EffectiveEndDate = date;
    }
}

export function termsAndConditions(c: ActionContext, sub: WorkingSubscription): void {
  const t = c.action.termsAndConditions;
  const at = `${c.where}.termsAndConditions`;
  if (t === undefined) refuse('missingRequired', `${at} is required for a TermsAndConditions action.`);
  const f: Fields = sub.fields;
  if (t.lastTerm !== undefined) {
    const start = t.lastTerm.startDate ?? String(f.TermStartDate);
    const end = termEnd(start, t.lastTerm, `${at}.lastTerm`);
    const evergreen = t.lastTerm.termType === 'EVERGREEN';
    Object.assign(f, {
      TermType: t.lastTerm.termType,
      TermStartDate: start,
      TermEndDate: end,
      CurrentTerm: evergreen ? null : (t.lastTerm.period ?? null),
      CurrentTermPeriodType: evergreen ? null : (t.lastTerm.periodType ?? null),
    });
    moveEnd(sub, end);
  }
  if (t.autoRenew !== undefined) f.AutoRenew = f.TermType === 'EVERGREEN' ? false : t.autoRenew;
  if (t.renewalSetting !== undefined) f.RenewalSetting = t.renewalSetting;
  const renewal = t.renewalTerms?.[0];
  if (renewal !== undefined) {
    f.RenewalTerm = renewal.period ?? f.RenewalTerm ?? null;
    f.RenewalTermPeriodType = renewal.periodType ?? f.RenewalTermPeriodType ?? null;
  }
  Object.assign(f, settingsPatch(c.env, t, owners(c, sub), at));
}

export function ownerTransfer(c: ActionContext, sub: WorkingSubscription): void {
  const o = c.action.ownerTransfer;
  const at = `${c.where}.ownerTransfer`;
  if (o === undefined) refuse('missingRequired', `${at} is required for an OwnerTransfer action.`);
  if (o.destinationAccountNumber === undefined && o.destinationInvoiceAccountNumber === undefined)
    refuse(
      'missingRequired',
      `${at}: destinationAccountNumber or destinationInvoiceAccountNumber is required.`,
    );
  const account = (n: string | undefined, field: string): StoredRecord | undefined => {
    if (n === undefined) return undefined;
    const found = c.env.account(n);
    if (found === undefined) refuse('invalidValue', `${at}.${field}: no account ${n}.`);
    return found;
  };
  const current = owners(c, sub);
  const subscriptionOwner =
    account(o.destinationAccountNumber, 'destinationAccountNumber') ?? current.subscription;
  const invoiceOwner =
    account(o.destinationInvoiceAccountNumber, 'destinationInvoiceAccountNumber') ?? current.invoice;
  if (invoiceOwner.record.Currency !== sub.fields.Currency)
    refuse(
      'ruleRestriction',
      `${at}.destinationInvoiceAccountNumber: account ${String(invoiceOwner.record.AccountNumber)} bills in ${String(invoiceOwner.record.Currency)}; the currency of subscription ${sub.number} (${String(sub.fields.Currency)}) cannot be changed.`,
    );
  sub.fields.AccountId = subscriptionOwner.record.Id;
  sub.fields.InvoiceOwnerId = invoiceOwner.record.Id;
  // Contacts of the previous owners no longer apply unless named again.
  if (invoiceOwner !== current.invoice) sub.fields.BillToContactId = null;
  if (subscriptionOwner !== current.subscription) sub.fields.SoldToContactId = null;
  Object.assign(
    sub.fields,
    settingsPatch(c.env, o, { invoice: invoiceOwner, subscription: subscriptionOwner }, at),
  );
}
