// SubscriptionProductFeature : SubscriptionProductFeature__c. The reference lists only the CRM
// account; the other columns are the object's fields in the Zuora 360 schema.
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/subscriptionproductfeature
import { crmAccountRef, fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const subscriptionProductFeatureToSubscriptionProductFeature: ObjectMap = {
  name: 'SubscriptionProductFeature:SubscriptionProductFeature__c',
  zuoraObject: 'SubscriptionProductFeature',
  salesforceObject: 'SubscriptionProductFeature__c',
  scope: 'accounts',
  source: referencePages.subscriptionProductFeature,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    // The object's text Name is required on insert; Zuora 360 fills it from the record's label.
    ['Id', 'Name'],
    ['FeatureCode', 'FeatureCode__c'],
    ['Description', 'FeatureDescription__c'],
    ['Name', 'FeatureName__c'],
  ]),
  references: [
    crmAccountRef('Account.CrmId'),
    ref('SubscriptionId', 'Subscription__r', 'Subscription__c', 'External_Id__c', {
      stableZuora: 'Subscription.Name',
    }),
  ],
};
