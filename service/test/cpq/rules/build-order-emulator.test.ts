// The requests the rules shape, sent to an in-process Zuora emulator: the account from accountContacts, the
// catalog of catalogPlan through the object API, and the order of buildOrder through the asynchronous
// Orders API (job polled to its end). Accepted as built, they are the documented shapes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZuoraEmulator } from '../../../../emulators/zuora/src/index.js';
import { orderContacts } from '../../../src/cpq/rules/contact-precedence.js';
import { defaultCpqSettings, type CpqSettings } from '../../../src/cpq/rules/cpq-settings.js';
import { fromZuoraOrderError } from '../../../src/cpq/rules/zuora-order-errors.js';
import { account, bundle, contact, oneTimeItem, oneTimeProduct, order, usageParts } from './cpq-fixtures.js';
import {
  built,
  createAccount,
  createCatalog,
  inputsFor,
  startZuora,
  submit,
  subscriptionView,
  type Api,
} from './zuora-order-harness.js';

let zuora: ZuoraEmulator;
let api: Api;

beforeAll(async () => {
  ({ zuora, api } = await startZuora());
}, 120_000);

afterAll(async () => zuora?.close());

describe('build-order against the Zuora emulator', () => {
  it('creates the account, the catalog and one order with a recurring, a usage subscription and an order line item', async () => {
    const settings: CpqSettings = { ...defaultCpqSettings, uomDecimalPlaces: { 'API Call': 0 } };
    const u = usageParts();
    const b = bundle({
      ...u,
      items: [bundle().items[0]!, u.item, oneTimeItem()],
      subscriptions: [bundle().subscriptions[0]!, u.subscription],
      products: [bundle().products[0]!, u.product, oneTimeProduct()],
    });
    const accountNumber = await createAccount(api, b.account);
    const ratePlans = await createCatalog(api, b, settings);
    const order = built(
      inputsFor(b, {
        settings,
        ratePlans,
        invoiceOwnerAccountNumber: accountNumber,
        subscriptionOwnerAccountNumber: accountNumber,
        currency: 'USD',
        tenant: { requireServiceActivation: false, requireCustomerAcceptance: false },
      }),
    );
    const job = await submit(api, order.body);
    expect(job.status, JSON.stringify(job)).toBe('Completed');
    expect(job.result).toMatchObject({ orderNumber: '00000101', status: 'Completed' });

    const usage = await subscriptionView(api, 'SUB-0000005');
    expect(usage.ratePlans[0]?.externallyManagedPlanId).toBe('a0w000000000001AAA');
    expect(usage.ratePlans[0]?.ratePlanCharges[0]?.tiers).toMatchObject([
      { tier: 1, startingUnit: 0, endingUnit: 184, price: 1.5 },
      { tier: 2, startingUnit: 185, endingUnit: 999, price: 1.2 },
    ]);
    const seats = await subscriptionView(api, 'SUB-0000001');
    expect(seats.ratePlans[0]).toMatchObject({
      externallyManagedPlanId: '802000000000001AAA',
      ratePlanCharges: [{ number: '0000000001', quantity: 10, price: 30 }],
    });
    const read = await api('/v1/orders/00000101');
    expect(JSON.stringify(read.body)).toContain('Edge Router');
  }, 120_000);

  it('bills to a contact made from the order address and ships to the order contact; a foreign bill-to is CPQ-E008', async () => {
    const settings = defaultCpqSettings;
    const acct = account({ Id: '001000000000007AAA', Name: 'Contacts Ltd' });
    const shipTo = contact({ Id: '003000000000007AAA', AccountId: acct.Id });
    const b = bundle({
      account: acct,
      order: order({
        Id: '801000000000007AAA',
        OrderNumber: '00000107',
        BillingStreet: '9 Order St',
        BillingCity: 'Austin',
        BillingState: 'TX',
        BillingPostalCode: '73301',
        BillingCountry: 'United States',
        ShipToContactId: shipTo.Id,
      }),
      shipToContact: shipTo,
      items: [{ ...bundle().items[0]!, OrderItemNumber: '0000000071' }],
      subscriptions: [{ ...bundle().subscriptions[0]!, Name: 'SUB-0000071' }],
      products: [{ ...bundle().products[0]!, ProductCode: 'CPQ-SEAT-CONTACTS' }],
    });
    const chosen = orderContacts(b);
    if (!chosen.ok) throw new Error(chosen.error.message);
    expect([chosen.value.billTo.kind, chosen.value.soldTo.kind]).toEqual(['address', 'contact']);
    const accountNumber = await createAccount(api, acct);
    const ids: string[] = [];
    for (const choice of [chosen.value.billTo, chosen.value.soldTo]) {
      if (choice.kind === 'account') throw new Error('expected a contact');
      const r = await api('/v1/contacts', 'POST', { accountNumber, ...choice.draft });
      expect(r.body, JSON.stringify(r.body)).toMatchObject({ success: true });
      ids.push(String(r.body.id));
    }
    const ratePlans = await createCatalog(api, b, settings);
    const parts = {
      settings,
      ratePlans,
      invoiceOwnerAccountNumber: accountNumber,
      subscriptionOwnerAccountNumber: accountNumber,
      currency: 'USD',
      tenant: { requireServiceActivation: false, requireCustomerAcceptance: false },
    };
    const job = await submit(
      api,
      built(inputsFor(b, { ...parts, billToContactId: ids[0]!, soldToContactId: ids[1]! })).body,
    );
    expect(job.status, JSON.stringify(job)).toBe('Completed');
    const sub = (await subscriptionView(api, 'SUB-0000071')) as unknown as {
      billToContactId: string;
      soldToContactId: string;
    };
    expect([sub.billToContactId, sub.soldToContactId]).toEqual(ids);

    // A bill-to of another account: Zuora refuses it, and the answer maps to the documented condition.
    const other = await createAccount(api, account({ Id: '001000000000008AAA', Name: 'Other Ltd' }));
    const foreign = await api('/v1/contacts', 'POST', {
      accountNumber: other,
      firstName: 'Foreign',
      lastName: 'Contact',
      country: 'United States',
      state: 'CA',
    });
    const again = bundle({
      ...b,
      order: { ...b.order, Id: '801000000000009AAA', OrderNumber: '00000109' },
      subscriptions: [{ ...b.subscriptions[0]!, Name: 'SUB-0000072' }],
      items: [{ ...b.items[0]!, OrderItemNumber: '0000000072' }],
    });
    const refused = await submit(
      api,
      built(inputsFor(again, { ...parts, billToContactId: String(foreign.body.id) })).body,
    );
    expect(refused.status).toBe('Failed');
    expect(fromZuoraOrderError({ status: 200, body: refused }).code).toBe('CPQ-E008');
  }, 120_000);
});
