// INTERIM until cpq-rules' contact-precedence.ts lands (then this file goes): seed 004's precedence for the
// bill-to (and sold-to) contact: the order's Bill To (Ship To) contact, else its billing (shipping) address
// as a new contact, else the owner account's default; a Bill To contact of another account than the invoice
// owner is refused (CPQ-E008), a Ship To of another than the subscription owner too (CPQ-E009).
import type { CpqContact, CpqOrderBundle } from './rules/cpq-records.js';
import { cpqError, type CpqResult } from './rules/cpq-errors.js';

export type ContactSource =
  | { readonly kind: 'contact'; readonly contact: CpqContact }
  | { readonly kind: 'address'; readonly address: Record<string, string>; readonly lastName: string }
  | { readonly kind: 'account' };

export interface ContactChoice {
  readonly billTo: ContactSource;
  readonly soldTo: ContactSource;
}

function orderAddress(b: CpqOrderBundle, p: 'Billing' | 'Shipping'): Record<string, string> | undefined {
  const o = b.order;
  const country = o[`${p}Country`];
  if (country === null || country === '') return undefined;
  const out: Record<string, string> = { country };
  for (const [key, v] of [
    ['address1', o[`${p}Street`]],
    ['city', o[`${p}City`]],
    ['state', o[`${p}State`]],
    ['zipCode', o[`${p}PostalCode`]],
  ] as const)
    if (v !== null && v !== '') out[key] = v;
  return out;
}

function source(b: CpqOrderBundle, role: 'billTo' | 'soldTo'): ContactSource {
  const contact = role === 'billTo' ? b.billToContact : b.shipToContact;
  if (contact !== null) return { kind: 'contact', contact };
  const address = orderAddress(b, role === 'billTo' ? 'Billing' : 'Shipping');
  if (address !== undefined) return { kind: 'address', address, lastName: `${b.order.OrderNumber}_${role}` };
  return { kind: 'account' };
}

export function chooseContacts(b: CpqOrderBundle): CpqResult<ContactChoice> {
  const invoiceOwner = b.invoiceOwner ?? b.account;
  const subscriptionOwner = b.subscriptionOwner ?? b.account;
  if (b.billToContact !== null && b.billToContact.AccountId !== invoiceOwner.Id)
    return {
      ok: false,
      error: cpqError(
        'CPQ-E008',
        `contact ${b.billToContact.Id} belongs to another account than ${invoiceOwner.Name}`,
        {
          object: 'Order',
          id: b.order.Id,
          field: 'BillToContactId',
        },
      ),
    };
  if (b.shipToContact !== null && b.shipToContact.AccountId !== subscriptionOwner.Id)
    return {
      ok: false,
      error: cpqError(
        'CPQ-E009',
        `contact ${b.shipToContact.Id} belongs to another account than ${subscriptionOwner.Name}`,
        {
          object: 'Order',
          id: b.order.Id,
          field: 'ShipToContactId',
        },
      ),
    };
  return { ok: true, value: { billTo: source(b, 'billTo'), soldTo: source(b, 'soldTo') } };
}
