// Step 3 of an order sync: the Zuora contacts the order bills to and sells to, as the precedence chose them.
// A Salesforce contact is found by crmId__c on the owner's Zuora account and kept current, or created; an
// address-born contact is found by crmOrderId__c (the order it was made for) or created, so a retry never
// makes a second one; the account's defaults are used as they are.
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-connector-sync/orders-sync-between-salesforce-cpq-and-zuora
import type { ZuoraAccountRef } from '../zuora/zuora-accounts.js';
import { createContact, findContact, updateContact } from '../zuora/zuora-contacts-api.js';
import type { CpqDeps } from './cpq-deps.js';
import type { ZuoraRequest } from './order-outcome.js';
import { placeholder } from './zuora-customer.js';
import { bodyKey } from './idempotency-keys.js';
import type { ContactChoice } from './rules/contact-precedence.js';

/** The Zuora contact id for `source` on `owner` (an account created or found before). */
export async function ensureContact(
  deps: CpqDeps,
  owner: ZuoraAccountRef,
  source: ContactChoice,
  role: 'billTo' | 'soldTo',
  orderId: string,
  dryRun: ZuoraRequest[] | null,
): Promise<string> {
  const { zuora } = deps;
  const create = async (json: Record<string, unknown>, key: string) => {
    if (dryRun === null) return createContact(zuora, json, key);
    dryRun.push({ method: 'POST', path: '/v1/contacts', body: json });
    return placeholder(`${role} contact`);
  };
  // A dry run's new account has no contacts to look up.
  const lookups = !owner.id.startsWith('(new');
  if (source.kind === 'account') return role === 'billTo' ? owner.billToId : owner.soldToId || owner.billToId;
  if (source.kind === 'contact') {
    const body = { ...source.draft };
    const found = lookups ? await findContact(zuora, owner.id, 'crmId__c', source.contactId) : undefined;
    if (found !== undefined) {
      if (dryRun === null) await updateContact(zuora, found, body);
      else dryRun.push({ method: 'PUT', path: `/v1/contacts/${found}`, body });
      return found;
    }
    const json = { ...body, accountId: owner.id };
    return create(json, bodyKey('contact', `${owner.id}:${source.contactId}`, json));
  }
  const found = lookups
    ? await findContact(zuora, owner.id, 'crmOrderId__c', orderId, source.draft.lastName)
    : undefined;
  if (found !== undefined) return found;
  const json = { ...source.draft, crmOrderId__c: orderId, accountId: owner.id };
  return create(json, bodyKey('contact', `${owner.id}:${orderId}:${role}`, json));
}
