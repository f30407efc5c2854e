import type { FieldDef, ObjectDef } from '../schema/schema-types.js';
import type { SfError, SfValue } from './sf-error.js';

/** A parent given by external ID (`Parent__r.External_Id__c` / `{"Parent__r": {"External_Id__c": "x"}}`). */
export interface ParentRef {
  field: FieldDef;
  target: ObjectDef;
  extField: FieldDef;
  value: SfValue;
}

/**
 * A record's values after field-level coercion, before the store checks references and uniqueness.
 * `fields[i]` gets `values[i]`: parallel arrays keep Bulk loads free of per-field garbage.
 */
export interface PreparedRecord {
  fields: FieldDef[];
  values: SfValue[];
  refs: ParentRef[];
  errors: SfError[];
}
