// InvoicePayment : PaymentInvoice__c. Upserted on External_Id__c like every package object; the
// reference's "Unique External Id" (EXT_ID__c) is written too.
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/invoicepayment
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const invoicePaymentToPaymentInvoice: ObjectMap = {
  name: 'InvoicePayment:PaymentInvoice__c',
  zuoraObject: 'InvoicePayment',
  salesforceObject: 'PaymentInvoice__c',
  scope: 'accounts',
  source: referencePages.invoicePayment,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    // The object's text Name is required on insert; Zuora 360 fills it from the record's label.
    ['Id', 'Name'],
    ['Id', 'EXT_ID__c'],
    ['Amount', 'ApplyAmount__c'],
    ['RefundAmount', 'RefundAmount__c'],
  ]),
  references: [ref('InvoiceId', 'Invoice__r', 'ZInvoice__c'), ref('PaymentId', 'Payment__r', 'Payment__c')],
};
