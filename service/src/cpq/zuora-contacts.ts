// Step 3 of an order sync: the Zuora contacts the order bills to and sells to, as the precedence chose them.
// A Salesforce contact is found by crmId__c on the owner's Zuora account and kept current, or created; an
// address-born contact is found by crmOrderId__c (the order it was made for) or created, so a retry never
// makes a second one; the account's defaults are used as they are.
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-connector-sync/orders-sync-between-salesforce-cpq-and-zuora
import type { ZuoraAccountRef } from '../zuora/zuora-accounts.js';
import { createContact, findContact, updateContact } from '../zuora/zuora-contacts-api.js';
import { placeholder, type CustomerContext } from './zuora-customer.js';
import { bodyKey } from './idempotency-keys.js';
import type { ContactChoice } from './rules/contact-precedence.js';

/** The Zuora contact id for `source` on `owner` (an account created or found before). */
export async function ensureContact(
  ctx: CustomerContext,
  owner: ZuoraAccountRef,
  source: ContactChoice,
  role: 'billTo' | 'soldTo',
  orderId: string,
): Promise<string> {
  const { zuora } = ctx.deps;
  const { dryRun } = ctx;
  // An account this session created holds no contact of ours but those it made since (kept here): nothing
  // to look up. A session resumed after a crash finds the account instead, and looks its contacts up.
  const made = ctx.created?.get(owner.id);
  const create = async (json: Record<string, unknown>, key: string) => {
    if (dryRun === null) return createContact(zuora, json, key);
    dryRun.push({ method: 'POST', path: '/v1/contacts', body: json });
    return placeholder(`${role} contact`);
  };
  // A dry run's new account has no contacts to look up.
  const lookups = !owner.id.startsWith('(new') && made === undefined;
  if (source.kind === 'account') return role === 'billTo' ? owner.billToId : owner.soldToId || owner.billToId;
  if (source.kind === 'contact') {
    const body = { ...source.draft };
    const json = { ...body, accountId: owner.id };
    const key = bodyKey('contact', `${owner.id}:${source.contactId}`, json);
    const found = lookups
      ? await findContact(zuora, owner.id, 'crmId__c', source.contactId)
      : made?.get(source.contactId);
    // Made by this session from the Salesforce contact as it reads now (same key): already current.
    if (found !== undefined && made?.get(key) === found) return found;
    if (found !== undefined && dryRun === null) await updateContact(zuora, found, body);
    else if (found !== undefined) dryRun?.push({ method: 'PUT', path: `/v1/contacts/${found}`, body });
    const id = found ?? (await create(json, key));
    made?.set(source.contactId, id).set(key, id);
    return id;
  }
  const found = lookups
    ? await findContact(zuora, owner.id, 'crmOrderId__c', orderId, source.draft.lastName)
    : undefined;
  if (found !== undefined) return found;
  const json = { ...source.draft, crmOrderId__c: orderId, accountId: owner.id };
  return create(json, bodyKey('contact', `${owner.id}:${orderId}:${role}`, json));
}
