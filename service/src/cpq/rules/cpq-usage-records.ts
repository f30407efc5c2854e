// The order product consumption schedules and rates (the managed SBQQ objects, reference §1.5): the
// tiers of a usage charge on the Zuora subscription.

export interface CpqOrderItemConsumptionSchedule {
  readonly Id: string;
  readonly Name: string;
  readonly SBQQ__OrderItem__c: string;
  readonly SBQQ__ConsumptionSchedule__c: string | null;
  readonly SBQQ__Type__c: string;
  readonly SBQQ__RatingMethod__c: string | null;
  readonly SBQQ__BillingTerm__c: number | null;
  readonly SBQQ__BillingTermUnit__c: string | null;
  readonly SBQQ__UnitOfMeasure__c: string | null;
  readonly CurrencyIsoCode: string | null;
}

export interface CpqOrderItemConsumptionRate {
  readonly Id: string;
  readonly SBQQ__OrderItemConsumptionSchedule__c: string;
  /** Inclusive. */
  readonly SBQQ__LowerBound__c: number;
  /** Exclusive; null = unbounded. */
  readonly SBQQ__UpperBound__c: number | null;
  readonly SBQQ__Price__c: number;
  readonly SBQQ__PricingMethod__c: string;
  readonly SBQQ__ProcessingOrder__c: number | null;
  readonly CurrencyIsoCode: string | null;
  /** Custom `Cap` field (seed 004), read when caps are on. */
  readonly Cap__c?: number | null;
}
