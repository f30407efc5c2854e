// SOQL fields of Order, with the CPQ fields and the package's write-back fields.
import type { CpqOrder } from './cpq-records.js';
import { address, type Fields } from './soql-field-list.js';

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
