// The catalog check of CPQ orders (seed 004, "ProductSync"; reference 1.8 step 4) through the engine and both
// emulators: a product whose rate plan is externally managed in Zuora (its Product2.Id or
// ProductConsumptionSchedule.Id in the plan's externally managed plan ids) is used as it is, nothing created;
// any other product is created before the order with SKU = Product Code, one rate plan per Product2 (per
// product consumption schedule for usage) carrying that id, and one charge, a usage charge with one default
// tier (the real tiers go on the subscription); a second order of the same products creates nothing more. A
// consumption schedule added to a product the sync made gets its rate plan added to that product, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpqCatalog } from '../../../emulators/shared/cpq-catalog.js';
import { startCpqHarness, type CpqHarness } from './cpq-harness.js';
import { activatedOrder, linkUsdSchedule, productId, syncOrders, usdAccount } from './cpq-actions.js';
import { productsBySku, subscriptionOf, type ZCatalogProduct } from './cpq-zuora-reads.js';

function scheduleId(code: string, name: string): string {
  const s = cpqCatalog()
    .find((p) => p.productCode === code)
    ?.schedules.find((x) => x.name === name);
  if (s === undefined) throw new Error(`no schedule ${name} of ${code}`);
  return s.productScheduleId;
}

const shape = (products: ZCatalogProduct[]) =>
  products.map((p) => ({
    sku: p.sku,
    plans: p.productRatePlans.map((rp) => ({
      id: rp.id,
      external: rp.externallyManagedPlanIds,
      charges: rp.productRatePlanCharges.map((c) => c.id),
    })),
  }));

describe('CPQ catalog check', () => {
  let h: CpqHarness;
  beforeAll(async () => {
    h = await startCpqHarness({ scenario: { seed: 11, accountCount: 20, orderCount: 5 } });
  }, 120_000);
  afterAll(async () => h.close());

  const sf = () => h.salesforce;
  const subscriptionItems = (orderId: string) =>
    sf()
      .records('OrderItem')
      .filter((i) => i.OrderId === orderId && i.SBQQ__Subscription__c !== null);

  async function synced(lines: { productId: string; quantity: number }[], account: number): Promise<string> {
    const { accountId, contactId } = usdAccount(sf(), account);
    const orderId = await activatedOrder(sf(), { accountId, billToContactId: contactId, lines });
    const { outcomes } = await syncOrders(h.deps, [orderId]);
    expect(outcomes.map((o) => [o.status, o.error?.message])).toEqual([['Synced', undefined]]);
    return orderId;
  }

  it('skips the catalog sync of externally managed products and subscribes to their plans', async () => {
    const codes = ['CPQ-SEAT-MGD', 'CPQ-API-MGD'];
    const before = await Promise.all(codes.map((c) => productsBySku(h.deps.zuora, c)));
    expect(before.map((p) => p.length)).toEqual([1, 1]);
    const orderId = await synced(
      [
        { productId: productId('CPQ-SEAT-MGD'), quantity: 5 },
        { productId: productId('CPQ-API-MGD'), quantity: 1 },
      ],
      0,
    );
    const after = await Promise.all(codes.map((c) => productsBySku(h.deps.zuora, c)));
    expect(after.map(shape)).toEqual(before.map(shape));
    const managedPlan = (code: string, external: string) =>
      before[codes.indexOf(code)]?.[0]?.productRatePlans.find((rp) =>
        rp.externallyManagedPlanIds.includes(external),
      )?.id;
    const expected = new Map([
      [productId('CPQ-SEAT-MGD'), managedPlan('CPQ-SEAT-MGD', productId('CPQ-SEAT-MGD'))],
      [productId('CPQ-API-MGD'), managedPlan('CPQ-API-MGD', scheduleId('CPQ-API-MGD', 'Managed API USD'))],
    ]);
    for (const item of subscriptionItems(orderId)) {
      const sub = await subscriptionOf(h.deps.zuora, String(item.Zuora_Subscription_Number__c));
      const planIds = sub.ratePlans.map((rp) => rp.productRatePlanId);
      expect(planIds).toEqual([expected.get(String(item.Product2Id))]);
      // The write-back names the subscription's rate plan and charge, usage products too.
      expect([item.Zuora_Rate_Plan_Id__c, item.Zuora_Rate_Plan_Charge_Id__c]).toEqual([
        sub.ratePlans[0]?.id,
        sub.ratePlans[0]?.ratePlanCharges[0]?.id,
      ]);
    }
  }, 180_000);

  it('creates a missing product with its rate plans and charges, usage with one default tier, once', async () => {
    const codes = ['CPQ-SEAT-ANL', 'CPQ-SETUP', 'CPQ-SMS'];
    for (const c of codes) expect(await productsBySku(h.deps.zuora, c), c).toEqual([]);
    const lines = [
      { productId: productId('CPQ-SEAT-ANL'), quantity: 3 },
      { productId: productId('CPQ-SETUP'), quantity: 1 },
      { productId: productId('CPQ-SMS'), quantity: 1 },
    ];
    const orderId = await synced(lines, 1);
    const created = await Promise.all(codes.map((c) => productsBySku(h.deps.zuora, c)));
    expect(created.map((p) => p.length)).toEqual([1, 1, 1]);
    const [seat, setup, sms] = created.map((p) => p[0] as ZCatalogProduct);
    const planOf = (p: ZCatalogProduct | undefined) => {
      expect(p?.productRatePlans).toHaveLength(1);
      const plan = p?.productRatePlans[0];
      expect(plan?.productRatePlanCharges).toHaveLength(1);
      return { external: plan?.externallyManagedPlanIds, charge: plan?.productRatePlanCharges[0] };
    };
    expect(planOf(seat)).toMatchObject({
      external: [productId('CPQ-SEAT-ANL')],
      charge: { type: 'Recurring', model: 'Per Unit Pricing', billingPeriod: 'Semi-Annual', uom: 'Seat' },
    });
    expect(planOf(setup)).toMatchObject({
      external: [productId('CPQ-SETUP')],
      charge: { type: 'OneTime', model: 'Flat Fee Pricing' },
    });
    const usage = planOf(sms);
    expect(usage.external).toEqual([scheduleId('CPQ-SMS', 'SMS USD')]);
    expect(usage.charge).toMatchObject({ type: 'Usage', model: 'Tiered Pricing', uom: 'Message' });
    const pricing = usage.charge?.pricing as { currency: string; tiers: unknown[] | null }[];
    expect(pricing.map((p) => [p.currency, p.tiers?.length])).toEqual([['USD', 1]]);
    // The subscription carries the order's real tiers, not the catalog's default one.
    const smsItem = subscriptionItems(orderId).find((i) => i.Product2Id === productId('CPQ-SMS'));
    const sub = await subscriptionOf(h.deps.zuora, String(smsItem?.Zuora_Subscription_Number__c));
    expect(sub.ratePlans[0]?.ratePlanCharges[0]?.tiers).toHaveLength(4);

    const again = await synced(lines, 2);
    expect(again).not.toBe(orderId);
    const after = await Promise.all(codes.map((c) => productsBySku(h.deps.zuora, c)));
    expect(after.map(shape)).toEqual(created.map(shape));
  }, 180_000);

  /** A new USD consumption schedule (one flat tier) linked to the product; answers the junction's Id. */
  const addSchedule = (product: string, uom: string) =>
    linkUsdSchedule(h.deps.salesforce, product, {
      name: 'Data Archive USD',
      uom,
      rates: [{ LowerBound: 0, Price: 0.25 }],
    });

  it('adds the rate plan of a schedule added after the first sync to the product it made, once, completing a plan a crash left without its charge', async () => {
    const code = 'CPQ-DATA';
    const line = { productId: productId(code), quantity: 1 };
    await synced([line], 4);
    const [made] = await productsBySku(h.deps.zuora, code);
    expect(made?.productRatePlans.map((rp) => rp.externallyManagedPlanIds)).toEqual([
      [scheduleId(code, 'Data USD')],
    ]);
    const added = await addSchedule(productId(code), 'GB');
    // A crash between the rate plan's create and its charge's (long enough ago that no Idempotency-Key
    // replays it) left the plan without a charge.
    const cut = await h.deps.zuora.request<{ Id: string }>('POST', '/v1/object/product-rate-plan', {
      json: {
        Name: 'Data Archive USD',
        ProductId: made?.id,
        ExternallyManagedPlanIds: [added],
        ActiveCurrencies: 'USD',
        EffectiveStartDate: '2000-01-01',
        EffectiveEndDate: '3000-01-01',
      },
    });
    const orderId = await synced([line], 5);
    const after = await productsBySku(h.deps.zuora, code);
    expect(after.map((p) => p.id)).toEqual([made?.id]);
    const plans = after[0]?.productRatePlans ?? [];
    expect(plans.map((rp) => [rp.externallyManagedPlanIds, rp.productRatePlanCharges.length])).toEqual([
      [[scheduleId(code, 'Data USD')], 1],
      [[added], 1],
    ]);
    expect(plans[1]?.id).toBe(cut.Id);
    expect(plans[1]?.productRatePlanCharges[0]).toMatchObject({ type: 'Usage', uom: 'GB' });
    // The subscription carries one charge per schedule of the order product, the new one on the added plan.
    const sub = await subscriptionOf(
      h.deps.zuora,
      String(subscriptionItems(orderId)[0]?.Zuora_Subscription_Number__c),
    );
    expect(sub.ratePlans.map((rp) => rp.productRatePlanId).sort()).toEqual(plans.map((rp) => rp.id).sort());
    // Once: a later order of the product creates nothing more.
    await synced([line], 6);
    expect(shape(await productsBySku(h.deps.zuora, code))).toEqual(shape(after));
  }, 180_000);

  it('prices a created product in every currency of its price book, so a customer in another currency can buy it', async () => {
    const code = 'CPQ-SEAT-ENT';
    const seat = { productId: productId(code), quantity: 2 };
    await synced([seat], 3);
    const [product] = await productsBySku(h.deps.zuora, code);
    const charge = product?.productRatePlans[0]?.productRatePlanCharges[0];
    const currencies = (charge?.pricing as { currency: string }[]).map((p) => p.currency);
    expect(currencies[0]).toBe('USD');
    expect(currencies).toContain('EUR');
    expect(currencies.length).toBeLessThanOrEqual(5);
    // A EUR customer's order of the same product: the rate plan has EUR active and priced.
    const eur = sf()
      .records('Account')
      .find(
        (a) =>
          a.CurrencyIsoCode === 'EUR' &&
          a.BillingCountry &&
          a.BillingState &&
          sf()
            .records('Contact')
            .some((c) => c.AccountId === a.Id),
      );
    const contactId = sf()
      .records('Contact')
      .find((c) => c.AccountId === eur?.Id)?.Id;
    const orderId = await activatedOrder(sf(), {
      accountId: String(eur?.Id),
      billToContactId: String(contactId),
      lines: [seat],
    });
    const { outcomes } = await syncOrders(h.deps, [orderId]);
    expect(outcomes.map((o) => [o.status, o.error?.message])).toEqual([['Synced', undefined]]);
    const sub = await subscriptionOf(
      h.deps.zuora,
      String(subscriptionItems(orderId)[0]?.Zuora_Subscription_Number__c),
    );
    expect(sub.ratePlans[0]?.productRatePlanId).toBe(product?.productRatePlans[0]?.id);
    expect(shape(await productsBySku(h.deps.zuora, code))).toEqual(shape([product as ZCatalogProduct]));
  }, 180_000);
});
