// Feature : ZFeature__c (seed 003: "Feature name in 80 characters or less" to Name, the full name to
// ZProductFeatureFullName__c).
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/feature
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const featureToZFeature: ObjectMap = {
  name: 'Feature:ZFeature__c',
  zuoraObject: 'Feature',
  salesforceObject: 'ZFeature__c',
  scope: 'catalog',
  source: referencePages.catalogSeed,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    ['Id', 'ZuoraId__c'],
    ['Name', 'Name', 'abbreviatedName'],
    ['Name', 'ZProductFeatureFullName__c'],
    // The newer reference table names the full name FeatureName__c and the status Status2__c.
    ['Name', 'FeatureName__c'],
    ['FeatureCode', 'Code__c'],
    ['Description', 'Description__c'],
    ['Deleted', 'Deleted__c'],
    ['Status', 'Status__c'],
    ['Status', 'Status2__c'],
    ['@entityId', 'EntityID__c'],
  ]),
  references: [ref('@entityId', 'BillingEntity__r', 'BillingEntity__c', 'Entity_Id__c')],
};
