// Contacts for the CPQ direction: found by their CRM ids before anything is created (crmId__c = the
// Salesforce Contact Id, crmOrderId__c = the order an address-born contact was made for), created with an
// Idempotency-Key, updated in place.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Contact/
// https://developer.zuora.com/v1-api-reference/api/operation/PUT_Contact/
import type { ZuoraClient } from './zuora-client.js';
import { firstRecord } from './zuora-accounts.js';
import { zoqlString } from './zoql.js';

/** The contact of `accountId` whose custom field (crmId__c or crmOrderId__c) holds `value`. */
export async function findContact(
  client: ZuoraClient,
  accountId: string,
  field: 'crmId__c' | 'crmOrderId__c',
  value: string,
  lastName?: string,
  entityId?: string,
): Promise<string | undefined> {
  const last = lastName === undefined ? '' : ` and LastName = ${zoqlString(lastName)}`;
  const r = await firstRecord(
    client,
    `select Id from Contact where AccountId = ${zoqlString(accountId)} and ${field} = ${zoqlString(value)}${last}`,
    entityId,
  );
  return r === undefined ? undefined : String(r.Id);
}

export async function createContact(
  client: ZuoraClient,
  body: Readonly<Record<string, unknown>>,
  idempotencyKey: string,
  entityId?: string,
): Promise<string> {
  const c = await client.request<{ id: string }>('POST', '/v1/contacts', {
    json: body,
    idempotencyKey,
    entityId,
  });
  return c.id;
}

export async function updateContact(
  client: ZuoraClient,
  contactId: string,
  body: Readonly<Record<string, unknown>>,
  entityId?: string,
): Promise<void> {
  await client.request('PUT', `/v1/contacts/${encodeURIComponent(contactId)}`, { json: body, entityId });
}
