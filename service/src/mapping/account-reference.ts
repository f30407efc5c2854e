// Which column of a mapped row names the billing account the record belongs to (its reference to
// CustomerAccount__c, or Zuora__CustomerAccount__c under ZUORA360_COMPAT, written as
// `Relationship__r.External_Id__c`), so a failure can be filed under it.
import type { ObjectMap } from './field-map.js';

/** The billing account object of either profile: `CustomerAccount__c` or `Zuora__CustomerAccount__c`. */
export function isBillingAccountObject(object: string): boolean {
  return object === 'CustomerAccount__c' || object === 'Zuora__CustomerAccount__c';
}

export function accountReferenceColumn(map: ObjectMap): string | undefined {
  if (isBillingAccountObject(map.salesforceObject)) return map.externalId.salesforce;
  const ref = map.references.find((r) => isBillingAccountObject(r.target) && r.via !== 'Id');
  return ref === undefined ? undefined : `${ref.salesforce}.${ref.via}`;
}
