// RatePlan : SubscriptionRatePlan__c.
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/rateplan
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const ratePlanToSubscriptionRatePlan: ObjectMap = {
  name: 'RatePlan:SubscriptionRatePlan__c',
  zuoraObject: 'RatePlan',
  salesforceObject: 'SubscriptionRatePlan__c',
  scope: 'accounts',
  source: referencePages.ratePlan,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    ['AmendmentId', 'AmendmentId__c'],
    ['AmendmentSubscriptionRatePlanId', 'AmendmentSubscriptionRatePlanId__c'],
    ['AmendmentType', 'AmendmentType__c'],
    ['Name', 'Name'],
    ['ProductRatePlanId', 'ProductRatePlanId__c'],
  ]),
  references: [
    ref('SubscriptionId', 'Subscription__r', 'Subscription__c', 'External_Id__c', {
      stableZuora: 'Subscription.Name',
    }),
  ],
};
