// Which column of a mapped row names the billing account the record belongs to (its reference to
// CustomerAccount__c, written as `Relationship__r.External_Id__c`), so a failure can be filed under it.
import type { ObjectMap } from './field-map.js';

export function accountReferenceColumn(map: ObjectMap): string | undefined {
  if (map.salesforceObject === 'CustomerAccount__c') return map.externalId.salesforce;
  const ref = map.references.find((r) => r.target === 'CustomerAccount__c' && r.via !== 'Id');
  return ref === undefined ? undefined : `${ref.salesforce}.${ref.via}`;
}
