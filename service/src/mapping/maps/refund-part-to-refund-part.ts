// Refund Part : RefundPart__c (Zuora 360+: a refund of a payment or credit memo).
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const refundPartToRefundPart: ObjectMap = {
  name: 'RefundPart:RefundPart__c',
  zuoraObject: 'RefundPart',
  salesforceObject: 'RefundPart__c',
  scope: 'accounts',
  source: referencePages.refundPart,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    // The object's text Name is required on insert; Zuora 360 fills it from the record's label.
    ['Id', 'Name'],
    ['RefundAmount', 'RefundAmount__c'],
    ['CreatedDate', 'CreatedDate__c'],
    ['UpdatedDate', 'UpdatedDate__c'],
  ]),
  references: [
    ref('CreditMemoId', 'CreditMemo__r', 'CreditMemo__c'),
    ref('PaymentId', 'Payment__r', 'Payment__c'),
    ref('RefundId', 'Refund__r', 'Refund__c'),
  ],
};
