// UnitOfMeasure : UnitOfMeasure__c. Charges carry their unit by name (RatePlanCharge.UOM), so the
// unit name is the key their UnitOfMeasure__r lookups resolve on.
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/unitofmeasure
import { fieldRows, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const unitOfMeasureToUnitOfMeasure: ObjectMap = {
  name: 'UnitOfMeasure:UnitOfMeasure__c',
  zuoraObject: 'UnitOfMeasure',
  salesforceObject: 'UnitOfMeasure__c',
  scope: 'accounts',
  source: referencePages.unitOfMeasure,
  externalId: { zuora: 'UomName', salesforce: 'External_Id__c' },
  fields: fieldRows([['UomName', 'Name']]),
  references: [],
};
