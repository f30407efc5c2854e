// RatePlanChargeTier : SubscriptionChargeTierHistory__c.
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const ratePlanChargeTierToSubscriptionChargeTierHistory: ObjectMap = {
  name: 'RatePlanChargeTier:SubscriptionChargeTierHistory__c',
  zuoraObject: 'RatePlanChargeTier',
  salesforceObject: 'SubscriptionChargeTierHistory__c',
  scope: 'accounts',
  source: referencePages.ratePlanChargeTierHistory,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    // The object's text Name is required on insert; Zuora 360 fills it from the record's label.
    ['Tier', 'Name'],
    ['Currency', 'Currency__c'],
    ['DiscountAmount', 'DiscountAmount__c'],
    ['DiscountPercentage', 'DiscountPercentage__c'],
    ['EndingUnit', 'EndingUnit__c'],
    ['IncludedUnits', 'IncludedUnits__c'],
    ['OveragePrice', 'OveragePrice__c'],
    ['Price', 'Price__c'],
    ['PriceFormat', 'PriceFormat__c'],
    ['StartingUnit', 'StartingUnit__c'],
    ['Tier', 'Tier__c'],
    ['CreatedDate', 'CreatedDate__c'],
    ['UpdatedDate', 'UpdatedDate__c'],
  ]),
  references: [
    ref('RatePlanChargeId', 'SubscriptionProductChargeHistory__r', 'SubscriptionProductChargeHistory__c'),
  ],
};
