// TaxationItem : TaxationItem__c. Upserted on External_Id__c like every package object; the
// reference's key column External_Id_Unique__c is written too.
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/taxationitem
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const taxationItemToTaxationItem: ObjectMap = {
  name: 'TaxationItem:TaxationItem__c',
  zuoraObject: 'TaxationItem',
  salesforceObject: 'TaxationItem__c',
  scope: 'accounts',
  source: referencePages.taxationItem,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    // The object's text Name is required on insert; Zuora 360 fills it from the record's label.
    ['Id', 'Name'],
    ['Id', 'External_Id_Unique__c'],
    ['AccountingCode', 'AccountingCode__c'],
    ['CreatedById', 'CreatedById__c'],
    ['CreatedDate', 'CreatedDate__c'],
    ['ExemptAmount', 'ExemptAmount__c'],
    ['Jurisdiction', 'Jurisdiction__c'],
    ['LocationCode', 'LocationCode__c'],
    ['TaxAmount', 'TaxAmount__c'],
    ['TaxCode', 'TaxCode__c'],
    ['TaxCodeDescription', 'TaxCodeDescription__c'],
    ['TaxDate', 'TaxDate__c'],
    ['TaxRate', 'TaxRate__c'],
    ['TaxRateDescription', 'TaxRateDescription__c'],
    ['TaxRateType', 'TaxRateType__c'],
    ['UpdatedById', 'UpdatedById__c'],
    ['UpdatedDate', 'UpdatedDate__c'],
  ]),
  references: [ref('InvoiceItemId', 'Invoice_Item__r', 'InvoiceItem__c')],
};
