// Product : Product2 (Zuora 360 3.0+; seed 003). Keyed on ZuoraId__c. Zuora marks deleted catalog
// rows rather than dropping them ("Deleted products are synced and flagged"); the export's deleted
// flag arrives as Deleted.
// https://docs.zuora.com/en/zuora-platform/integration/apis/soap-api/soap-api-object-reference/product
import { fieldRows, type ObjectMap } from '../field-map.js';
import { referencePages } from './reference-pages.js';

export const productToProduct2: ObjectMap = {
  name: 'Product:Product2',
  zuoraObject: 'Product',
  salesforceObject: 'Product2',
  scope: 'catalog',
  source: referencePages.catalogSeed,
  externalId: { zuora: 'Id', salesforce: 'ZuoraId__c' },
  fields: fieldRows([
    ['Name', 'Name'],
    ['AllowFeatureChanges', 'Allow_Feature_Changes__c'],
    ['Deleted', 'Deleted__c'],
    ['Description', 'Description__c'],
    ['EffectiveEndDate', 'EffectiveEndDate__c'],
    ['EffectiveStartDate', 'EffectiveStartDate__c'],
    ['SKU', 'SKU__c'],
    ['@entityId', 'EntityID__c'],
  ]),
  references: [],
};
