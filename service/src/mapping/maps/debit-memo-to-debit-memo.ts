// DebitMemo : DebitMemo__c.
// https://docs.zuora.com/en/zuora-platform/data/zuora-reporting/data-sources-and-exports/data-source-reference/debit-memo-data-source
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const debitMemoToDebitMemo: ObjectMap = {
  name: 'DebitMemo:DebitMemo__c',
  zuoraObject: 'DebitMemo',
  salesforceObject: 'DebitMemo__c',
  scope: 'accounts',
  source: referencePages.debitMemo,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    ['MemoNumber', 'Name'],
    ['Balance', 'Balance__c'],
    ['CancelledById', 'CancelledById__c'],
    ['CancelledOn', 'CancelledOn__c'],
    ['Comments', 'Comments__c'],
    ['MemoDate', 'MemoDate__c'],
    ['DiscountAmount', 'DiscountAmount__c'],
    ['DueDate', 'DueDate__c'],
    ['ExchangeRateDate', 'CurrencyFX__c'],
    ['PostedById', 'PostedByID__c'],
    ['PostedOn', 'PostedOn__c'],
    ['ReasonCode', 'ReasonCode__c'],
    ['Source', 'Source__c'],
    ['Status', 'Status__c'],
    ['TargetDate', 'TargetDate__c'],
    ['TaxAmount', 'TaxAmount__c'],
    ['TotalAmount', 'TotalAmount__c'],
    ['TotalAmountWithoutTax', 'TotalAmountWithoutTax__c'],
    ['TotalTaxExemptAmount', 'TotalTaxExemptAmount__c'],
    ['TransferredToAccounting', 'TransferredToAccounting__c'],
    ['CreatedDate', 'CreatedDate__c'],
    ['UpdatedDate', 'UpdatedDate__c'],
  ]),
  references: [
    ref('AccountId', 'BillingAccount__r', 'CustomerAccount__c'),
    ref('InvoiceId', 'Invoice__r', 'ZInvoice__c'),
  ],
};
