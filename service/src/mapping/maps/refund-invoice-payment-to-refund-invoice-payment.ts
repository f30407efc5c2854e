// RefundInvoicePayment : RefundInvoicePayment__c. Upserted on External_Id__c like every package
// object; the reference's "Unique External Id" (EXT_ID__c) is written too.
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const refundInvoicePaymentToRefundInvoicePayment: ObjectMap = {
  name: 'RefundInvoicePayment:RefundInvoicePayment__c',
  zuoraObject: 'RefundInvoicePayment',
  salesforceObject: 'RefundInvoicePayment__c',
  scope: 'accounts',
  source: referencePages.refundInvoicePayment,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    // The object's text Name is required on insert; Zuora 360 fills it from the record's label.
    ['Id', 'Name'],
    ['Id', 'EXT_ID__c'],
    ['RefundAmount', 'RefundAmount__c'],
  ]),
  references: [
    ref('RefundId', 'Refund__r', 'Refund__c'),
    ref('InvoicePaymentId', 'InvoicePayment__r', 'PaymentInvoice__c'),
  ],
};
