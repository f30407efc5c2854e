// SOQL fields of the order product consumption schedules and rates.
import type { CpqOrderItemConsumptionRate, CpqOrderItemConsumptionSchedule } from './cpq-records.js';
import type { Fields } from './soql-field-list.js';

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
