// Subscription : SubscriptionHistory__c (Zuora 360+: one record per subscription version).
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const subscriptionToSubscriptionHistory: ObjectMap = {
  name: 'Subscription:SubscriptionHistory__c',
  zuoraObject: 'Subscription',
  salesforceObject: 'SubscriptionHistory__c',
  scope: 'accounts',
  source: referencePages.subscriptionHistory,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    // The object's text Name is required on insert; Zuora 360 fills it from the record's label.
    ['Name', 'Name'],
    ['AutoRenew', 'AutoRenew__c'],
    ['CancelledDate', 'CancelledDate__c'],
    ['ContractAcceptanceDate', 'ContractAcceptanceDate__c'],
    ['ContractEffectiveDate', 'ContractEffectiveDate__c'],
    ['CurrentTerm', 'CurrentTerm__c'],
    ['CurrentTermPeriodType', 'CurrentTermPeriodType__c'],
    ['InitialTerm', 'InitialTerm__c'],
    ['InitialTermPeriodType', 'InitialTermPeriodType__c'],
    ['Notes', 'Notes__c'],
    ['OriginalCreatedDate', 'OriginalCreated_Date__c'],
    ['OriginalId', 'OriginalId__c'],
    ['PreviousSubscriptionId', 'PreviousSubscriptionId__c'],
    ['RenewalTerm', 'RenewalTerm__c'],
    ['RenewalTermPeriodType', 'RenewalTermPeriodType__c'],
    ['ServiceActivationDate', 'ServiceActivationDate__c'],
    ['Status', 'Status__c'],
    ['SubscriptionEndDate', 'SubscriptionEndDate__c'],
    ['Name', 'SubscriptionNumber__c'],
    ['SubscriptionStartDate', 'SubscriptionStartDate__c'],
    ['TermEndDate', 'TermEndDate__c'],
    ['TermType', 'TermSettingType__c'],
    ['TermStartDate', 'TermStartDate__c'],
    ['Version', 'Version__c'],
    ['CreatedDate', 'CreatedDate__c'],
    ['UpdatedDate', 'UpdatedDate__c'],
  ]),
  references: [
    ref('AccountId', 'CustomerAccount__r', 'CustomerAccount__c'),
    ref('InvoiceOwnerId', 'InvoiceOwner__r', 'CustomerAccount__c'),
  ],
};
