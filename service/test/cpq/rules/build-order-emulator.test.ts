// The requests the rules shape, sent to an in-process Zuora emulator: the account from accountContacts, the
// catalog of catalogPlan through the object API, and the order of buildOrder through the asynchronous
// Orders API (job polled to its end). Accepted as built, they are the documented shapes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZuoraEmulator } from '../../../../emulators/zuora/src/index.js';
import { defaultCpqSettings, type CpqSettings } from '../../../src/cpq/rules/cpq-settings.js';
import { bundle, oneTimeItem, oneTimeProduct, usageParts } from './cpq-fixtures.js';
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
});
