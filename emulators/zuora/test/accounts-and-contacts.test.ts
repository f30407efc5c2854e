// Accounts and contacts through the v1 REST and CRUD APIs:
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Account/ (name, currency, billToContact
//   required; autoPay needs a payment method)
// https://developer.zuora.com/v1-api-reference/api/operation/PUT_Account/
// https://developer.zuora.com/v1-api-reference/api/operation/POST_CreateContact/
// https://docs.zuora.com/en/basics/set-up-countries-regions-and-subregions (country and US/Canada
//   subregion validated; country and state required on the sold-to contact with Zuora Tax)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './helpers.js';

type V1Error = { success: false; reasons: { code: number; message: string }[] };
type Created = {
  success: true;
  accountId: string;
  accountNumber: string;
  billToContactId: string;
  soldToContactId: string;
};

describe('accounts and contacts through the REST API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => h.emulator.close());

  const contact = (extra: Record<string, unknown> = {}) => ({
    firstName: 'Ada',
    lastName: 'Lovelace',
    address1: '1 Main St',
    city: 'Boston',
    state: 'MA',
    country: 'United States',
    zipCode: '02110',
    workEmail: 'ada@example.com',
    crmId__c: '001000000000001AAA',
    ...extra,
  });
  const createAccount = (body: Record<string, unknown>) =>
    h.api('/v1/accounts', { method: 'POST', json: body });
  const message = async (res: Response): Promise<string> =>
    ((await res.json()) as V1Error).reasons[0]?.message ?? '';

  it('creates an account with CrmId, a parent, and bill-to / sold-to contacts with their custom fields', async () => {
    const parent = (await (
      await createAccount({
        name: 'Parent Co',
        currency: 'USD',
        crmId: '001000000000000AAA',
        billToContact: contact(),
      })
    ).json()) as Created;
    expect(parent.success).toBe(true);
    const res = await createAccount({
      name: 'Child Co',
      currency: 'EUR',
      billCycleDay: 1,
      crmId: '001000000000002AAA',
      parentId: parent.accountId,
      paymentTerm: 'Net 30',
      autoPay: false,
      billToContact: contact({ crmOrderId__c: '801000000000001AAA' }),
      soldToContact: contact({
        firstName: 'Grace',
        country: 'CAN',
        state: 'Ontario',
        crmId__c: '003000000000002AAA',
      }),
    });
    expect(res.status).toBe(200);
    const child = (await res.json()) as Created;
    expect(child.accountNumber).toMatch(/^A\d{8}$/);
    expect(child.soldToContactId).not.toBe(child.billToContactId);
    const account = (await (await h.api(`/v1/accounts/${child.accountNumber}`)).json()) as {
      basicInfo: { crmId: string; parentId: string };
      billingAndPayment: { currency: string; billCycleDay: number; paymentTerm: string };
    };
    expect(account.basicInfo).toMatchObject({ crmId: '001000000000002AAA', parentId: parent.accountId });
    expect(account.billingAndPayment).toMatchObject({
      currency: 'EUR',
      billCycleDay: 1,
      paymentTerm: 'Net 30',
    });
    const billTo = (await (await h.api(`/v1/contacts/${child.billToContactId}`)).json()) as Record<
      string,
      unknown
    >;
    expect(billTo).toMatchObject({
      crmId__c: '001000000000001AAA',
      crmOrderId__c: '801000000000001AAA',
      accountId: child.accountId,
    });
  });

  it('refuses what Zuora refuses, naming the field', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ currency: 'USD', billToContact: contact() }, /^name is required/],
      [{ name: 'X', billToContact: contact() }, /^currency is required/],
      [{ name: 'X', currency: 'USD' }, /^billToContact is required/],
      [{ name: 'X', currency: 'US', billToContact: contact() }, /currency 'US' is not a valid currency code/],
      [
        { name: 'X', currency: 'USD', billToContact: contact({ lastName: '' }) },
        /billToContact.lastName is required/,
      ],
      [
        { name: 'X', currency: 'USD', billToContact: contact({ country: 'Atlantis' }) },
        /billToContact.country 'Atlantis' is not a valid country/,
      ],
      [
        { name: 'X', currency: 'USD', billToContact: contact({ state: 'Narnia' }) },
        /billToContact.state 'Narnia' is not a valid state/,
      ],
      [
        { name: 'X', currency: 'USD', autoPay: true, billToContact: contact() },
        /autoPay true needs a payment method/,
      ],
      [
        { name: 'X', currency: 'USD', paymentTerm: 'Net 999', billToContact: contact() },
        /paymentTerm 'Net 999' is not a payment term/,
      ],
      [
        { name: 'X', currency: 'USD', parentId: 'nope', billToContact: contact() },
        /parentId: no account with id nope/,
      ],
      [
        { name: 'X', currency: 'USD', billCycleDay: 32, billToContact: contact() },
        /billCycleDay must be an integer from 0 to 31/,
      ],
      [
        { name: 'X', currency: 'USD', billToContact: contact({ city: 'C'.repeat(41) }) },
        /city must be at most 40 characters/,
      ],
      [
        { name: 'X', currency: 'USD', billToContact: contact({ colour__c: 'red' }) },
        /colour__c is not a custom field/,
      ],
      [{ name: 42, currency: 'USD', billToContact: contact() }, /name must be a string/],
    ];
    const before = h.emulator.tenant.count('Account');
    for (const [body, expected] of cases) {
      const res = await createAccount(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await message(res)).toMatch(expected);
    }
    expect(h.emulator.tenant.count('Account')).toBe(before);
    // A state outside the US and Canada is not validated; a non-US contact needs no state.
    expect(
      (
        await createAccount({
          name: 'Y',
          currency: 'GBP',
          billToContact: contact({ country: 'GB', state: 'Kent' }),
        })
      ).status,
    ).toBe(200);
    expect(
      (await createAccount({ name: 'Z', currency: 'USD', billToContact: contact({ state: undefined }) }))
        .status,
    ).toBe(200);
  });

  it('requires country and state on the sold-to contact when Zuora Tax is enabled', async () => {
    await h.admin('/settings', { method: 'PUT', json: { zuoraTax: true } });
    try {
      const noState = await createAccount({
        name: 'Taxed',
        currency: 'USD',
        billToContact: contact(),
        soldToContact: contact({ state: null }),
      });
      expect(await message(noState)).toMatch(/soldToContact.state is required for a United States address/);
      const noCountry = await createAccount({
        name: 'Taxed',
        currency: 'USD',
        billToContact: contact({ country: null, state: null }),
      });
      expect(await message(noCountry)).toMatch(/billToContact.country is required/);
      expect((await createAccount({ name: 'Taxed', currency: 'USD', billToContact: contact() })).status).toBe(
        200,
      );
    } finally {
      await h.admin('/settings', { method: 'PUT', json: { zuoraTax: false } });
    }
  });

  it('updates accounts and contacts, keeping the currency and the hierarchy acyclic', async () => {
    const a = (await (
      await createAccount({ name: 'A', currency: 'USD', billToContact: contact() })
    ).json()) as Created;
    const b = (await (
      await createAccount({ name: 'B', currency: 'USD', parentId: a.accountId, billToContact: contact() })
    ).json()) as Created;
    const put = (key: string, json: unknown) => h.api(`/v1/accounts/${key}`, { method: 'PUT', json });
    expect(await message(await put(a.accountNumber, { currency: 'EUR' }))).toMatch(
      /currency .* cannot be updated/,
    );
    expect(await message(await put(a.accountNumber, { parentId: b.accountId }))).toMatch(
      /itself or one of its descendants/,
    );
    expect(await message(await put(a.accountNumber, { parentId: a.accountId }))).toMatch(
      /itself or one of its descendants/,
    );
    const ok = await put(a.accountNumber, {
      crmId: '001000000000009AAA',
      billToContact: { city: 'Cambridge', crmOrderId__c: '801000000000009AAA' },
    });
    expect(ok.status).toBe(200);
    expect(h.emulator.tenant.get('Contact', a.billToContactId)?.record).toMatchObject({
      City: 'Cambridge',
      crmOrderId__c: '801000000000009AAA',
    });
    expect(h.emulator.tenant.get('Account', a.accountId)?.record.CrmId).toBe('001000000000009AAA');
    expect(await message(await put(a.accountNumber, { soldToContact: { state: 'Atlantis' } }))).toMatch(
      /not a valid state/,
    );

    const created = await h.api('/v1/contacts', {
      method: 'POST',
      json: { accountNumber: a.accountNumber, ...contact({ crmId__c: '003000000000003AAA' }) },
    });
    const c = (await created.json()) as { id: string; crmId__c: string };
    expect(c.crmId__c).toBe('003000000000003AAA');
    const upd = await h.api(`/v1/contacts/${c.id}`, {
      method: 'PUT',
      json: { workEmail: 'new@example.com' },
    });
    expect(upd.status).toBe(200);
    expect(h.emulator.tenant.get('Contact', c.id)?.record.WorkEmail).toBe('new@example.com');
    const noAccount = await h.api('/v1/contacts', { method: 'POST', json: contact() });
    expect(await message(noAccount)).toMatch(/accountId or accountNumber is required/);
    const emptied = await h.api(`/v1/contacts/${c.id}`, { method: 'PUT', json: { lastName: '' } });
    expect(await message(emptied)).toMatch(/lastName cannot be empty/);
  });

  it('applies the same rules to the CRUD forms of account and contact', async () => {
    const account = await h.api('/v1/object/account', {
      method: 'POST',
      json: {
        Name: 'Crud',
        Currency: 'USD',
        BillCycleDay: 1,
        PaymentTerm: 'Net 30',
        CrmId: '001000000000020AAA',
      },
    });
    const id = ((await account.json()) as { Id: string }).Id;
    const crudContact = await h.api('/v1/object/contact', {
      method: 'POST',
      json: {
        AccountId: id,
        FirstName: 'A',
        LastName: 'B',
        Country: 'Canada',
        State: 'QC',
        crmId__c: '003000000000020AAA',
      },
    });
    expect(crudContact.status).toBe(200);
    const badState = await h.api('/v1/object/contact', {
      method: 'POST',
      json: { AccountId: id, FirstName: 'A', LastName: 'B', Country: 'Canada', State: 'Texas' },
    });
    expect(((await badState.json()) as { Errors: { Message: string }[] }).Errors[0]?.Message).toMatch(
      /not a valid province/,
    );
    const currency = await h.api(`/v1/object/account/${id}`, { method: 'PUT', json: { Currency: 'EUR' } });
    expect(((await currency.json()) as { Errors: { Code: string }[] }).Errors[0]?.Code).toBe('CANNOT_UPDATE');
    const cycle = await h.api(`/v1/object/account/${id}`, { method: 'PUT', json: { ParentId: id } });
    expect(cycle.status).toBe(400);
  });
});
