// An in-process Zuora emulator for the rules' end-to-end checks, and what the engine will do with the rules'
// output: the account, the catalog plan through the object API, the order through the asynchronous Orders
// API (job polled to its end), and the synced state of a subscription read back.
import { expect } from 'vitest';
import {
  DEFAULT_ZUORA_CLIENT_ID,
  DEFAULT_ZUORA_CLIENT_SECRET,
  startZuoraEmulator,
  type ZuoraEmulator,
} from '../../../../emulators/zuora/src/index.js';
import { buildOrder, type BuildOrderInputs } from '../../../src/cpq/rules/build-order.js';
import { catalogNeeds } from '../../../src/cpq/rules/catalog-needs.js';
import { catalogPlan, type ZuoraRatePlanRef } from '../../../src/cpq/rules/catalog-plan.js';
import { classifyItems } from '../../../src/cpq/rules/classify-items.js';
import { accountContacts } from '../../../src/cpq/rules/contact-precedence.js';
import type { CpqAccount, CpqOrderBundle } from '../../../src/cpq/rules/cpq-records.js';
import type { CpqSettings } from '../../../src/cpq/rules/cpq-settings.js';
import type { SyncedLine } from '../../../src/cpq/rules/synced-line.js';

export type Api = (
  path: string,
  method?: string,
  json?: unknown,
) => Promise<{ status: number; body: Record<string, unknown> }>;

export async function startZuora(): Promise<{ zuora: ZuoraEmulator; api: Api }> {
  const zuora = await startZuoraEmulator({ tenant: { seed: 11, size: 'XS' } });
  const res = await fetch(`${zuora.url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: DEFAULT_ZUORA_CLIENT_ID,
      client_secret: DEFAULT_ZUORA_CLIENT_SECRET,
    }),
  });
  const token = ((await res.json()) as { access_token: string }).access_token;
  const api: Api = async (path, method = 'GET', json) => {
    const r = await fetch(`${zuora.url}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(json === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(json === undefined ? {} : { body: JSON.stringify(json) }),
    });
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  };
  return { zuora, api };
}

async function created(api: Api, path: string, json: unknown): Promise<string> {
  const r = await api(path, 'POST', json);
  expect(r.body, `${path}: ${JSON.stringify(r.body)}`).toMatchObject({ Success: true });
  return String(r.body.Id);
}

export async function createAccount(api: Api, account: CpqAccount): Promise<string> {
  const contacts = accountContacts(account);
  if (!contacts.ok) throw new Error(contacts.error.message);
  const r = await api('/v1/accounts', 'POST', {
    name: account.Name,
    currency: account.CurrencyIsoCode ?? 'USD',
    crmId: account.Id,
    billCycleDay: 1,
    autoPay: false,
    billToContact: contacts.value.billTo,
    soldToContact: contacts.value.soldTo,
  });
  expect(r.body, JSON.stringify(r.body)).toMatchObject({ success: true });
  return String(r.body.accountNumber);
}

/** Units of measure, then product, rate plans and charges of the plan; the rate plans by external id. */
export async function createCatalog(
  api: Api,
  b: CpqOrderBundle,
  settings: CpqSettings,
  known = new Map<string, ZuoraRatePlanRef>(),
): Promise<Map<string, ZuoraRatePlanRef>> {
  const needs = catalogNeeds(b);
  if (!needs.ok) throw new Error(needs.error.message);
  const plan = catalogPlan(b, needs.value, { ratePlans: known, productsBySku: new Map() }, settings);
  if (!plan.ok) throw new Error(plan.error.message);
  for (const uom of plan.value.uoms)
    await api('/v1/object/unit-of-measure', 'POST', {
      UomName: uom.name,
      DisplayedAs: uom.name,
      DecimalPlaces: uom.decimalPlaces,
      Active: true,
    });
  const refs = new Map(known);
  for (const p of plan.value.create) {
    const productId = await created(api, '/v1/object/product', p.product);
    for (const rp of p.ratePlans) {
      const ratePlanId = await created(api, '/v1/object/product-rate-plan', {
        ...rp.ratePlan,
        ProductId: productId,
      });
      const chargeId = await created(api, '/v1/object/product-rate-plan-charge', {
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

export async function submit(api: Api, body: unknown): Promise<Record<string, unknown>> {
  const submitted = await api('/v1/async/orders', 'POST', body);
  expect(submitted.body, JSON.stringify(submitted.body)).toMatchObject({ success: true });
  const end = Date.now() + 30_000;
  for (;;) {
    const job = await api(`/v1/async-jobs/${String(submitted.body.jobId)}`);
    if (job.body.status !== 'Processing') return job.body;
    if (Date.now() > end) throw new Error('the order job did not finish within 30 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export type OrderParts = Omit<BuildOrderInputs, 'bundle' | 'classified' | 'needs'>;

/** classify + catalog needs + the inputs the engine resolved: what buildOrder and amendmentOrder take. */
export function inputsFor(b: CpqOrderBundle, parts: OrderParts): BuildOrderInputs {
  const classified = classifyItems(b);
  if (!classified.ok) throw new Error(classified.error.message);
  const needs = catalogNeeds(b);
  if (!needs.ok) throw new Error(needs.error.message);
  return { ...parts, bundle: b, classified: classified.value, needs: needs.value.needs };
}

export function built(i: BuildOrderInputs) {
  const r = buildOrder(i);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

type SubView = {
  status: string;
  invoiceOwnerAccountNumber?: string;
  ratePlans: {
    id: string;
    externallyManagedPlanId: string | null;
    lastChangeType: string | null;
    ratePlanCharges: { number: string; quantity: number | null; price: number | null; tiers: unknown[] }[];
  }[];
};

export async function subscriptionView(api: Api, number: string): Promise<SubView> {
  return (await api(`/v1/subscriptions/${number}`)).body as unknown as SubView;
}

/** The synced state of a subscription's first rate plan, as the engine reads it back after write-back. */
export async function syncedLine(
  api: Api,
  number: string,
  orderItemId: string,
  invoiceOwner: string,
  variant: string,
): Promise<SyncedLine> {
  const sub = await subscriptionView(api, number);
  const plan = sub.ratePlans.find((p) => p.externallyManagedPlanId === orderItemId) ?? sub.ratePlans[0];
  const charge = plan?.ratePlanCharges[0];
  if (plan === undefined || charge === undefined) throw new Error(`no rate plan on ${number}`);
  return {
    orderItemId,
    subscriptionNumber: number,
    ratePlanId: plan.id,
    chargeNumber: charge.number,
    quantity: charge.quantity ?? 0,
    price: charge.price ?? 0,
    pricingVariant: variant,
    invoiceOwnerAccountNumber: invoiceOwner,
  };
}
