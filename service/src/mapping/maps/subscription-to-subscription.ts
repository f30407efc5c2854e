// Subscription : Subscription__c. Zuora's Subscription.Name is the subscription number; by default
// one Salesforce record per subscription number (upsert on SubscriptionNumber__c) survives
// amendments, the Zuora 360 behaviour (one record per version, keyed on the version's Id) is the
// option. Fields marked __QT are Zuora Quotes custom fields on the subscription.
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/subscription
// MRR and TCV are internal fields ("MRR (internal)"); they are read as the Data Source export names
// them, Mrr and Tcv, like the Account's Mrr.
import { crmAccountRef, fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const subscriptionToSubscription: ObjectMap = {
  name: 'Subscription:Subscription__c',
  zuoraObject: 'Subscription',
  salesforceObject: 'Subscription__c',
  scope: 'accounts',
  source: referencePages.subscription,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  stableExternalId: { zuora: 'Name', salesforce: 'SubscriptionNumber__c' },
  fields: fieldRows([
    ['Id', 'Zuora_Id__c'],
    ['Name', 'Name'],
    ['Name', 'SubscriptionNumber__c'],
    ['AutoRenew', 'AutoRenew__c'],
    ['CancelledDate', 'CancelledDate__c'],
    ['ContractAcceptanceDate', 'ContractAcceptanceDate__c'],
    ['ContractEffectiveDate', 'ContractEffectiveDate__c'],
    ['CurrentTerm', 'CurrentTerm__c'],
    ['CurrentTermPeriodType', 'CurrentTermPeriodType__c'],
    ['InitialTerm', 'InitialTerm__c'],
    ['InitialTermPeriodType', 'InitialTermPeriodType__c'],
    ['Mrr', 'MRR__c'],
    ['NextChargeDate', 'NextChargeDate__c'],
    ['Notes', 'Notes__c'],
    ['OpportunityCloseDate__QT', 'OpportunityCloseDate__c'],
    ['OpportunityName__QT', 'OpportunityName__c'],
    ['OriginalCreatedDate', 'OriginalCreated_Date__c'],
    ['OriginalId', 'OriginalId__c'],
    ['PreviousSubscriptionId', 'PreviousSubscriptionId__c'],
    ['QuoteBusinessType__QT', 'QuoteBusinessType__c'],
    ['QuoteNumber__QT', 'QuoteNumber__c'],
    ['QuoteType__QT', 'QuoteType__c'],
    ['RenewalTerm', 'RenewalTerm__c'],
    ['RenewalTermPeriodType', 'RenewalTermPeriodType__c'],
    ['SubscriptionEndDate', 'SubscriptionEndDate__c'],
    ['SubscriptionStartDate', 'SubscriptionStartDate__c'],
    ['ServiceActivationDate', 'ServiceActivationDate__c'],
    ['Tcv', 'TCV__c'],
    ['TermStartDate', 'TermStartDate__c'],
    ['TermEndDate', 'TermEndDate__c'],
    ['TermEndDate', 'NextRenewalDate__c'],
    ['TermType', 'TermSettingType__c'],
    ['Version', 'Version__c'],
    ['Status', 'Status__c'],
  ]),
  references: [
    crmAccountRef('Account.CrmId'),
    ref('AccountId', 'CustomerAccount__r', 'CustomerAccount__c'),
    ref('InvoiceOwnerId', 'InvoiceOwner__r', 'CustomerAccount__c'),
  ],
};
