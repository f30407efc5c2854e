import { describe, expect, it } from 'vitest';
import { accountContacts, orderContacts } from '../../../src/cpq/rules/contact-precedence.js';
import { account, bundle, contact, order } from './cpq-fixtures.js';

const orderAddress = {
  BillingStreet: '9 Order St',
  BillingCity: 'Austin',
  BillingState: 'TX',
  BillingPostalCode: '73301',
  BillingCountry: 'United States',
};

describe('contact precedence (seed 004)', () => {
  it('uses the order Bill To and Ship To contacts first', () => {
    const ship = contact({ Id: '003000000000002AAA', LastName: 'Hopper' });
    const r = orderContacts(
      bundle({
        order: order({ BillToContactId: contact().Id, ShipToContactId: ship.Id }),
        billToContact: contact(),
        shipToContact: ship,
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.billTo).toMatchObject({
      kind: 'contact',
      contactId: '003000000000001AAA',
      draft: {
        lastName: 'Lovelace',
        crmId__c: '003000000000001AAA',
        state: 'CA',
        workEmail: 'ada@example.com',
      },
    });
    expect(r.value.soldTo).toMatchObject({ kind: 'contact', contactId: '003000000000002AAA' });
  });

  it('makes a new contact from the order address when there is no contact, keyed to the order', () => {
    const r = orderContacts(bundle({ order: order(orderAddress) }));
    expect(r.ok && r.value.billTo).toEqual({
      kind: 'address',
      draft: {
        firstName: 'Acme Corp_billTo',
        lastName: 'Acme Corp_billTo',
        address1: '9 Order St',
        city: 'Austin',
        state: 'TX',
        zipCode: '73301',
        country: 'United States',
        crmId__c: '001000000000001AAA',
        crmOrderId__c: '801000000000001AAA',
      },
    });
    // No shipping address on the order and no Ship To: the account's sold-to.
    expect(r.ok && r.value.soldTo).toEqual({ kind: 'account' });
  });

  it("defaults to the account's contacts when the order has neither contact nor address", () => {
    const r = orderContacts(bundle());
    expect(r.ok && [r.value.billTo.kind, r.value.soldTo.kind]).toEqual(['account', 'account']);
  });

  it('refuses a Bill To contact that does not belong to the invoice owner (CPQ-E008)', () => {
    const owner = account({ Id: '001000000000002AAA', Name: 'Owner Inc' });
    const r = orderContacts(
      bundle({
        order: order({ InvoiceOwner__c: owner.Id, BillToContactId: contact().Id }),
        invoiceOwner: owner,
        billToContact: contact(),
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('CPQ-E008');
    expect(r.error.record).toEqual({ object: 'Order', id: '801000000000001AAA', field: 'BillToContactId' });
    expect(r.error.message).not.toContain('ada@example.com');
  });

  it('accepts a Bill To contact of the invoice owner and refuses a Ship To outside the subscription owner (CPQ-E009)', () => {
    const owner = account({ Id: '001000000000002AAA', Name: 'Owner Inc' });
    const ownersContact = contact({ Id: '003000000000003AAA', AccountId: owner.Id });
    const ok = orderContacts(bundle({ invoiceOwner: owner, billToContact: ownersContact }));
    expect(ok.ok && ok.value.invoiceOwner.Id).toBe(owner.Id);
    const bad = orderContacts(bundle({ subscriptionOwner: owner, shipToContact: contact() }));
    expect(!bad.ok && bad.error.code).toBe('CPQ-E009');
  });

  it('builds the account contacts from its billing and shipping addresses', () => {
    const r = accountContacts(account());
    expect(
      r.ok && [
        r.value.billTo.lastName,
        r.value.billTo.state,
        r.value.soldTo.lastName,
        r.value.soldTo.zipCode,
      ],
    ).toEqual(['Acme Corp_billTo', 'CA', 'Acme Corp_soldTo', '90211']);
    const noShipping = accountContacts(
      account({
        ShippingStreet: null,
        ShippingCity: null,
        ShippingState: null,
        ShippingPostalCode: null,
        ShippingCountry: null,
      }),
    );
    expect(noShipping.ok && noShipping.value.soldTo.lastName).toBe('Acme Corp_billTo');
  });

  it('refuses an account without billing state or country (CPQ-E007)', () => {
    const r = accountContacts(account({ BillingState: null }));
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'CPQ-E007', record: { object: 'Account', field: 'BillingState' } },
    });
    expect(accountContacts(account({ BillingCountry: ' ' })).ok).toBe(false);
  });
});
