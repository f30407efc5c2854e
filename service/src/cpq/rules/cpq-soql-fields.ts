// The SOQL field lists of the CPQ records (one constant per object), typed against the record types of
// cpq-records.ts so a field added to a type and not to its query (or the reverse) fails the type check.
// The engine builds its queries from these; custom fields named by settings (price override, `Cap__c`,
// custom field mappings) are appended by the engine, since not every org has them.
import type {
  CpqAccount,
  CpqConsumptionSchedule,
  CpqContact,
  CpqContract,
  CpqOrder,
  CpqOrderItem,
  CpqOrderItemConsumptionRate,
  CpqOrderItemConsumptionSchedule,
  CpqPricebookEntry,
  CpqProduct2,
  CpqProductConsumptionSchedule,
  CpqQuote,
  CpqSubscription,
} from './cpq-records.js';

type Fields<T> = readonly (keyof T & string)[];

const address = <P extends 'Billing' | 'Shipping' | 'Mailing'>(p: P) =>
  [`${p}Street`, `${p}City`, `${p}State`, `${p}PostalCode`, `${p}Country`] as const;

export const accountFields = [
  'Id',
  'Name',
  'CurrencyIsoCode',
  'ParentId',
  'OwnerId',
  'Description',
  ...address('Billing'),
  ...address('Shipping'),
  'Zuora_Account_Number__c',
  'Zuora_Account_Id__c',
] as const satisfies Fields<CpqAccount>;

export const contactFields = [
  'Id',
  'AccountId',
  'FirstName',
  'LastName',
  'Email',
  'Phone',
  'MobilePhone',
  ...address('Mailing'),
] as const satisfies Fields<CpqContact>;

export const orderFields = [
  'Id',
  'OrderNumber',
  'AccountId',
  'Type',
  'StatusCode',
  'EffectiveDate',
  'EndDate',
  'ActivatedDate',
  'CustomerAuthorizedDate',
  'CompanyAuthorizedDate',
  'CurrencyIsoCode',
  'Description',
  'ContractId',
  'OpportunityId',
  'BillToContactId',
  'ShipToContactId',
  ...address('Billing'),
  ...address('Shipping'),
  'SBQQ__Quote__c',
  'SBQQ__Contracted__c',
  'SBQQ__PaymentTerm__c',
  'InvoiceOwner__c',
  'SubscriptionOwner__c',
  'LastModifiedDate',
  'SystemModstamp',
  'Zuora_Order_Number__c',
  'Zuora_Sync_Status__c',
] as const satisfies Fields<CpqOrder>;

export const orderItemFields = [
  'Id',
  'OrderId',
  'OrderItemNumber',
  'Product2Id',
  'PricebookEntryId',
  'Quantity',
  'UnitPrice',
  'ListPrice',
  'ServiceDate',
  'EndDate',
  'Description',
  'CurrencyIsoCode',
  'SBQQ__ContractAction__c',
  'SBQQ__RevisedOrderProduct__c',
  'SBQQ__Subscription__c',
  'SBQQ__Contract__c',
  'SBQQ__Contracted__c',
  'SBQQ__ContractingMethod__c',
  'SBQQ__ChargeType__c',
  'SBQQ__BillingType__c',
  'SBQQ__BillingFrequency__c',
  'SBQQ__SubscriptionPricing__c',
  'SBQQ__SubscriptionType__c',
  'SBQQ__ProductSubscriptionType__c',
  'SBQQ__PricingMethod__c',
  'SBQQ__SubscriptionTerm__c',
  'SBQQ__TerminatedDate__c',
  'SBQQ__SegmentKey__c',
  'Zuora_Subscription_Number__c',
  'Zuora_Rate_Plan_Id__c',
  'Zuora_Rate_Plan_Charge_Id__c',
  'Zuora_Order_Line_Item_Id__c',
] as const satisfies Fields<CpqOrderItem>;

export const subscriptionFields = [
  'Id',
  'Name',
  'SBQQ__Account__c',
  'SBQQ__Contract__c',
  'SBQQ__Product__c',
  'SBQQ__OrderProduct__c',
  'SBQQ__Quantity__c',
  'SBQQ__NetPrice__c',
  'SBQQ__ListPrice__c',
  'SBQQ__SubscriptionStartDate__c',
  'SBQQ__SubscriptionEndDate__c',
  'SBQQ__TerminatedDate__c',
  'SBQQ__RevisedSubscription__c',
  'SBQQ__RootId__c',
  'SBQQ__SubscriptionType__c',
  'SBQQ__ProductSubscriptionType__c',
  'SBQQ__BillingFrequency__c',
  'SBQQ__BillingType__c',
  'SBQQ__ChargeType__c',
  'SBQQ__PricingMethod__c',
  'SBQQ__HasConsumptionSchedule__c',
  'CurrencyIsoCode',
  'Zuora_Subscription_Number__c',
  'Zuora_Rate_Plan_Id__c',
  'Zuora_Rate_Plan_Charge_Id__c',
] as const satisfies Fields<CpqSubscription>;

export const product2Fields = [
  'Id',
  'Name',
  'ProductCode',
  'Description',
  'QuantityUnitOfMeasure',
  'SBQQ__ChargeType__c',
  'SBQQ__BillingType__c',
  'SBQQ__BillingFrequency__c',
  'SBQQ__SubscriptionType__c',
  'SBQQ__SubscriptionPricing__c',
  'SBQQ__SubscriptionTerm__c',
  'SBQQ__PricingMethod__c',
  'SBQQ__HasConsumptionSchedule__c',
  'SBQQ__Taxable__c',
  'SBQQ__TaxCode__c',
] as const satisfies Fields<CpqProduct2>;

export const pricebookEntryFields = [
  'Id',
  'Product2Id',
  'Pricebook2Id',
  'CurrencyIsoCode',
  'UnitPrice',
  'IsActive',
] as const satisfies Fields<CpqPricebookEntry>;

export const consumptionScheduleFields = [
  'Id',
  'Name',
  'Type',
  'UnitOfMeasure',
  'BillingTerm',
  'BillingTermUnit',
  'CurrencyIsoCode',
  'Description',
] as const satisfies Fields<CpqConsumptionSchedule>;

export const productConsumptionScheduleFields = [
  'Id',
  'ProductId',
  'ConsumptionScheduleId',
] as const satisfies Fields<CpqProductConsumptionSchedule>;

export const orderItemScheduleFields = [
  'Id',
  'Name',
  'SBQQ__OrderItem__c',
  'SBQQ__ConsumptionSchedule__c',
  'SBQQ__Type__c',
  'SBQQ__RatingMethod__c',
  'SBQQ__BillingTerm__c',
  'SBQQ__BillingTermUnit__c',
  'SBQQ__UnitOfMeasure__c',
  'CurrencyIsoCode',
] as const satisfies Fields<CpqOrderItemConsumptionSchedule>;

/** Without `Cap__c`: the engine adds it when caps are enabled (the field is the admin's to create). */
export const orderItemRateFields = [
  'Id',
  'SBQQ__OrderItemConsumptionSchedule__c',
  'SBQQ__LowerBound__c',
  'SBQQ__UpperBound__c',
  'SBQQ__Price__c',
  'SBQQ__PricingMethod__c',
  'SBQQ__ProcessingOrder__c',
  'CurrencyIsoCode',
] as const satisfies Fields<CpqOrderItemConsumptionRate>;

export const contractFields = [
  'Id',
  'StartDate',
  'EndDate',
  'ContractTerm',
] as const satisfies Fields<CpqContract>;

export const quoteFields = ['Id', 'Name', 'SBQQ__Type__c'] as const satisfies Fields<CpqQuote>;

/** `SELECT <fields> FROM <object>` text of a field list. */
export function selectClause(fields: readonly string[]): string {
  return `SELECT ${fields.join(', ')}`;
}
