// RatePlan : SubscriptionRatePlanHistory__c. The short name goes to the 80-character Name and the
// long name to SubscriptionRatePlanName__c, as the reference's "(Short Name)/(Long Name)" rows say.
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const ratePlanToSubscriptionRatePlanHistory: ObjectMap = {
  name: 'RatePlan:SubscriptionRatePlanHistory__c',
  zuoraObject: 'RatePlan',
  salesforceObject: 'SubscriptionRatePlanHistory__c',
  scope: 'accounts',
  source: referencePages.ratePlanHistory,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    ['Name', 'Name', 'abbreviatedName'],
    ['Name', 'SubscriptionRatePlanName__c'],
    ['AmendmentType', 'AmendmentType__c'],
    ['CreatedDate', 'CreatedDate__c'],
    ['UpdatedDate', 'UpdatedDate__c'],
  ]),
  references: [ref('SubscriptionId', 'SubscriptionHistory__r', 'SubscriptionHistory__c')],
};
