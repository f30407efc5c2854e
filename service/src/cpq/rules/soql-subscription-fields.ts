// SOQL fields of SBQQ__Subscription__c, Contract and SBQQ__Quote__c.
import type { CpqContract, CpqQuote, CpqSubscription } from './cpq-records.js';
import type { Fields } from './soql-field-list.js';

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

export const contractFields = [
  'Id',
  'StartDate',
  'EndDate',
  'ContractTerm',
] as const satisfies Fields<CpqContract>;

export const quoteFields = ['Id', 'Name', 'SBQQ__Type__c'] as const satisfies Fields<CpqQuote>;
