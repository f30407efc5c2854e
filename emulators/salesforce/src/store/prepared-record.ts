import type { FieldDef, ObjectDef } from '../schema/schema-types.js';
import type { SfError, SfValue } from './sf-error.js';

/** A parent given by external ID (`Parent__r.External_Id__c` / `{"Parent__r": {"External_Id__c": "x"}}`). */
export interface ParentRef {
  field: FieldDef;
  target: ObjectDef;
  extField: FieldDef;
  value: SfValue;
}

/** A record's values after field-level coercion, before the store checks references and uniqueness. */
export interface PreparedRecord {
  values: Array<[FieldDef, SfValue]>;
  refs: ParentRef[];
  errors: SfError[];
}
