import type jsforce from 'jsforce';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externallyManagedPlans } from '../../shared/cpq-managed-plans.js';
import {
  seedCpqScenario,
  startSalesforceEmulator,
  type CpqScenarioManifest,
  type SalesforceEmulator,
} from '../src/index.js';
import { waitFor } from './cpq-helpers.js';
import { login, startFixtureEmulator } from './helpers.js';

// The generated CPQ scenario at size S (about 200 accounts and 1,000 orders), loaded into a running
// emulator through the admin API, checked against the org with SOQL through jsforce: every kind of
// order the issue lists is there, in the numbers the generator reports. (Its load time is measured by
// emulators/salesforce/bench/cpq-scenario-bench.ts, not here.)

let emulator: SalesforceEmulator;
let conn: jsforce.Connection;
let manifest: CpqScenarioManifest;
beforeAll(async () => {
  emulator = await startFixtureEmulator({ cpqContractingDelayMs: 600_000 });
  conn = await login(emulator);
  manifest = await seedCpqScenario(emulator.url, emulator.adminToken, { seed: 42, size: 'S' });
}, 120_000);
afterAll(() => emulator.close());

type Row = Record<string, unknown>;
const count = async (soql: string) => (await conn.query(soql)).totalSize;
async function all(soql: string): Promise<Row[]> {
  return (await conn.query<Row>(soql).run({ autoFetch: true, maxFetch: 1_000_000 })).records;
}
const orderSets = (rows: Row[]) => {
  const byOrder = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = byOrder.get(String(r.OrderId)) ?? new Set<string>();
    set.add(String(r.SBQQ__ContractAction__c));
    byOrder.set(String(r.OrderId), set);
  }
  return [...byOrder.values()];
};

describe('CPQ scenario S', () => {
  it('has the size of the billing tenant S', async () => {
    expect(manifest.accounts).toBe(200);
    expect(await count('SELECT COUNT() FROM Account')).toBe(200);
    expect(await count('SELECT COUNT() FROM Order')).toBe(1000);
    expect(manifest.orders).toEqual({
      total: 1000,
      new: await count("SELECT COUNT() FROM Order WHERE Type = 'New'"),
      amendment: await count("SELECT COUNT() FROM Order WHERE Type = 'Amendment'"),
      renewal: await count("SELECT COUNT() FROM Order WHERE Type = 'Renewal'"),
    });
    expect(manifest.orders.amendment).toBeGreaterThan(100);
    expect(manifest.orders.renewal).toBeGreaterThan(20);
  });

  it('holds draft, activated-only, contracting-pending and contracted orders', async () => {
    const contractedItems = 'SELECT OrderId FROM OrderItem WHERE SBQQ__Contracted__c = true';
    expect(manifest.states).toEqual({
      draft: await count("SELECT COUNT() FROM Order WHERE StatusCode = 'Draft'"),
      activatedNotContracted: await count(
        "SELECT COUNT() FROM Order WHERE StatusCode = 'Activated' AND SBQQ__Contracted__c = false",
      ),
      contractingPending: await count(
        `SELECT COUNT() FROM Order WHERE SBQQ__Contracted__c = true AND Id NOT IN (${contractedItems})`,
      ),
      contracted: await count(
        `SELECT COUNT() FROM Order WHERE SBQQ__Contracted__c = true AND Id IN (${contractedItems})`,
      ),
    });
    for (const n of Object.values(manifest.states)) expect(n).toBeGreaterThan(0);
  });

  it('names bill-to and ship-to parties by contact, by address only, or not at all, and other owners', async () => {
    expect(manifest.parties).toEqual({
      contacts: await count(
        "SELECT COUNT() FROM Order WHERE Type = 'New' AND BillToContactId != null AND ShipToContactId != null",
      ),
      addressesOnly: await count(
        "SELECT COUNT() FROM Order WHERE Type = 'New' AND BillToContactId = null AND BillingCountry != null",
      ),
      neither: await count(
        "SELECT COUNT() FROM Order WHERE Type = 'New' AND BillToContactId = null AND BillingCountry = null",
      ),
    });
    expect(manifest.owners.invoiceOwnerDiffers).toBe(
      await count("SELECT COUNT() FROM Order WHERE Type = 'New' AND InvoiceOwner__c != null"),
    );
    expect(manifest.owners.subscriptionOwnerDiffers).toBe(
      await count("SELECT COUNT() FROM Order WHERE Type = 'New' AND SubscriptionOwner__c != null"),
    );
    for (const n of [...Object.values(manifest.parties), ...Object.values(manifest.owners)])
      expect(n).toBeGreaterThan(0);
  });

  it('holds one currency per order, several currencies, and the mixed-currency traps', async () => {
    expect(Object.keys(manifest.currencies).length).toBeGreaterThanOrEqual(4);
    for (const [currency, n] of Object.entries(manifest.currencies))
      expect(await count(`SELECT COUNT() FROM Order WHERE CurrencyIsoCode = '${currency}'`)).toBe(n);
    const orders = await all('SELECT Id, CurrencyIsoCode, Account.CurrencyIsoCode FROM Order');
    expect(orders.filter((o) => (o.Account as Row).CurrencyIsoCode !== o.CurrencyIsoCode)).toHaveLength(
      manifest.traps.orderCurrencyDiffersFromAccount,
    );
    const schedules = await all(
      'SELECT CurrencyIsoCode, SBQQ__OrderItem__r.CurrencyIsoCode, SBQQ__OrderItem__r.OrderId FROM SBQQ__OrderItemConsumptionSchedule__c',
    );
    const mixed = new Set(
      schedules
        .filter((s) => (s.SBQQ__OrderItem__r as Row).CurrencyIsoCode !== s.CurrencyIsoCode)
        .map((s) => (s.SBQQ__OrderItem__r as Row).OrderId),
    );
    expect(mixed.size).toBe(manifest.traps.usageScheduleCurrencyDiffers);
    expect(manifest.traps.orderCurrencyDiffersFromAccount).toBeGreaterThan(0);
    expect(manifest.traps.usageScheduleCurrencyDiffers).toBeGreaterThan(0);
  });

  it('holds amendments of every kind as CPQ writes them, and renewals', async () => {
    const sets = orderSets(
      await all("SELECT OrderId, SBQQ__ContractAction__c FROM OrderItem WHERE Order.Type = 'Amendment'"),
    );
    const has = (s: Set<string>, ...actions: string[]) => actions.every((a) => s.has(a));
    const a = manifest.amendments;
    expect(sets.filter((s) => has(s, 'Quantity Increase'))).toHaveLength(a.quantityUp + a.ownerChange);
    expect(sets.filter((s) => has(s, 'Quantity Decrease'))).toHaveLength(a.quantityDown);
    expect(sets.filter((s) => has(s, 'Cancel', 'New'))).toHaveLength(a.priceChange);
    expect(sets.filter((s) => has(s, 'Cancel') && !s.has('New'))).toHaveLength(a.cancel);
    expect(sets.filter((s) => has(s, 'New') && !s.has('Cancel'))).toHaveLength(a.addProduct);
    for (const n of Object.values(a)) expect(n).toBeGreaterThan(0);
    const revised = await all(
      "SELECT SBQQ__RevisedOrderProduct__r.SBQQ__RevisedOrderProduct__c FROM OrderItem WHERE SBQQ__ContractAction__c IN ('Quantity Increase', 'Quantity Decrease', 'Cancel', 'Renew')",
    );
    // Revisions point at the first line of the lineage, which revises nothing itself.
    expect(
      revised.every(
        (r) => (r.SBQQ__RevisedOrderProduct__r as Row | null)?.SBQQ__RevisedOrderProduct__c === null,
      ),
    ).toBe(true);
    expect(
      await count(
        "SELECT COUNT() FROM OrderItem WHERE Order.Type = 'Renewal' AND SBQQ__ContractAction__c != 'Renew'",
      ),
    ).toBe(0);
  });

  it('holds recurring, one-time and usage products, Range and Slab schedules with 1 to 5 rates, and the product traps', async () => {
    expect(manifest.items.usage).toBe(
      await count('SELECT COUNT() FROM OrderItem WHERE Product2.SBQQ__HasConsumptionSchedule__c = true'),
    );
    expect(manifest.items.oneTime).toBe(
      await count('SELECT COUNT() FROM OrderItem WHERE SBQQ__SubscriptionPricing__c = null'),
    );
    expect(manifest.items.decimalUom).toBe(
      await count("SELECT COUNT() FROM OrderItem WHERE Product2.QuantityUnitOfMeasure IN ('GB', 'Hour')"),
    );
    expect(manifest.schedules.range).toBe(
      await count("SELECT COUNT() FROM SBQQ__OrderItemConsumptionSchedule__c WHERE SBQQ__Type__c = 'Range'"),
    );
    expect(manifest.schedules.slab).toBe(
      await count("SELECT COUNT() FROM SBQQ__OrderItemConsumptionSchedule__c WHERE SBQQ__Type__c = 'Slab'"),
    );
    const rates = new Map<string, number>();
    for (const r of await all(
      'SELECT SBQQ__OrderItemConsumptionSchedule__c FROM SBQQ__OrderItemConsumptionRate__c',
    )) {
      const key = String(r.SBQQ__OrderItemConsumptionSchedule__c);
      rates.set(key, (rates.get(key) ?? 0) + 1);
    }
    const byCount: Record<string, number> = {};
    for (const n of rates.values()) byCount[String(n)] = (byCount[String(n)] ?? 0) + 1;
    expect(byCount).toEqual(manifest.schedules.byRateCount);
    expect(Object.keys(byCount).sort()).toEqual(['1', '2', '3', '4', '5']);
    const codeless = await all('SELECT OrderId FROM OrderItem WHERE Product2.ProductCode = null');
    expect(new Set(codeless.map((r) => r.OrderId)).size).toBe(manifest.traps.emptyProductCode);
    const chargeless = await all('SELECT OrderId FROM OrderItem WHERE SBQQ__ChargeType__c = null');
    expect(new Set(chargeless.map((r) => r.OrderId)).size).toBe(manifest.traps.chargeTypeNull);
    const managedIds = externallyManagedPlans().map((p) => p.productId);
    const managed = await all(
      `SELECT OrderId FROM OrderItem WHERE Product2Id IN ('${[...new Set(managedIds)].join("','")}')`,
    );
    expect(new Set(managed.map((r) => r.OrderId)).size).toBe(manifest.traps.externallyManagedProduct);
    expect(await count('SELECT COUNT() FROM Account WHERE BillingCountry = null')).toBe(
      manifest.traps.accountWithoutBillingAddress,
    );
    for (const n of [...Object.values(manifest.items), ...Object.values(manifest.traps)])
      expect(n).toBeGreaterThan(0);
  });

  it('keeps its history before asOf and finishes pending contracting after the delay', async () => {
    expect(await count('SELECT COUNT() FROM Order WHERE LastModifiedDate >= 2026-01-01T00:00:00Z')).toBe(0);
    expect(await count('SELECT COUNT() FROM Order WHERE CreatedDate < 2022-12-01T00:00:00Z')).toBe(0);
    emulator.cpq.setContractingDelay(10);
    await waitFor(
      async () =>
        (await count(
          'SELECT COUNT() FROM Order WHERE SBQQ__Contracted__c = true AND Id NOT IN (SELECT OrderId FROM OrderItem WHERE SBQQ__Contracted__c = true)',
        )) === 0,
    );
    expect(emulator.cpq.contractingJobs().filter((j) => j.state === 'Failed')).toEqual([]);
  });
});

describe('CPQ scenario generation', () => {
  it('is deterministic from its seed', async () => {
    const dump = (e: SalesforceEmulator) =>
      JSON.stringify(
        ['Order', 'OrderItem', 'SBQQ__Subscription__c', 'Contract', 'SBQQ__OrderItemConsumptionRate__c'].map(
          (o) => e.records(o),
        ),
      );
    const a = await startSalesforceEmulator({
      cpqScenario: { seed: 5, size: 'XS' },
      cpqContractingDelayMs: 600_000,
    });
    const b = await startSalesforceEmulator({
      cpqScenario: { seed: 5, size: 'XS' },
      cpqContractingDelayMs: 600_000,
    });
    const c = await startSalesforceEmulator({
      cpqScenario: { seed: 6, size: 'XS' },
      cpqContractingDelayMs: 600_000,
    });
    try {
      expect(dump(a)).toBe(dump(b));
      expect(dump(a)).not.toBe(dump(c));
      expect(a.cpq.scenario()?.orders.total).toBe(100);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });
});
