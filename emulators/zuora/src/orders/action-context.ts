// What every order action sees while it is planned, and the checks several actions share: contacts that
// must belong to the right account, the payment term, and the subscription-level settings with their
// mutually exclusive "clearingExisting..." flags.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/ (RenewSubscription,
// CreateOrderTermsAndConditions, OwnerTransfer: "This field is mutually exclusive with ...")
import type { StoredRecord } from '../store/tenant-store.js';
import type { OrderEnv } from './order-env.js';
import type { OrderAction } from './order-request.js';
import { refuse } from './order-refusal.js';
import type { ActionDates } from './trigger-dates.js';
import type { Fields } from './working-subscription.js';

export interface ActionContext {
  env: OrderEnv;
  action: OrderAction;
  /** The order's account: invoice owner and default subscription owner of what the order creates. */
  orderAccount: StoredRecord;
  dates: ActionDates;
  /** Request path of the action, for messages (subscriptions[0].orderActions[1]). */
  where: string;
}

/** A contact of the entity that belongs to `account` (bill-to: invoice owner; sold-to: subscription owner). */
export function contactOf(env: OrderEnv, contactId: string, account: StoredRecord, field: string): string {
  const contact = env.store.get('Contact', contactId);
  if (!env.inEntity(contact)) refuse('invalidValue', `${field}: no contact ${contactId}.`);
  if (contact.record.AccountId !== account.record.Id)
    refuse(
      'invalidValue',
      `${field}: contact ${contactId} does not belong to account ${String(account.record.AccountNumber)}.`,
    );
  return contactId;
}

export function paymentTermOf(env: OrderEnv, name: string, field: string): string {
  if (![...env.store.scan('PaymentTerm', null)].some((t) => t.record.Name === name))
    refuse('invalidValue', `${field}: '${name}' is not a payment term of the tenant.`);
  return name;
}

export interface SubscriptionSettings {
  billToContactId?: string | undefined;
  soldToContactId?: string | undefined;
  paymentTerm?: string | undefined;
  invoiceGroupNumber?: string | undefined;
  clearingExistingBillToContact?: boolean | undefined;
  clearingExistingSoldToContact?: boolean | undefined;
  clearingExistingPaymentTerm?: boolean | undefined;
  clearingExistingInvoiceGroupNumber?: boolean | undefined;
}

/** The subscription fields a settings block sets or clears; bill-to and sold-to checked against the owners. */
export function settingsPatch(
  env: OrderEnv,
  s: SubscriptionSettings,
  owners: { invoice: StoredRecord; subscription: StoredRecord },
  where: string,
): Fields {
  const patch: Fields = {};
  const pairs = [
    ['billToContactId', 'clearingExistingBillToContact', 'BillToContactId'],
    ['soldToContactId', 'clearingExistingSoldToContact', 'SoldToContactId'],
    ['paymentTerm', 'clearingExistingPaymentTerm', 'PaymentTerm'],
    ['invoiceGroupNumber', 'clearingExistingInvoiceGroupNumber', 'InvoiceGroupNumber'],
  ] as const;
  for (const [field, clearing, target] of pairs) {
    const value = s[field];
    if (value !== undefined && s[clearing] === true)
      refuse('invalidValue', `${where}.${field} and ${where}.${clearing} are mutually exclusive.`);
    if (s[clearing] === true) patch[target] = null;
    if (value === undefined) continue;
    patch[target] =
      field === 'billToContactId'
        ? contactOf(env, value, owners.invoice, `${where}.${field}`)
        : field === 'soldToContactId'
          ? contactOf(env, value, owners.subscription, `${where}.${field}`)
          : field === 'paymentTerm'
            ? paymentTermOf(env, value, `${where}.${field}`)
            : value;
  }
  return patch;
}
