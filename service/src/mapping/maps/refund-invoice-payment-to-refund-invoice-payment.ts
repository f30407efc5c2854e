// RefundInvoicePayment : RefundInvoicePayment__c, keyed on "Unique External Id" (EXT_ID__c).
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const refundInvoicePaymentToRefundInvoicePayment: ObjectMap = {
  name: 'RefundInvoicePayment:RefundInvoicePayment__c',
  zuoraObject: 'RefundInvoicePayment',
  salesforceObject: 'RefundInvoicePayment__c',
  scope: 'accounts',
  source: referencePages.refundInvoicePayment,
  externalId: { zuora: 'Id', salesforce: 'EXT_ID__c' },
  fields: fieldRows([['RefundAmount', 'RefundAmount__c']]),
  references: [
    ref('RefundId', 'Refund__r', 'Refund__c'),
    ref('InvoicePaymentId', 'InvoicePayment__r', 'PaymentInvoice__c', 'EXT_ID__c'),
  ],
};
