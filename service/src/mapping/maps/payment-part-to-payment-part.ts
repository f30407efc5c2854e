// Payment Part : PaymentPart__c (Zuora 360+: a payment applied to an invoice or debit memo).
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const paymentPartToPaymentPart: ObjectMap = {
  name: 'PaymentPart:PaymentPart__c',
  zuoraObject: 'PaymentPart',
  salesforceObject: 'PaymentPart__c',
  scope: 'accounts',
  source: referencePages.paymentPart,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    // The object's text Name is required on insert; Zuora 360 fills it from the record's label.
    ['Id', 'Name'],
    ['Amount', 'Amount__c'],
    ['CreatedDate', 'CreatedDate__c'],
    ['UpdatedDate', 'UpdatedDate__c'],
  ]),
  references: [
    ref('DebitMemoId', 'DebitMemo__r', 'DebitMemo__c'),
    ref('InvoiceId', 'Invoice__r', 'ZInvoice__c'),
    ref('PaymentId', 'Payment__r', 'Payment__c'),
  ],
};
