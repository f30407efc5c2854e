// The Salesforce records an on-demand request names (a billing account, or a product in Product2) as the maps
// in use write them: `CustomerAccount__c.External_Id__c` by default, `Zuora__CustomerAccount__c.
// Zuora__External_Id__c` under ZUORA360_COMPAT. Read from the maps so every profile resolves its own objects.
import type { ObjectMap } from './field-map.js';
import { objectMaps } from './object-maps.js';

export interface KeyObject {
  readonly object: string;
  /** The field holding the Zuora id. */
  readonly key: string;
  /** The field holding the entity id, when the object has one. */
  readonly entityField: string | undefined;
}

function keyObject(map: ObjectMap | undefined, what: string): KeyObject {
  if (map === undefined) throw new Error(`the field maps have no ${what} map`);
  return {
    object: map.salesforceObject,
    key: map.externalId.salesforce,
    entityField: map.fields.find((f) => f.zuora === '@entityId')?.salesforce,
  };
}

export function keyObjects(maps: readonly ObjectMap[] = objectMaps): {
  readonly account: KeyObject;
  readonly product: KeyObject;
} {
  return {
    account: keyObject(
      maps.find((m) => m.zuoraObject === 'Account' && m.scope === 'accounts'),
      'billing account',
    ),
    product: keyObject(
      maps.find((m) => m.zuoraObject === 'Product' && m.salesforceObject === 'Product2'),
      'Product2',
    ),
  };
}
