// CreditMemoItem : CreditMemoItem__c. A credit memo item created from an invoice points at its
// source invoice item (InvoiceItemId).
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const creditMemoItemToCreditMemoItem: ObjectMap = {
  name: 'CreditMemoItem:CreditMemoItem__c',
  zuoraObject: 'CreditMemoItem',
  salesforceObject: 'CreditMemoItem__c',
  scope: 'accounts',
  source: referencePages.creditMemoItem,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    // The object's text Name is required on insert; Zuora 360 fills it from the record's label.
    ['Id', 'Name'],
    ['AmountWithoutTax', 'AmountWithoutTax__c'],
    ['AppliedToOthersAmount', 'AppliedToOthersAmount__c'],
    ['BeAppliedByOthersAmount', 'BeAppliedByOthersAmount__c'],
    ['ChargeDate', 'ChargeDate__c'],
    ['Description', 'Description__c'],
    ['ProcessingType', 'ProcessingType__c'],
    ['Quantity', 'Quantity__c'],
    ['ServiceEndDate', 'ServiceEndDate__c'],
    ['ServiceStartDate', 'ServiceStartDate__c'],
    ['SKU', 'Sku__c'],
    ['TaxAmount', 'TaxAmount__c'],
    ['TaxCode', 'TaxCodeName__c'],
    ['TaxExemptAmount', 'TaxExemptAmount__c'],
    ['TaxMode', 'TaxMode__c'],
    ['UnitOfMeasure', 'UnitOfMeasure__c'],
    ['UnitPrice', 'UnitPrice__c'],
    ['CreatedDate', 'CreatedDate__c'],
    ['UpdatedDate', 'UpdatedDate__c'],
  ]),
  references: [
    ref('CreditMemoId', 'CreditMemo__r', 'CreditMemo__c'),
    ref('InvoiceItemId', 'InvoiceItem__r', 'InvoiceItem__c'),
  ],
};
