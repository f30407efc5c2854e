// ProductRatePlan : ProductRatePlan__c (seed 003, Zuora 360 3.2+: the name goes to Name within its
// 80 characters and in full to ProductRatePlanFullName__c).
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/productrateplan
import { fieldRows, ref, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const productRatePlanToProductRatePlan: ObjectMap = {
  name: 'ProductRatePlan:ProductRatePlan__c',
  zuoraObject: 'ProductRatePlan',
  salesforceObject: 'ProductRatePlan__c',
  scope: 'catalog',
  source: referencePages.productRatePlan,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    ['Id', 'ZuoraId__c'],
    ['Name', 'Name', 'abbreviatedName'],
    ['Name', 'ProductRatePlanFullName__c'],
    ['ActiveCurrencies', 'ActiveCurrencies__c'],
    ['Deleted', 'Deleted__c'],
    ['Description', 'Description__c'],
    ['EffectiveEndDate', 'EffectiveEndDate__c'],
    ['EffectiveStartDate', 'EffectiveStartDate__c'],
    ['EffectiveEndDate', 'EffectiveEndDateTEXT__c'],
    ['EffectiveStartDate', 'EffectiveStartDateTEXT__c'],
    ['ProductId', 'ZProduct__c'],
    ['@entityId', 'EntityID__c'],
  ]),
  references: [ref('ProductId', 'Product__r', 'Product2', 'ZuoraId__c')],
};
