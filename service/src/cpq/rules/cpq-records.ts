// The Salesforce CPQ records the order sync reads, as SOQL returns them (nullable where Salesforce leaves a
// field empty), and the one bundle the rules work on. Field API names follow the CPQ data model of
// shared/reference/cpq-connector-behaviours.md §1.5 and §3 (and the emulator's schema); the SOQL field
// lists the engine queries with are in cpq-soql-fields.ts, one per record type.
import type {
  CpqConsumptionSchedule,
  CpqPricebookEntry,
  CpqProduct2,
  CpqProductConsumptionSchedule,
} from './cpq-catalog-records.js';
import type { CpqOrder, CpqOrderItem, SfDate } from './cpq-order-records.js';
import type { CpqAccount, CpqContact } from './cpq-party-records.js';
import type { CpqSubscription } from './cpq-subscription-record.js';
import type { CpqOrderItemConsumptionRate, CpqOrderItemConsumptionSchedule } from './cpq-usage-records.js';

export type * from './cpq-catalog-records.js';
export type * from './cpq-order-records.js';
export type * from './cpq-party-records.js';
export type * from './cpq-subscription-record.js';
export type * from './cpq-usage-records.js';

export interface CpqContract {
  readonly Id: string;
  readonly StartDate: SfDate | null;
  readonly EndDate: SfDate | null;
  readonly ContractTerm: number | null;
}

export interface CpqQuote {
  readonly Id: string;
  readonly Name: string;
  readonly SBQQ__Type__c: string | null;
}

/** One order with everything the rules need, read by the engine in a few SOQL queries. */
export interface CpqOrderBundle {
  readonly order: CpqOrder;
  readonly account: CpqAccount;
  /** `InvoiceOwner__c` / `SubscriptionOwner__c` when set (null: the order's account owns). */
  readonly invoiceOwner: CpqAccount | null;
  readonly subscriptionOwner: CpqAccount | null;
  /** The order's Bill To / Ship To contacts, when set. */
  readonly billToContact: CpqContact | null;
  readonly shipToContact: CpqContact | null;
  readonly items: readonly CpqOrderItem[];
  /** The `SBQQ__Subscription__c` rows the items point at. */
  readonly subscriptions: readonly CpqSubscription[];
  readonly products: readonly CpqProduct2[];
  readonly pricebookEntries: readonly CpqPricebookEntry[];
  readonly itemSchedules: readonly CpqOrderItemConsumptionSchedule[];
  readonly itemRates: readonly CpqOrderItemConsumptionRate[];
  /** The junctions of the order's products (every product consumption schedule, active or not). */
  readonly productSchedules: readonly CpqProductConsumptionSchedule[];
  readonly consumptionSchedules: readonly CpqConsumptionSchedule[];
  readonly contract: CpqContract | null;
  readonly quote: CpqQuote | null;
}
