// A new customer account, as POST /v1/accounts and an order's newAccount create it: name, currency and
// billToContact required; sold-to contact optional (the bill-to contact otherwise); autoPay needs a
// payment method, which these calls do not carry here; the account is created Active.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Account/
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/ (newAccount)
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import type { TenantStore } from '../store/tenant-store.js';
import type { BillingSettings } from '../tenant/billing-settings.js';
import { isCurrencyCode } from '../catalog/currencies.js';
import { addressProblem } from './address-rules.js';
import { accountFieldsProblem, accountRecordFields, type AccountProblem } from './account-fields.js';
import { contactRecordFields } from './contact-fields.js';

export interface NewAccountInput {
  account: Record<string, FieldValue>;
  billTo: Record<string, FieldValue>;
  soldTo: Record<string, FieldValue> | undefined;
}

/**
 * Parses a REST account body (`label`: "newAccount" inside an order, "" for POST /v1/accounts). An order's
 * newAccount also requires billCycleDay (CreateOrderNewAccount: name, currency, billCycleDay, billToContact).
 */
export function parseNewAccount(body: unknown, label: string): NewAccountInput | AccountProblem {
  const at = (f: string): string => (label === '' ? f : `${label}.${f}`);
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return { message: `${label || 'body'} must be a JSON object`, category: 'invalidValue' };
  const b = body as Record<string, unknown>;
  const required =
    label === 'newAccount'
      ? ['name', 'currency', 'billCycleDay', 'billToContact']
      : ['name', 'currency', 'billToContact'];
  for (const f of required)
    if (b[f] === undefined || b[f] === null || b[f] === '')
      return { message: `${at(f)} is required`, category: 'missingRequired' };
  const account = accountRecordFields(b, label);
  if ('message' in account) return account;
  const billTo = contactRecordFields(b.billToContact, at('billToContact'), false);
  if ('message' in billTo) return billTo;
  let soldTo: Record<string, FieldValue> | undefined;
  if (b.soldToContact !== undefined && b.soldToContact !== null && b.soldToSameAsBillTo !== true) {
    const parsed = contactRecordFields(b.soldToContact, at('soldToContact'), false);
    if ('message' in parsed) return parsed;
    soldTo = parsed.fields;
  }
  return { account: account.fields, billTo: billTo.fields, soldTo };
}

/** Everything the tenant checks before it creates the account; undefined when it can be created. */
export function newAccountProblem(
  store: TenantStore,
  input: NewAccountInput,
  entityId: string | null,
  settings: BillingSettings,
  label: string,
): AccountProblem | undefined {
  const at = (f: string): string => (label === '' ? f : `${label}.${f}`);
  const a = input.account;
  if (!isCurrencyCode(a.Currency))
    return {
      message: `${at('currency')} '${String(a.Currency)}' is not a valid currency code`,
      category: 'invalidValue',
    };
  if (a.AutoPay === true)
    return {
      message: `${at('autoPay')}: an account with autoPay true needs a payment method (paymentMethod, creditCard or hpmCreditCardPaymentMethodId)`,
      category: 'ruleRestriction',
    };
  const number = a.AccountNumber;
  if (typeof number === 'string' && store.findAccount(number) !== undefined)
    return {
      message: `${at('accountNumber')} ${number} is already used by another account`,
      category: 'invalidValue',
    };
  const fieldsProblem = accountFieldsProblem(store, a, entityId, undefined, label);
  if (fieldsProblem !== undefined) return fieldsProblem;
  const taxContact = input.soldTo === undefined ? 'billToContact' : 'soldToContact';
  for (const [contact, name] of [
    [input.billTo, 'billToContact'],
    [input.soldTo, 'soldToContact'],
  ] as const) {
    if (contact === undefined) continue;
    const message = addressProblem(
      { country: contact.Country, state: contact.State },
      at(name),
      settings.zuoraTax && name === taxContact,
    );
    if (message !== undefined) return { message, category: 'invalidValue' };
  }
  return undefined;
}

/** The next free generated account number (A00000001 style). */
export function nextAccountNumber(store: TenantStore): string {
  for (let n = store.count('Account') + 1; ; n += 1) {
    const number = `A${String(n).padStart(8, '0')}`;
    if (store.findAccount(number) === undefined) return number;
  }
}

/** Creates the account and its contacts (checked first with newAccountProblem). */
export function insertAccount(
  store: TenantStore,
  input: NewAccountInput,
  entityId: string,
  id?: string,
): { account: ZRecord; billTo: ZRecord; soldTo: ZRecord } {
  const billTo = store.insert('Contact', input.billTo, entityId);
  const soldTo = input.soldTo === undefined ? billTo : store.insert('Contact', input.soldTo, entityId);
  const bcd = typeof input.account.BillCycleDay === 'number' ? input.account.BillCycleDay : 0;
  const account = store.insert(
    'Account',
    {
      Status: 'Active',
      Balance: 0,
      CreditBalance: 0,
      TotalInvoiceBalance: 0,
      UnappliedBalance: 0,
      Mrr: 0,
      PaymentTerm: 'Due Upon Receipt',
      AutoPay: false,
      Batch: 'Batch1',
      InvoiceDeliveryPrefsEmail: false,
      InvoiceDeliveryPrefsPrint: false,
      AllowInvoiceEdit: false,
      TaxExemptStatus: 'No',
      IsCrmIdChangeProcessed: true,
      ...input.account,
      AccountNumber:
        typeof input.account.AccountNumber === 'string'
          ? input.account.AccountNumber
          : nextAccountNumber(store),
      BillCycleDay: bcd,
      BcdSettingOption: bcd === 0 ? 'AutoSet' : 'ManualSet',
      BillToId: billTo.Id,
      SoldToId: soldTo.Id,
    },
    entityId,
    id,
  );
  store.update('Contact', billTo.Id, { AccountId: account.Id });
  if (soldTo.Id !== billTo.Id) store.update('Contact', soldTo.Id, { AccountId: account.Id });
  return { account, billTo, soldTo };
}
