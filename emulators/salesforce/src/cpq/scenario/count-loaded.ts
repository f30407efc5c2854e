import { cpqCatalog } from '../../../../shared/cpq-catalog.js';
import type { CpqRuntime } from '../cpq-runtime.js';
import { isDecimalUom } from './scenario-lines.js';
import type { CpqScenarioManifest } from './scenario-manifest.js';
import { countTraps } from './count-traps.js';

// Counts what the loaded org holds (items by product kind, schedules by type and rate count, orders
// by currency, contracts, subscriptions) into the manifest, from the store itself.

export function countLoaded(rt: CpqRuntime, manifest: CpqScenarioManifest): void {
  const { store, objects: o } = rt;
  const catalog = new Map(cpqCatalog().map((p) => [p.productId, p]));
  const table = (def: typeof o.order) => store.table(def).live;
  manifest.accounts = table(o.account).size;
  manifest.contacts = table(o.contact).size;
  manifest.products = table(o.product).size;
  manifest.orders.total = table(o.order).size;
  for (const order of table(o.order).values()) {
    const c = String(order.CurrencyIsoCode);
    manifest.currencies[c] = (manifest.currencies[c] ?? 0) + 1;
  }
  for (const item of table(o.orderItem).values()) {
    const p = catalog.get(String(item.Product2Id));
    if (!p) continue;
    if (p.kind === 'usage') manifest.items.usage += 1;
    else if (p.kind === 'one-time') manifest.items.oneTime += 1;
    else manifest.items.recurring += 1;
    if (isDecimalUom(p)) manifest.items.decimalUom += 1;
  }
  const rates = new Map<string, number>();
  for (const r of table(o.itemRate).values()) {
    const s = String(r.SBQQ__OrderItemConsumptionSchedule__c);
    rates.set(s, (rates.get(s) ?? 0) + 1);
  }
  for (const s of table(o.itemSchedule).values()) {
    if (s.SBQQ__Type__c === 'Slab') manifest.schedules.slab += 1;
    else manifest.schedules.range += 1;
    const n = String(rates.get(String(s.Id)) ?? 0);
    manifest.schedules.byRateCount[n] = (manifest.schedules.byRateCount[n] ?? 0) + 1;
  }
  countTraps(rt, manifest);
  manifest.contracts = table(o.contract).size;
  manifest.subscriptions = table(o.subscription).size;
}
