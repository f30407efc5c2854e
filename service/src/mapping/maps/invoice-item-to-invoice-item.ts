// InvoiceItem : InvoiceItem__c.
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/invoiceitem
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const invoiceItemToInvoiceItem: ObjectMap = {
  name: 'InvoiceItem:InvoiceItem__c',
  zuoraObject: 'InvoiceItem',
  salesforceObject: 'InvoiceItem__c',
  scope: 'accounts',
  source: referencePages.invoiceItem,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    // The object's text Name is required on insert; Zuora 360 fills it from the record's label.
    ['Id', 'Name'],
    ['AccountingCode', 'AccountingCode__c'],
    // The reference's `Zuora__Invoice__Balance__Amount__c` is not a legal API name once the namespace
    // is dropped (no double underscores inside a name).
    ['Balance', 'Invoice_Balance_Amount__c'],
    // A Text(32) Zuora id in the package, not a lookup.
    ['AppliedToInvoiceItemId', 'AppliedToInvoiceItem__c'],
    ['ChargeAmount', 'Charge_Amount2__c'],
    ['ChargeDate', 'Charge_Date__c'],
    ['ChargeName', 'Charge_Name__c'],
    ['ProcessingType', 'ProcessingType__c'],
    ['Quantity', 'Quantity__c'],
    ['RevRecStartDate', 'RevRecStartDate__c'],
    ['ServiceEndDate', 'ServiceEndDate__c'],
    ['ServiceStartDate', 'ServiceStartDate__c'],
    ['SKU', 'SKU__c'],
    ['TaxAmount', 'TaxAmount2__c'],
    ['TaxCode', 'TaxCode__c'],
    ['TaxExemptAmount', 'TaxExemptAmount2__c'],
    ['TaxMode', 'TaxMode__c'],
    ['UnitPrice', 'UnitPrice2__c'],
    ['CreatedDate', 'CreatedDate__c'],
    ['UpdatedDate', 'UpdatedDate__c'],
  ]),
  references: [
    ref('InvoiceId', 'Invoice__r', 'ZInvoice__c'),
    ref('SubscriptionId', 'Subscription__r', 'Subscription__c', 'External_Id__c', {
      stableZuora: 'Subscription.Name',
    }),
    ref('SubscriptionId', 'SubscriptionHistory__r', 'SubscriptionHistory__c'),
    ref('RatePlanChargeId', 'SubscriptionRatePlanCharge__r', 'SubscriptionProductCharge__c'),
    ref('RatePlanChargeId', 'SubscriptionRatePlanChargeHistory__r', 'SubscriptionProductChargeHistory__c'),
  ],
};
