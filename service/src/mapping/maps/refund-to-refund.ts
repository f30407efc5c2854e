// Refund : Refund__c.
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/refund
import { crmAccountRef, fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const refundToRefund: ObjectMap = {
  name: 'Refund:Refund__c',
  zuoraObject: 'Refund',
  salesforceObject: 'Refund__c',
  scope: 'accounts',
  source: referencePages.refund,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    // The object's text Name is required on insert; Zuora 360 fills it from the record's label.
    ['RefundNumber', 'Name'],
    ['AccountingCode', 'AccountingCode__c'],
    ['Amount', 'Amount__c'],
    ['Comment', 'Comment__c'],
    ['CreatedById', 'CreatedById__c'],
    ['CreatedDate', 'CreatedDate__c'],
    ['GatewayResponse', 'GatewayResponse__c'],
    ['GatewayResponseCode', 'GatewayResponseCode__c'],
    ['PaymentMethodId', 'PaymentMethod__c'],
    ['ReasonCode', 'ReasonCodeName__c'],
    ['ReferenceID', 'ReferenceId__c'],
    ['RefundDate', 'Refund_Date__c'],
    ['MethodType', 'RefundMethodType__c'],
    ['RefundTransactionTime', 'RefundTransactionTime__c'],
    ['SoftDescriptor', 'SoftDescriptor__c'],
    ['SoftDescriptorPhone', 'SoftDescriptorPhone__c'],
    ['SourceType', 'SourceType__c'],
    ['Status', 'Status__c'],
    ['TransferredToAccounting', 'TransferredToAccounting__c'],
    ['Type', 'Type__c'],
    ['UpdatedById', 'UpdatedById__c'],
    ['UpdatedDate', 'UpdatedDate__c'],
  ]),
  references: [
    crmAccountRef('Account.CrmId'),
    ref('AccountId', 'BillingAccount__r', 'CustomerAccount__c'),
    ref('PaymentId', 'Payment__r', 'Payment__c'),
  ],
};
