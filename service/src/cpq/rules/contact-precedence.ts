// Bill-to and sold-to contacts of an order (seed 004, "Bill to and Sold to contact management"): the order's
// Bill To (Ship To) contact; else a new contact from the order's billing (shipping) address, made for this
// order (found again by crmOrderId__c on a retry, never updated: an address has no Salesforce id); else the
// account's own. A Bill To contact must belong to the invoice owner and a Ship To contact to the subscription
// owner, or the sync errors out ([ZBC-adv]). The account's own contacts come from its billing address (state
// and country required, [ZBC-map]) and its shipping address (else the bill-to).
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/salesforce-cpq-connector-sync/advanced-configuration-and-data-management
import { fail, ok, type CpqResult } from './cpq-errors.js';
import type { CpqAccount, CpqContact, CpqOrderBundle } from './cpq-records.js';
import {
  addressDraft,
  addressOf,
  contactDraft,
  hasAddress,
  type ZuoraContactDraft,
} from './zuora-contact-draft.js';

export type ContactChoice =
  /** Find the Zuora contact by crmId__c = the Salesforce contact id in the owner account; create or update it. */
  | { readonly kind: 'contact'; readonly contactId: string; readonly draft: ZuoraContactDraft }
  /** Create once for this order (look up crmOrderId__c + lastName first). */
  | { readonly kind: 'address'; readonly draft: ZuoraContactDraft }
  /** The Zuora account's own bill-to / sold-to. */
  | { readonly kind: 'account' };

export interface OrderContacts {
  readonly billTo: ContactChoice;
  readonly soldTo: ContactChoice;
  /** The Salesforce accounts that own invoices and subscriptions (the order's account unless set). */
  readonly invoiceOwner: CpqAccount;
  readonly subscriptionOwner: CpqAccount;
}

function choose(
  bundle: CpqOrderBundle,
  role: 'billTo' | 'soldTo',
  contact: CpqContact | null,
  owner: CpqAccount,
): CpqResult<ContactChoice> {
  const { order } = bundle;
  if (contact !== null) {
    if (contact.AccountId !== owner.Id)
      return role === 'billTo'
        ? fail(
            'CPQ-E008',
            `Bill To contact ${contact.Id} of order ${order.OrderNumber} belongs to another account than the invoice owner ${owner.Id}`,
            { object: 'Order', id: order.Id, field: 'BillToContactId' },
          )
        : fail(
            'CPQ-E009',
            `Ship To contact ${contact.Id} of order ${order.OrderNumber} belongs to another account than the subscription owner ${owner.Id}`,
            { object: 'Order', id: order.Id, field: 'ShipToContactId' },
          );
    return ok({ kind: 'contact', contactId: contact.Id, draft: contactDraft(contact) });
  }
  const address = addressOf(order, role === 'billTo' ? 'Billing' : 'Shipping');
  if (hasAddress(address))
    return ok({
      kind: 'address',
      draft: addressDraft(owner.Name, role, address, { crmId__c: owner.Id, crmOrderId__c: order.Id }),
    });
  return ok({ kind: 'account' });
}

export function orderContacts(bundle: CpqOrderBundle): CpqResult<OrderContacts> {
  const invoiceOwner = bundle.invoiceOwner ?? bundle.account;
  const subscriptionOwner = bundle.subscriptionOwner ?? bundle.account;
  const billTo = choose(bundle, 'billTo', bundle.billToContact, invoiceOwner);
  if (!billTo.ok) return billTo;
  const soldTo = choose(bundle, 'soldTo', bundle.shipToContact, subscriptionOwner);
  if (!soldTo.ok) return soldTo;
  return ok({ billTo: billTo.value, soldTo: soldTo.value, invoiceOwner, subscriptionOwner });
}

/** The bill-to and sold-to of a new Zuora account, or CPQ-E007 when its billing address is incomplete. */
export function accountContacts(
  account: CpqAccount,
): CpqResult<{ billTo: ZuoraContactDraft; soldTo: ZuoraContactDraft }> {
  const billing = addressOf(account, 'Billing');
  const missing = (['state', 'country'] as const).filter((k) => billing[k] === null);
  if (missing.length > 0)
    return fail('CPQ-E007', `account ${account.Id} has no billing ${missing.join(' or ')}`, {
      object: 'Account',
      id: account.Id,
      field: missing[0] === 'state' ? 'BillingState' : 'BillingCountry',
    });
  const billTo = addressDraft(account.Name, 'billTo', billing, { crmId__c: account.Id });
  const shipping = addressOf(account, 'Shipping');
  const soldTo = hasAddress(shipping)
    ? addressDraft(account.Name, 'soldTo', shipping, { crmId__c: account.Id })
    : billTo;
  return ok({ billTo, soldTo });
}
