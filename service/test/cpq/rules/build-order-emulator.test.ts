// The requests the rules shape, sent to an in-process Zuora emulator: the account from accountContacts, the
// catalog of catalogPlan through the object API, and the order of buildOrder through the asynchronous
// Orders API (job polled to its end). Accepted as built, they are the documented shapes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_ZUORA_CLIENT_ID,
  DEFAULT_ZUORA_CLIENT_SECRET,
  startZuoraEmulator,
  type ZuoraEmulator,
} from '../../../../emulators/zuora/src/index.js';
import { catalogNeeds } from '../../../src/cpq/rules/catalog-needs.js';
import { catalogPlan, type ZuoraRatePlanRef } from '../../../src/cpq/rules/catalog-plan.js';
import { classifyItems } from '../../../src/cpq/rules/classify-items.js';
import { accountContacts } from '../../../src/cpq/rules/contact-precedence.js';
import type { CpqOrderBundle } from '../../../src/cpq/rules/cpq-records.js';
import { defaultCpqSettings, type CpqSettings } from '../../../src/cpq/rules/cpq-settings.js';
import { buildOrder } from '../../../src/cpq/rules/build-order.js';
import { bundle, oneTimeItem, oneTimeProduct, usageParts } from './cpq-fixtures.js';

let zuora: ZuoraEmulator;
let token = '';

async function api(
  path: string,
  method = 'GET',
  json?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${zuora.url}${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(json === undefined ? {} : { body: JSON.stringify(json) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function created(path: string, json: unknown): Promise<string> {
  const r = await api(path, 'POST', json);
  expect(r.body, `${path}: ${JSON.stringify(r.body)}`).toMatchObject({ Success: true });
  return String(r.body.Id);
}

/** What the engine will do with the catalog plan: units of measure, then product, rate plans and charges. */
async function createCatalog(
  b: CpqOrderBundle,
  settings: CpqSettings,
): Promise<Map<string, ZuoraRatePlanRef>> {
  const needs = catalogNeeds(b);
  if (!needs.ok) throw new Error(needs.error.message);
  const plan = catalogPlan(b, needs.value, { ratePlans: new Map(), productsBySku: new Map() }, settings);
  if (!plan.ok) throw new Error(plan.error.message);
  for (const uom of plan.value.uoms)
    await api('/v1/object/unit-of-measure', 'POST', {
      UomName: uom.name,
      DisplayedAs: uom.name,
      DecimalPlaces: uom.decimalPlaces,
      Active: true,
    });
  const refs = new Map<string, ZuoraRatePlanRef>();
  for (const p of plan.value.create) {
    const productId = await created('/v1/object/product', p.product);
    for (const rp of p.ratePlans) {
      const ratePlanId = await created('/v1/object/product-rate-plan', {
        ...rp.ratePlan,
        ProductId: productId,
      });
      const chargeId = await created('/v1/object/product-rate-plan-charge', {
        ...rp.charge,
        ProductRatePlanId: ratePlanId,
      });
      refs.set(rp.externalId, {
        productRatePlanId: ratePlanId,
        charges: [
          {
            id: chargeId,
            type: rp.charge.ChargeType,
            model: rp.charge.ChargeModel,
            uom: rp.charge.UOM ?? null,
          },
        ],
      });
    }
  }
  return refs;
}

async function submit(body: unknown): Promise<Record<string, unknown>> {
  const submitted = await api('/v1/async/orders', 'POST', body);
  expect(submitted.body).toMatchObject({ success: true });
  const end = Date.now() + 30_000;
  for (;;) {
    const job = await api(`/v1/async-jobs/${String(submitted.body.jobId)}`);
    if (job.body.status !== 'Processing') return job.body;
    if (Date.now() > end) throw new Error('the order job did not finish within 30 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  zuora = await startZuoraEmulator({ tenant: { seed: 11, size: 'XS' } });
  const res = await fetch(`${zuora.url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: DEFAULT_ZUORA_CLIENT_ID,
      client_secret: DEFAULT_ZUORA_CLIENT_SECRET,
    }),
  });
  token = ((await res.json()) as { access_token: string }).access_token;
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
    const contacts = accountContacts(b.account);
    if (!contacts.ok) throw new Error(contacts.error.message);
    const account = await api('/v1/accounts', 'POST', {
      name: b.account.Name,
      currency: 'USD',
      crmId: b.account.Id,
      billCycleDay: 1,
      autoPay: false,
      billToContact: contacts.value.billTo,
      soldToContact: contacts.value.soldTo,
    });
    expect(account.body, JSON.stringify(account.body)).toMatchObject({ success: true });
    const accountNumber = String(account.body.accountNumber);
    const ratePlans = await createCatalog(b, settings);
    const classified = classifyItems(b);
    if (!classified.ok) throw new Error(classified.error.message);
    const needs = catalogNeeds(b);
    if (!needs.ok) throw new Error(needs.error.message);
    const built = buildOrder({
      bundle: b,
      settings,
      classified: classified.value,
      needs: needs.value.needs,
      ratePlans,
      invoiceOwnerAccountNumber: accountNumber,
      subscriptionOwnerAccountNumber: accountNumber,
      currency: 'USD',
      tenant: { requireServiceActivation: false, requireCustomerAcceptance: false },
    });
    if (!built.ok) throw new Error(built.error.message);
    const job = await submit(built.value.body);
    expect(job.status, JSON.stringify(job)).toBe('Completed');
    expect(job.result).toMatchObject({ orderNumber: '00000101', status: 'Completed' });

    const usage = await api('/v1/subscriptions/SUB-0000005');
    const usagePlans = usage.body.ratePlans as {
      externallyManagedPlanId: string;
      ratePlanCharges: { number: string; tiers: unknown[] }[];
    }[];
    expect(usagePlans[0]?.externallyManagedPlanId).toBe('a0w000000000001AAA');
    expect(usagePlans[0]?.ratePlanCharges[0]?.tiers).toMatchObject([
      { tier: 1, startingUnit: 0, endingUnit: 184, price: 1.5 },
      { tier: 2, startingUnit: 185, endingUnit: 999, price: 1.2 },
    ]);
    const seats = await api('/v1/subscriptions/SUB-0000001');
    const seatPlans = seats.body.ratePlans as {
      externallyManagedPlanId: string;
      ratePlanCharges: { number: string; quantity: number; price: number }[];
    }[];
    expect(seatPlans[0]).toMatchObject({
      externallyManagedPlanId: '802000000000001AAA',
      ratePlanCharges: [{ number: '0000000001', quantity: 10, price: 30 }],
    });
    const order = await api('/v1/orders/00000101');
    expect(JSON.stringify(order.body)).toContain('Edge Router');
  }, 120_000);
});
