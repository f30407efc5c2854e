// RatePlanChargeTier : SubscriptionChargeTier__c: the tier history table's columns without those it
// marks as "newly added in Zuora__SubscriptionChargeTierHistory__c, but not in Zuora__SubscriptionChargeTier__c".
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/rateplanchargetier
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const ratePlanChargeTierToSubscriptionChargeTier: ObjectMap = {
  name: 'RatePlanChargeTier:SubscriptionChargeTier__c',
  zuoraObject: 'RatePlanChargeTier',
  salesforceObject: 'SubscriptionChargeTier__c',
  scope: 'accounts',
  source: referencePages.ratePlanChargeTierHistory,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    // The object's text Name is required on insert; Zuora 360 fills it from the record's label.
    ['Tier', 'Name'],
    ['EndingUnit', 'EndingUnit__c'],
    ['Price', 'Price__c'],
    ['PriceFormat', 'PriceFormat__c'],
    ['StartingUnit', 'StartingUnit__c'],
    ['Tier', 'Tier__c'],
  ]),
  references: [ref('RatePlanChargeId', 'SubscriptionProductCharge__r', 'SubscriptionProductCharge__c')],
};
