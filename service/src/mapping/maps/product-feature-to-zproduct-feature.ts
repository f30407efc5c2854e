// ProductFeature : ZProductFeature__c (seed 003): lookups to the feature and to the product (Product2
// in Zuora 360 3.0+).
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/productfeature
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const productFeatureToZProductFeature: ObjectMap = {
  name: 'ProductFeature:ZProductFeature__c',
  zuoraObject: 'ProductFeature',
  salesforceObject: 'ZProductFeature__c',
  scope: 'catalog',
  source: referencePages.productFeature,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    // The object's text Name is required on insert; Zuora 360 fills it from the record's label.
    ['Id', 'Name'],
    ['Id', 'ZuoraId__c'],
    ['Deleted', 'Deleted__c'],
    ['Feature.Name', 'ZProductFeatureFullName__c'],
    // Pre-3.0 packages' text copy of the product id.
    ['ProductId', 'ZProduct__c'],
    ['@entityId', 'EntityID__c'],
  ]),
  references: [
    ref('FeatureId', 'ZFeature__r', 'ZFeature__c'),
    ref('ProductId', 'Product__r', 'Product2', 'ZuoraId__c'),
  ],
};
