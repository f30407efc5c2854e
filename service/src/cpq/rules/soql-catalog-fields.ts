// SOQL fields of the catalog side: Product2, PricebookEntry, ConsumptionSchedule, ProductConsumptionSchedule.
import type {
  CpqConsumptionSchedule,
  CpqPricebookEntry,
  CpqProduct2,
  CpqProductConsumptionSchedule,
} from './cpq-records.js';
import type { Fields } from './soql-field-list.js';

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
