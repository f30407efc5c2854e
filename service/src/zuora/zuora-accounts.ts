// Customer accounts for the CPQ direction: found by CRM ID (the Salesforce Account Id) before anything is
// created, created with an Idempotency-Key, updated in place. Contacts: zuora-contacts-api.ts.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Account/
// https://developer.zuora.com/v1-api-reference/api/operation/PUT_Account/
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Contact/
// Custom fields crmId__c / crmOrderId__c: https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/set-up-connector
import type { ZuoraClient } from './zuora-client.js';
import { zoqlPages, zoqlString, type ZuoraRecord } from './zoql.js';

/** A ZOQL field as text ('' when absent). */
export const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

export interface ZuoraAccountRef {
  readonly id: string;
  readonly accountNumber: string;
  readonly billToId: string;
  readonly soldToId: string;
  /** The account's billing currency, when read from Zuora or sent when it was created. */
  readonly currency?: string;
}

export async function firstRecord(
  client: ZuoraClient,
  zoql: string,
  entityId?: string,
): Promise<ZuoraRecord | undefined> {
  for await (const page of zoqlPages(client, zoql, { entityId })) return page[0];
  return undefined;
}

export async function findAccountByCrmId(
  client: ZuoraClient,
  crmId: string,
  entityId?: string,
): Promise<ZuoraAccountRef | undefined> {
  const r = await firstRecord(
    client,
    `select Id, AccountNumber, BillToId, SoldToId, Status, Currency from Account where CrmId = ${zoqlString(crmId)}`,
    entityId,
  );
  if (r === undefined) return undefined;
  return {
    id: String(r.Id),
    accountNumber: String(r.AccountNumber),
    billToId: text(r.BillToId),
    soldToId: text(r.SoldToId),
    ...(typeof r.Currency === 'string' ? { currency: r.Currency } : {}),
  };
}

export async function createAccount(
  client: ZuoraClient,
  body: Readonly<Record<string, unknown>>,
  idempotencyKey: string,
  entityId?: string,
): Promise<ZuoraAccountRef> {
  const a = await client.request<{
    accountId: string;
    accountNumber: string;
    billToContactId: string;
    soldToContactId: string;
  }>('POST', '/v1/accounts', { json: body, idempotencyKey, entityId });
  return {
    id: a.accountId,
    accountNumber: a.accountNumber,
    billToId: a.billToContactId,
    soldToId: a.soldToContactId,
  };
}

export async function updateAccount(
  client: ZuoraClient,
  accountNumber: string,
  body: Readonly<Record<string, unknown>>,
  entityId?: string,
): Promise<void> {
  await client.request('PUT', `/v1/accounts/${encodeURIComponent(accountNumber)}`, { json: body, entityId });
}
