// Usage tiers end to end (seed 004, "Impact of Unit of Measurement (UOM) on Tier Syncing"; reference 1.10):
// a Salesforce admin creates usage products whose consumption rates are the seed's two tables (0-185, 185-999),
// one measured in an integer unit, one in a unit of two decimal places (the tenant's GB); the orders' Zuora
// subscriptions carry exactly the seed's Zuora tiers, without and with "Increment Tier Upper Bound", read back
// through the Zuora emulator's API. Caps, when enabled, go on each tier from the rate's Cap__c; mixed
// currencies are refused before anything is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CpqDeps } from '../../src/cpq/cpq-deps.js';
import { startCpqHarness, type CpqHarness } from './cpq-harness.js';
import {
  activatedOrder,
  createRecord,
  linkUsdSchedule,
  productId,
  syncOrders,
  usdAccount,
} from './cpq-actions.js';
import { orderOf, subscriptionOf, type ZTier } from './cpq-zuora-reads.js';

/** The seed's consumption rates: lower bound inclusive, upper bound exclusive. */
const seedRates = [
  { LowerBound: 0, UpperBound: 185, Price: 1.5 },
  { LowerBound: 185, UpperBound: 999, Price: 1.25 },
];

describe('CPQ usage tiers', () => {
  let h: CpqHarness;
  const products = new Map<string, string>();
  beforeAll(async () => {
    h = await startCpqHarness({ scenario: { seed: 11, accountCount: 20, orderCount: 5 } });
    for (const uom of ['Each', 'GB']) products.set(uom, await usageProduct(`CPQ-TIERS-${uom}`, uom));
  }, 120_000);
  afterAll(async () => h.close());

  const sf = () => h.salesforce;

  /** A usage product with one Range schedule of the seed's rates, as an admin sets one up in Salesforce. */
  async function usageProduct(code: string, uom: string): Promise<string> {
    const conn = h.deps.salesforce;
    const create = (object: string, fields: Record<string, unknown>) => createRecord(conn, object, fields);
    const product = await create('Product2', {
      Name: `Tier test ${uom}`,
      ProductCode: code,
      IsActive: true,
      Family: 'Usage',
      QuantityUnitOfMeasure: uom,
      CurrencyIsoCode: 'USD',
      SBQQ__ChargeType__c: 'Usage',
      SBQQ__BillingType__c: 'Arrears',
      SBQQ__BillingFrequency__c: 'Monthly',
      SBQQ__SubscriptionType__c: 'Renewable',
      SBQQ__SubscriptionPricing__c: 'Fixed Price',
      SBQQ__SubscriptionTerm__c: 12,
      SBQQ__PricingMethod__c: 'List',
      SBQQ__HasConsumptionSchedule__c: true,
    });
    const pricebook = await conn.query<{ Id: string }>('SELECT Id FROM Pricebook2 WHERE IsStandard = true');
    await create('PricebookEntry', {
      Pricebook2Id: pricebook.records[0]?.Id,
      Product2Id: product,
      UnitPrice: 0,
      IsActive: true,
      CurrencyIsoCode: 'USD',
    });
    await linkUsdSchedule(conn, product, { name: `${code} USD`, uom, rates: seedRates });
    return product;
  }

  async function tiersOf(deps: CpqDeps, uom: string, account: number): Promise<readonly ZTier[]> {
    const { accountId, contactId } = usdAccount(sf(), account);
    const orderId = await activatedOrder(sf(), {
      accountId,
      billToContactId: contactId,
      lines: [{ productId: products.get(uom) ?? '', quantity: 1 }],
    });
    const { outcomes } = await syncOrders(deps, [orderId]);
    expect(outcomes.map((o) => [o.status, o.error?.code])).toEqual([['Synced', undefined]]);
    const item = sf()
      .records('OrderItem')
      .find((i) => i.OrderId === orderId);
    const sub = await subscriptionOf(h.deps.zuora, String(item?.Zuora_Subscription_Number__c));
    return sub.ratePlans[0]?.ratePlanCharges[0]?.tiers ?? [];
  }

  interface SentOrder {
    subscriptions: {
      orderActions: {
        createSubscription: {
          subscribeToRatePlans: {
            chargeOverrides: {
              pricing: { usageVolume?: { tiers: { endingUnit?: number; cap?: number }[] } };
            }[];
          }[];
        };
      }[];
    }[];
  }

  const bounds = (tiers: readonly ZTier[]) => tiers.map((t) => [t.startingUnit, t.endingUnit]);

  it('lowers every upper bound but the last by one for an integer unit (the seed’s first table), or raises the next lower bound', async () => {
    const tiers = await tiersOf(h.deps, 'Each', 0);
    expect(bounds(tiers)).toEqual([
      [0, 184],
      [185, 999],
    ]);
    expect(tiers.map((t) => [t.tier, t.price, t.priceFormat])).toEqual([
      [1, 1.5, 'PerUnit'],
      [2, 1.25, 'PerUnit'],
    ]);
    // With the option the next lower bound goes up by the unit instead.
    const increment = { ...h.deps, cpq: { ...h.deps.cpq, incrementTierUpperBound: true } };
    expect(bounds(await tiersOf(increment, 'Each', 5))).toEqual([
      [0, 185],
      [186, 999],
    ]);
  }, 180_000);

  it('lowers by 0.01 for a unit of two decimals, or raises the next lower bound with the option (the seed’s second table)', async () => {
    expect(bounds(await tiersOf(h.deps, 'GB', 1))).toEqual([
      [0, 184.99],
      [185, 999],
    ]);
    const increment = { ...h.deps, cpq: { ...h.deps.cpq, incrementTierUpperBound: true } };
    expect(bounds(await tiersOf(increment, 'GB', 2))).toEqual([
      [0, 185],
      [185.01, 999],
    ]);
  }, 180_000);

  it('caps each tier from the rate’s Cap field when caps are enabled', async () => {
    const { accountId, contactId } = usdAccount(sf(), 3);
    const orderId = await activatedOrder(sf(), {
      accountId,
      billToContactId: contactId,
      lines: [{ productId: products.get('Each') ?? '', quantity: 1 }],
    });
    const item = sf()
      .records('OrderItem')
      .find((i) => i.OrderId === orderId);
    const schedule = sf()
      .records('SBQQ__OrderItemConsumptionSchedule__c')
      .find((s) => s.SBQQ__OrderItem__c === item?.Id);
    const rates = sf()
      .records('SBQQ__OrderItemConsumptionRate__c')
      .filter((r) => r.SBQQ__OrderItemConsumptionSchedule__c === schedule?.Id);
    for (const r of rates)
      await h.deps.salesforce
        .sobject('SBQQ__OrderItemConsumptionRate__c')
        .update({ Id: String(r.Id), Cap__c: Number(r.SBQQ__LowerBound__c) === 0 ? 200 : 900 });
    const capped = { ...h.deps, cpq: { ...h.deps.cpq, tierCaps: { enabled: true, field: 'Cap__c' } } };
    // Zuora's documented ChargeTier has no cap field the emulator could show, so the request is what is checked:
    // the dry run answers the exact order the sync would send.
    const [preview] = (await syncOrders(capped, [orderId], true)).outcomes;
    const sentTiers = (requests: readonly { path: string; body: unknown }[] | null | undefined) => {
      const body = requests?.find((r) => r.path === '/v1/async/orders')?.body as SentOrder | undefined;
      const plan = body?.subscriptions[0]?.orderActions[0]?.createSubscription.subscribeToRatePlans[0];
      return plan?.chargeOverrides[0]?.pricing.usageVolume?.tiers;
    };
    expect(sentTiers(preview?.requests)?.map((t) => [t.endingUnit, t.cap])).toEqual([
      [184, 200],
      [999, 900],
    ]);
    const [plain] = (await syncOrders(h.deps, [orderId], true)).outcomes;
    expect(sentTiers(plain?.requests)?.map((t) => [t.endingUnit, t.cap])).toEqual([
      [184, undefined],
      [999, undefined],
    ]);
  }, 180_000);

  it('refuses an order whose consumption schedules are in another currency than the order', async () => {
    const { accountId, contactId } = usdAccount(sf(), 4);
    const orderId = await activatedOrder(sf(), {
      accountId,
      billToContactId: contactId,
      usageScheduleCurrency: 'EUR',
      lines: [
        { productId: productId('CPQ-SEAT-STD'), quantity: 2 },
        { productId: productId('CPQ-API'), quantity: 1 },
      ],
    });
    const { outcomes } = await syncOrders(h.deps, [orderId]);
    expect(outcomes[0]?.status).toBe('Failed');
    expect(outcomes[0]?.error?.code).toBe('CPQ-E011');
    expect(outcomes[0]?.error?.message).toMatch(/EUR/);
    const record = sf()
      .records('CPQ_Order_Sync__c')
      .find((r) => r.Order__c === orderId);
    expect(record).toMatchObject({ Status__c: 'Failed', Error_Code__c: 'CPQ-E011' });
    expect(String(record?.Fix__c)).toMatch(/one currency/);
    const order = sf()
      .records('Order')
      .find((o) => o.Id === orderId);
    expect(String(order?.Zuora_Last_Sync_Error__c)).toMatch(/^CPQ-E011: /);
    expect(await orderOf(h.deps.zuora, String(order?.OrderNumber))).toBeUndefined();
  }, 180_000);
});
