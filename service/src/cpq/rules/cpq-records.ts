// The Salesforce CPQ records the order sync reads, as SOQL returns them (nullable where Salesforce leaves a
// field empty), and the one bundle the rules work on. Field API names follow the CPQ data model of
// shared/reference/cpq-connector-behaviours.md §1.5 and §3 (and the emulator's schema); the SOQL field
// lists the engine queries with are in cpq-soql-fields.ts, one per record type here.

/** Dates are `yyyy-mm-dd`, date-times ISO 8601, as the REST API returns them. */
export type SfDate = string;

export interface CpqAccount {
  readonly Id: string;
  readonly Name: string;
  readonly CurrencyIsoCode: string | null;
  readonly ParentId: string | null;
  readonly OwnerId: string | null;
  readonly Description: string | null;
  readonly BillingStreet: string | null;
  readonly BillingCity: string | null;
  readonly BillingState: string | null;
  readonly BillingPostalCode: string | null;
  readonly BillingCountry: string | null;
  readonly ShippingStreet: string | null;
  readonly ShippingCity: string | null;
  readonly ShippingState: string | null;
  readonly ShippingPostalCode: string | null;
  readonly ShippingCountry: string | null;
  readonly Zuora_Account_Number__c: string | null;
  readonly Zuora_Account_Id__c: string | null;
}

export interface CpqContact {
  readonly Id: string;
  readonly AccountId: string | null;
  readonly FirstName: string | null;
  readonly LastName: string;
  readonly Email: string | null;
  readonly Phone: string | null;
  readonly MobilePhone: string | null;
  readonly MailingStreet: string | null;
  readonly MailingCity: string | null;
  readonly MailingState: string | null;
  readonly MailingPostalCode: string | null;
  readonly MailingCountry: string | null;
}

export interface CpqOrder {
  readonly Id: string;
  readonly OrderNumber: string;
  readonly AccountId: string;
  readonly Type: string | null;
  readonly StatusCode: string | null;
  readonly EffectiveDate: SfDate;
  readonly EndDate: SfDate | null;
  readonly ActivatedDate: string | null;
  readonly CustomerAuthorizedDate: SfDate | null;
  readonly CompanyAuthorizedDate: SfDate | null;
  readonly CurrencyIsoCode: string | null;
  readonly Description: string | null;
  readonly ContractId: string | null;
  readonly OpportunityId: string | null;
  readonly BillToContactId: string | null;
  readonly ShipToContactId: string | null;
  readonly BillingStreet: string | null;
  readonly BillingCity: string | null;
  readonly BillingState: string | null;
  readonly BillingPostalCode: string | null;
  readonly BillingCountry: string | null;
  readonly ShippingStreet: string | null;
  readonly ShippingCity: string | null;
  readonly ShippingState: string | null;
  readonly ShippingPostalCode: string | null;
  readonly ShippingCountry: string | null;
  readonly SBQQ__Quote__c: string | null;
  readonly SBQQ__Contracted__c: boolean | null;
  readonly SBQQ__PaymentTerm__c: string | null;
  readonly InvoiceOwner__c: string | null;
  readonly SubscriptionOwner__c: string | null;
  readonly LastModifiedDate: string;
  readonly SystemModstamp: string;
  readonly Zuora_Order_Number__c: string | null;
  readonly Zuora_Sync_Status__c: string | null;
}

/** `SBQQ__ContractAction__c` values CPQ writes on order products (reference §3.1). */
export type ContractAction = 'New' | 'Quantity Increase' | 'Quantity Decrease' | 'Cancel' | 'Renew';

export interface CpqOrderItem {
  readonly Id: string;
  readonly OrderId: string;
  readonly OrderItemNumber: string;
  readonly Product2Id: string;
  readonly PricebookEntryId: string | null;
  /** On amendments, the signed delta (reference §3.3). */
  readonly Quantity: number;
  readonly UnitPrice: number;
  readonly ListPrice: number | null;
  readonly ServiceDate: SfDate | null;
  readonly EndDate: SfDate | null;
  readonly Description: string | null;
  readonly CurrencyIsoCode: string | null;
  readonly SBQQ__ContractAction__c: string | null;
  /** The first order product of the lineage an amendment or renewal line revises. */
  readonly SBQQ__RevisedOrderProduct__c: string | null;
  readonly SBQQ__Subscription__c: string | null;
  readonly SBQQ__Contract__c: string | null;
  readonly SBQQ__Contracted__c: boolean | null;
  readonly SBQQ__ContractingMethod__c: string | null;
  readonly SBQQ__ChargeType__c: string | null;
  readonly SBQQ__BillingType__c: string | null;
  readonly SBQQ__BillingFrequency__c: string | null;
  readonly SBQQ__SubscriptionPricing__c: string | null;
  readonly SBQQ__SubscriptionType__c: string | null;
  readonly SBQQ__ProductSubscriptionType__c: string | null;
  readonly SBQQ__PricingMethod__c: string | null;
  readonly SBQQ__SubscriptionTerm__c: number | null;
  readonly SBQQ__TerminatedDate__c: SfDate | null;
  readonly SBQQ__SegmentKey__c: string | null;
  readonly Zuora_Subscription_Number__c: string | null;
  readonly Zuora_Rate_Plan_Id__c: string | null;
  readonly Zuora_Rate_Plan_Charge_Id__c: string | null;
  readonly Zuora_Order_Line_Item_Id__c: string | null;
}

export interface CpqSubscription {
  readonly Id: string;
  /** SUB-0000115: the Zuora subscription number (reference §1.5). */
  readonly Name: string;
  readonly SBQQ__Account__c: string | null;
  readonly SBQQ__Contract__c: string | null;
  readonly SBQQ__Product__c: string | null;
  readonly SBQQ__OrderProduct__c: string | null;
  readonly SBQQ__Quantity__c: number;
  readonly SBQQ__NetPrice__c: number | null;
  readonly SBQQ__ListPrice__c: number | null;
  readonly SBQQ__SubscriptionStartDate__c: SfDate | null;
  readonly SBQQ__SubscriptionEndDate__c: SfDate | null;
  readonly SBQQ__TerminatedDate__c: SfDate | null;
  readonly SBQQ__RevisedSubscription__c: string | null;
  readonly SBQQ__RootId__c: string | null;
  readonly SBQQ__SubscriptionType__c: string | null;
  readonly SBQQ__ProductSubscriptionType__c: string | null;
  readonly SBQQ__BillingFrequency__c: string | null;
  readonly SBQQ__BillingType__c: string | null;
  readonly SBQQ__ChargeType__c: string | null;
  readonly SBQQ__PricingMethod__c: string | null;
  readonly SBQQ__HasConsumptionSchedule__c: boolean | null;
  readonly CurrencyIsoCode: string | null;
  readonly Zuora_Subscription_Number__c: string | null;
  readonly Zuora_Rate_Plan_Id__c: string | null;
  readonly Zuora_Rate_Plan_Charge_Id__c: string | null;
  /** Extra fields the price override setting or custom mappings name, read by the engine as well. */
  readonly [custom: `${string}__c`]: unknown;
}

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
