// UnitOfMeasure : ZUnitOfMeasure__c, the catalog's units (zqu__ZUnitOfMeasure__c in Zuora Quotes).
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/unitofmeasure
import { fieldRows, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const unitOfMeasureToZUnitOfMeasure: ObjectMap = {
  name: 'UnitOfMeasure:ZUnitOfMeasure__c',
  zuoraObject: 'UnitOfMeasure',
  salesforceObject: 'ZUnitOfMeasure__c',
  scope: 'catalog',
  source: referencePages.productRatePlanCharge,
  externalId: { zuora: 'Id', salesforce: 'External_Id__c' },
  fields: fieldRows([
    ['Id', 'ZuoraId__c'],
    ['UomName', 'Name'],
    ['Active', 'Active__c'],
    ['DecimalPlaces', 'DecimalPlaces__c'],
    ['DisplayedAs', 'DisplayedAs__c'],
    ['RoundingMode', 'RoundingMode__c'],
    ['@entityId', 'EntityID__c'],
  ]),
  references: [],
};
