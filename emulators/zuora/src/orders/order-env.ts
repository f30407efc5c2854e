// What planning one order reads: the tenant (through indexes built once per order), the entity the request
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
  private latest?: Map<string, ZRecord>;
  private chargeNumbers?: Set<string>;
  private subscriptionNames?: Set<string>;
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
    if (this.latest === undefined) {
      this.latest = new Map();
      for (const { record } of this.store.scan('Subscription', this.entityId)) {
        const name = String(record.Name);
        const seen = this.latest.get(name);
        if (seen === undefined || Number(record.Version) > Number(seen.Version))
          this.latest.set(name, record);
      }
    }
    return this.latest.get(number);
  }

  /** Subscription numbers are unique in the tenant (all entities). */
  subscriptionNumberUsed(number: string): boolean {
    if (this.subscriptionNames === undefined) {
      this.subscriptionNames = new Set();
      for (const { record } of this.store.scan('Subscription', null))
        this.subscriptionNames.add(String(record.Name));
    }
    return this.subscriptionNames.has(number);
  }

  nextSubscriptionNumber(reserved: ReadonlySet<string>): string {
    for (;;) {
      this.counters.subscription += 1;
      const n = `A-S${String(this.store.count('Subscription') + this.counters.subscription).padStart(8, '0')}`;
      if (!reserved.has(n) && !this.subscriptionNumberUsed(n)) return n;
    }
  }

  private usedChargeNumbers(): Set<string> {
    if (this.chargeNumbers === undefined) {
      this.chargeNumbers = new Set();
      for (const { record } of this.store.scan('RatePlanCharge', null))
        this.chargeNumbers.add(String(record.ChargeNumber));
    }
    return this.chargeNumbers;
  }

  /** Takes a charge number the request names; false when the tenant (or this order) already has it. */
  claimChargeNumber(number: string): boolean {
    const used = this.usedChargeNumbers();
    if (used.has(number)) return false;
    used.add(number);
    return true;
  }

  nextChargeNumber(): string {
    this.usedChargeNumbers();
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
