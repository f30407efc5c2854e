// Product : Product__c (Zuora__Product__c, the read-only product the subscription side refers to).
import { fieldRows, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const productToProduct: ObjectMap = {
  name: 'Product:Product__c',
  zuoraObject: 'Product',
  salesforceObject: 'Product__c',
  scope: 'catalog',
  source: referencePages.product,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    ['Name', 'Name'],
    ['Category', 'Category__c'],
    ['Description', 'Description__c'],
    ['EffectiveEndDate', 'EffectiveEndDate__c'],
    ['EffectiveStartDate', 'EffectiveStartDate__c'],
    ['@entityId', 'EntityID__c'],
    ['SKU', 'SKU__c'],
    ['CreatedDate', 'CreatedDate__c'],
    ['UpdatedDate', 'UpdatedDate__c'],
  ]),
  references: [],
};
