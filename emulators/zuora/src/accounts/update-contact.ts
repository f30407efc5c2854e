// Creating and updating contacts through the REST API: the account must exist in the request's entity,
// and the address must pass the country/state rules (as the tax contact, the sold-to contact of an
// account, or its bill-to contact when it has no other, under Zuora Tax).
// https://developer.zuora.com/v1-api-reference/api/operation/POST_CreateContact/
// https://developer.zuora.com/v1-api-reference/api/operation/PUT_Contact/
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import type { StoredRecord, TenantStore } from '../store/tenant-store.js';
import type { BillingSettings } from '../tenant/billing-settings.js';
import type { AccountProblem } from './account-fields.js';
import { addressProblem } from './address-rules.js';
import { contactRecordFields } from './contact-fields.js';

/** True when the contact is the one Zuora Tax reads: the account's sold-to contact. */
function isTaxContact(store: TenantStore, contact: ZRecord): boolean {
  const account =
    typeof contact.AccountId === 'string' ? store.get('Account', contact.AccountId)?.record : undefined;
  return account !== undefined && (account.SoldToId ?? account.BillToId) === contact.Id;
}

/** Applies a partial REST contact body to a stored contact; the problem when refused. */
export function updateContact(
  store: TenantStore,
  contact: StoredRecord,
  body: unknown,
  label: string,
  settings: BillingSettings,
): AccountProblem | undefined {
  const parsed = contactRecordFields(body, label, true);
  if ('message' in parsed) return parsed;
  const merged = { ...contact.record, ...parsed.fields };
  for (const f of ['FirstName', 'LastName'])
    if (merged[f] === null || merged[f] === '')
      return {
        message: `${label}.${f === 'FirstName' ? 'firstName' : 'lastName'} cannot be empty`,
        category: 'missingRequired',
      };
  const message = addressProblem(
    { country: merged.Country, state: merged.State },
    label,
    settings.zuoraTax && isTaxContact(store, contact.record),
  );
  if (message !== undefined) return { message, category: 'invalidValue' };
  if (Object.keys(parsed.fields).length > 0) store.update('Contact', contact.record.Id, parsed.fields);
  return undefined;
}

/** Creates a contact on an account. */
export function createContact(
  store: TenantStore,
  account: StoredRecord,
  body: Record<string, unknown>,
): { ok: true; contact: ZRecord } | { ok: false; problem: AccountProblem } {
  const parsed = contactRecordFields(body, 'body', false);
  if ('message' in parsed) return { ok: false, problem: parsed };
  const message = addressProblem(
    { country: parsed.fields.Country, state: parsed.fields.State },
    'body',
    false,
  );
  if (message !== undefined) return { ok: false, problem: { message, category: 'invalidValue' } };
  const fields: Record<string, FieldValue> = { ...parsed.fields, AccountId: account.record.Id };
  return { ok: true, contact: store.insert('Contact', fields, account.entityId) };
}
