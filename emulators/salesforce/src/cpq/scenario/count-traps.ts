import { cpqCatalog } from '../../../../shared/cpq-catalog.js';
import type { CpqRuntime } from '../cpq-runtime.js';
import type { CpqScenarioManifest } from './scenario-manifest.js';

// Counts the orders of the loaded org that carry each trap a connector must handle, from the data
// (so amendments and renewals of a trapped order count too): an order in another currency than its
// account, usage schedules in another currency than their order, products without a code, an empty
// charge type, products whose Zuora plan is externally managed; and accounts without a billing address.

export function countTraps(rt: CpqRuntime, manifest: CpqScenarioManifest): void {
  const { store, objects: o } = rt;
  const managed = new Set(
    cpqCatalog()
      .filter((p) => p.externallyManaged)
      .map((p) => p.productId),
  );
  const products = store.table(o.product).live;
  const orders = store.table(o.order).live;
  const accounts = store.table(o.account).live;
  const sets = {
    code: new Set<string>(),
    charge: new Set<string>(),
    managed: new Set<string>(),
    schedule: new Set<string>(),
  };
  const items = store.table(o.orderItem).live;
  for (const item of items.values()) {
    const orderId = String(item.OrderId);
    const product = products.get(String(item.Product2Id));
    if (product && (product.ProductCode === null || product.ProductCode === '')) sets.code.add(orderId);
    if (item.SBQQ__ChargeType__c === null) sets.charge.add(orderId);
    if (managed.has(String(item.Product2Id))) sets.managed.add(orderId);
  }
  for (const schedule of store.table(o.itemSchedule).live.values()) {
    const item = items.get(String(schedule.SBQQ__OrderItem__c));
    if (item && schedule.CurrencyIsoCode !== item.CurrencyIsoCode) sets.schedule.add(String(item.OrderId));
  }
  let currency = 0;
  for (const order of orders.values())
    if (accounts.get(String(order.AccountId))?.CurrencyIsoCode !== order.CurrencyIsoCode) currency += 1;
  manifest.traps = {
    orderCurrencyDiffersFromAccount: currency,
    usageScheduleCurrencyDiffers: sets.schedule.size,
    emptyProductCode: sets.code.size,
    chargeTypeNull: sets.charge.size,
    externallyManagedProduct: sets.managed.size,
    accountWithoutBillingAddress: [...accounts.values()].filter((a) => a.BillingCountry === null).length,
  };
}
