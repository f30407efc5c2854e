// Invoice : ZInvoice__c. Zuora's Invoice names its total Amount and its contacts BillToContactId /
// SoldToContactId (the Invoice data source's Bill To / Sold To Contact joins). "Age Bucket" and "Generated On Date" are internal to Zuora 360 and not
// exposed by any Zuora API, so they are not mapped.
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/invoice
import { crmAccountRef, fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const invoiceToZInvoice: ObjectMap = {
  name: 'Invoice:ZInvoice__c',
  zuoraObject: 'Invoice',
  salesforceObject: 'ZInvoice__c',
  scope: 'accounts',
  source: referencePages.invoice,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    ['InvoiceNumber', 'Name'],
    ['AdjustmentAmount', 'AdjustmentAmount__c'],
    ['AmountWithoutTax', 'AmountWithoutTax__c'],
    ['Balance', 'Balance2__c'],
    ['BillToContactId', 'BillToId__c'],
    ['CreditBalanceAdjustmentAmount', 'CreditBalanceAdjustmentAmount__c'],
    ['DueDate', 'DueDate__c'],
    ['Comments', 'Description__c'],
    ['InvoiceDate', 'InvoiceDate__c'],
    ['Id', 'ZuoraId__c'],
    ['Id', 'Zuora_Id__c'],
    ['PaymentAmount', 'PaymentAmount__c'],
    ['PaymentTerm', 'PaymentTerm__c'],
    ['PostedDate', 'PostedDate__c'],
    ['RefundAmount', 'RefundedAmount__c'],
    ['SoldToContactId', 'SoldToId__c'],
    ['Status', 'Status__c'],
    ['TargetDate', 'TargetDate__c'],
    ['TaxAmount', 'TaxAmount__c'],
    ['TaxExemptAmount', 'TaxExemptAmount__c'],
    ['Amount', 'TotalAmount__c'],
    ['CreatedDate', 'CreatedDate__c'],
    ['UpdatedDate', 'UpdatedDate__c'],
  ]),
  references: [
    crmAccountRef('Account.CrmId'),
    ref('AccountId', 'BillingAccount__r', 'CustomerAccount__c'),
    ref('PaymentTerm', 'Payment_Term__r', 'PaymentTerm__c'),
  ],
};
