// What planning one order reads: the tenant (through the tables' value indexes), the entity the request
// acts in, the billing settings, and the numbers the order generates (subscription and charge numbers,
// unique in the tenant).
import { findUnitOfMeasure } from '../catalog/units-of-measure.js';
import type { ZRecord } from '../model/zuora-record.js';
import { ChildIndex } from '../query/relations.js';
import type { StoredRecord, TenantStore } from '../store/tenant-store.js';
import type { BillingSettings } from '../tenant/billing-settings.js';

export type OrderMode = 'sync' | 'async';

export class OrderEnv {
  readonly children: ChildIndex;
  readonly entity: string;
  /** Charge numbers this order has taken so far. */
  private readonly claimed = new Set<string>();
  private counters = { subscription: 0, charge: 0 };

  constructor(
    readonly store: TenantStore,
    readonly entityId: string | null,
    readonly settings: BillingSettings,
    readonly mode: OrderMode,
  ) {
    this.children = new ChildIndex(store);
    this.entity = entityId ?? store.defaultEntityId;
  }

  inEntity(stored: StoredRecord | undefined): stored is StoredRecord {
    return stored !== undefined && (this.entityId === null || stored.entityId === this.entityId);
  }

  /** The current (highest) version of a subscription number in the entity. */
  currentVersion(number: string): ZRecord | undefined {
    let latest: ZRecord | undefined;
    for (const { record } of this.store.table('Subscription').withValue('Name', number, this.entityId))
      if (latest === undefined || Number(record.Version) > Number(latest.Version)) latest = record;
    return latest;
  }

  /** Subscription numbers are unique in the tenant (all entities). */
  subscriptionNumberUsed(number: string): boolean {
    return this.store.table('Subscription').withValue('Name', number).length > 0;
  }

  nextSubscriptionNumber(reserved: ReadonlySet<string>): string {
    for (;;) {
      this.counters.subscription += 1;
      const n = `A-S${String(this.store.count('Subscription') + this.counters.subscription).padStart(8, '0')}`;
      if (!reserved.has(n) && !this.subscriptionNumberUsed(n)) return n;
    }
  }

  /** Takes a charge number the request names; false when the tenant (or this order) already has it. */
  claimChargeNumber(number: string): boolean {
    if (
      this.claimed.has(number) ||
      this.store.table('RatePlanCharge').withValue('ChargeNumber', number).length > 0
    )
      return false;
    this.claimed.add(number);
    return true;
  }

  nextChargeNumber(): string {
    for (;;) {
      this.counters.charge += 1;
      const n = `C-${String(this.store.count('RatePlanCharge') + this.counters.charge).padStart(8, '0')}`;
      if (this.claimChargeNumber(n)) return n;
    }
  }

  uom(name: unknown): ZRecord | undefined {
    return typeof name === 'string' ? findUnitOfMeasure(this.store, name) : undefined;
  }

  account(key: string): StoredRecord | undefined {
    const found = this.store.findAccount(key);
    return this.inEntity(found) ? found : undefined;
  }
}
