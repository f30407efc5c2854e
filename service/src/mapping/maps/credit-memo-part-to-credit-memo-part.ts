// Credit Memo Part : CreditMemoPart__c (a credit memo applied to an invoice or debit memo).
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const creditMemoPartToCreditMemoPart: ObjectMap = {
  name: 'CreditMemoPart:CreditMemoPart__c',
  zuoraObject: 'CreditMemoPart',
  salesforceObject: 'CreditMemoPart__c',
  scope: 'accounts',
  source: referencePages.creditMemoPart,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    // The object's text Name is required on insert; Zuora 360 fills it from the record's label.
    ['Id', 'Name'],
    ['Amount', 'Amount__c'],
    ['CreatedDate', 'CreatedDate__c'],
    ['UpdatedDate', 'UpdatedDate__c'],
  ]),
  references: [
    ref('CreditMemoId', 'CreditMemo__r', 'CreditMemo__c'),
    ref('DebitMemoId', 'DebitMemo__r', 'DebitMemo__c'),
    ref('InvoiceId', 'Invoice__r', 'ZInvoice__c'),
  ],
};
