// The catalog side of a CPQ order as SOQL returns it: products, price book entries, consumption schedules
// and the product <-> schedule junction (reference §1.5, §3.5).

export interface CpqProduct2 {
  readonly Id: string;
  readonly Name: string;
  readonly ProductCode: string | null;
  readonly Description: string | null;
  readonly QuantityUnitOfMeasure: string | null;
  readonly SBQQ__ChargeType__c: string | null;
  readonly SBQQ__BillingType__c: string | null;
  readonly SBQQ__BillingFrequency__c: string | null;
  readonly SBQQ__SubscriptionType__c: string | null;
  readonly SBQQ__SubscriptionPricing__c: string | null;
  readonly SBQQ__SubscriptionTerm__c: number | null;
  readonly SBQQ__PricingMethod__c: string | null;
  readonly SBQQ__HasConsumptionSchedule__c: boolean | null;
  readonly SBQQ__Taxable__c: boolean | null;
  readonly SBQQ__TaxCode__c: string | null;
}

export interface CpqPricebookEntry {
  readonly Id: string;
  readonly Product2Id: string;
  readonly Pricebook2Id: string;
  readonly CurrencyIsoCode: string;
  readonly UnitPrice: number;
  readonly IsActive: boolean | null;
}

export interface CpqConsumptionSchedule {
  readonly Id: string;
  readonly Name: string;
  /** Range -> Zuora Volume, Slab -> Tiered. */
  readonly Type: string;
  readonly UnitOfMeasure: string | null;
  readonly BillingTerm: number | null;
  readonly BillingTermUnit: string | null;
  readonly CurrencyIsoCode: string | null;
  readonly Description: string | null;
}

/** The product <-> schedule junction; its Id is the usage rate plan's externally managed plan id. */
export interface CpqProductConsumptionSchedule {
  readonly Id: string;
  readonly ProductId: string;
  readonly ConsumptionScheduleId: string;
}
