// InvoicePayment : PaymentInvoice__c, keyed on the reference's "Unique External Id" (EXT_ID__c).
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/invoicepayment
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const invoicePaymentToPaymentInvoice: ObjectMap = {
  name: 'InvoicePayment:PaymentInvoice__c',
  zuoraObject: 'InvoicePayment',
  salesforceObject: 'PaymentInvoice__c',
  scope: 'accounts',
  source: referencePages.invoicePayment,
  externalId: { zuora: 'Id', salesforce: 'EXT_ID__c' },
  fields: fieldRows([
    ['Amount', 'ApplyAmount__c'],
    ['RefundAmount', 'RefundAmount__c'],
  ]),
  references: [ref('InvoiceId', 'Invoice__r', 'ZInvoice__c'), ref('PaymentId', 'Payment__r', 'Payment__c')],
};
