// ProductRatePlanChargeTier : ProductRatePlanChargeTier__c (seed 003: Tier -> Name and Tier__c).
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/productrateplanchargetier
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const productRatePlanChargeTierToProductRatePlanChargeTier: ObjectMap = {
  name: 'ProductRatePlanChargeTier:ProductRatePlanChargeTier__c',
  zuoraObject: 'ProductRatePlanChargeTier',
  salesforceObject: 'ProductRatePlanChargeTier__c',
  scope: 'catalog',
  source: referencePages.catalogSeed,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    ['Id', 'ZuoraId__c'],
    ['Tier', 'Name'],
    ['Tier', 'Tier__c'],
    ['Active', 'Active__c'],
    ['Currency', 'Currency2__c'],
    ['DiscountAmount', 'DiscountAmount__c'],
    ['DiscountPercentage', 'DiscountPercentage__c'],
    ['EndingUnit', 'EndingUnit__c'],
    ['IsOveragePrice', 'IsOveragePrice__c'],
    ['Price', 'Price__c'],
    ['PriceFormat', 'PriceFormat2__c'],
    ['StartingUnit', 'StartingUnit__c'],
  ]),
  references: [ref('ProductRatePlanChargeId', 'ProductRatePlanCharge__r', 'ProductRatePlanCharge__c')],
};
