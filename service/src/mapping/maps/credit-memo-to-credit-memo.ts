// CreditMemo : CreditMemo__c.
// InvoiceId: "The ID of the invoice that the credit memo is created from"
// https://docs.zuora.com/en/zuora-platform/data-management/data-loader/data-dictionary-for-data-loader/credit-memo-from-invoice
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const creditMemoToCreditMemo: ObjectMap = {
  name: 'CreditMemo:CreditMemo__c',
  zuoraObject: 'CreditMemo',
  salesforceObject: 'CreditMemo__c',
  scope: 'accounts',
  source: referencePages.creditMemo,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    ['MemoNumber', 'Name'],
    ['AppliedAmount', 'AppliedAmount__c'],
    ['Balance', 'Balance__c'],
    ['CancelledById', 'CancelledById__c'],
    ['CancelledOn', 'CancelledOn__c'],
    ['Comments', 'Comments__c'],
    ['MemoDate', 'MemoDate__c'],
    ['DiscountAmount', 'DiscountAmount__c'],
    ['ExchangeRateDate', 'CurrencyFX__c'],
    ['PostedById', 'PostedById__c'],
    ['PostedOn', 'PostedOn__c'],
    ['ReasonCode', 'ReasonCode__c'],
    ['RefundAmount', 'RefundAmount__c'],
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
