// Payment : Payment__c. The Invoice/InvoiceNumber columns are left out: the reference notes the
// current connector no longer supports them (payments reach invoices through Payment Part).
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/payment
import { crmAccountRef, fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const paymentToPayment: ObjectMap = {
  name: 'Payment:Payment__c',
  zuoraObject: 'Payment',
  salesforceObject: 'Payment__c',
  scope: 'accounts',
  source: referencePages.payment,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    // The object's text Name is required on insert; Zuora 360 fills it from the record's label.
    ['PaymentNumber', 'Name'],
    ['AccountingCode', 'AccountingCode__c'],
    ['Amount', 'Amount__c'],
    ['AppliedAmount', 'AppliedAmount__c'],
    ['AppliedCreditBalanceAmount', 'AppliedCreditBalanceAmount__c'],
    ['AppliedInvoiceAmount', 'AppliedInvoiceAmount__c'],
    ['AuthTransactionId', 'AuthTransactionId__c'],
    ['BankIdentificationNumber', 'BankIdentificationNumber__c'],
    ['CancelledOn', 'CancelledOn__c'],
    ['Comment', 'Comment__c'],
    ['CreatedById', 'CreatedById__c'],
    ['CreatedDate', 'CreatedDate__c'],
    ['EffectiveDate', 'Effective_Date__c'],
    ['GatewayOrderId', 'GatewayOrderId__c'],
    ['GatewayResponse', 'GatewayResponse__c'],
    ['GatewayResponseCode', 'GatewayResponseCode__c'],
    ['GatewayState', 'GatewayStatus__c'],
    ['Id', 'EXT_ID__c'],
    ['MarkedForSubmissionOn', 'MarkedForSubmissionOn__c'],
    ['PaymentMethodId', 'PaymentMethodId__c'],
    ['PaymentNumber', 'PaymentNumber__c'],
    ['ReferenceId', 'ReferenceId__c'],
    ['RefundAmount', 'RefundAmount__c'],
    ['SecondPaymentReferenceId', 'SecondPaymentReferenceId__c'],
    ['SettledOn', 'SettledOn__c'],
    ['SoftDescriptor', 'SoftDescriptor__c'],
    ['SoftDescriptorPhone', 'SoftDescriptorPhone__c'],
    ['Status', 'Status__c'],
    ['SubmittedOn', 'SubmittedOn__c'],
    ['TransferredToAccounting', 'TransferedToAccounting__c'],
    ['Type', 'Type__c'],
    ['UnappliedAmount', 'UnappliedAmount__c'],
    ['UpdatedById', 'UpdatedById__c'],
    ['UpdatedDate', 'UpdatedDate__c'],
  ]),
  references: [
    crmAccountRef('Account.CrmId'),
    ref('AccountId', 'BillingAccount__r', 'CustomerAccount__c'),
    ref('PaymentMethodId', 'Payment_Method__r', 'PaymentMethod__c'),
  ],
};
