// DebitMemoItem : DebitMemoItem__c. "Debit Memo Item Name" has no Zuora field behind it; the charge
// name is what Zuora shows for an item.
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const debitMemoItemToDebitMemoItem: ObjectMap = {
  name: 'DebitMemoItem:DebitMemoItem__c',
  zuoraObject: 'DebitMemoItem',
  salesforceObject: 'DebitMemoItem__c',
  scope: 'accounts',
  source: referencePages.debitMemoItem,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    ['ChargeName', 'Name'],
    ['Description', 'Description__c'],
    ['AmountWithoutTax', 'AmountWithoutTax__c'],
    ['AppliedToOthersAmount', 'AppliedToOthersAmount__c'],
    ['BeAppliedByOthersAmount', 'BeAppliedByOthersAmount__c'],
    ['ChargeDate', 'ChargeDate__c'],
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
    ref('DebitMemoId', 'DebitMemo__r', 'DebitMemo__c'),
    ref('InvoiceItemId', 'InvoiceItem__r', 'InvoiceItem__c'),
  ],
};
