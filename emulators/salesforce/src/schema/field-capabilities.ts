import type { FieldDef } from './schema-types.js';

// What SOQL may do with a field, by type, as describe reports it (filterable, sortable, groupable,
// aggregatable) and as the aggregate function table allows:
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_agg_functions_field_types.htm
// Long and rich text areas (over 255 characters) can be neither filtered, sorted nor grouped.

const numeric = new Set(['double', 'currency', 'percent', 'int']);

// Compound address fields (`BillingAddress`) are read whole; SOQL filters, sorts and groups their
// components instead: https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/compound_fields_address.htm
export const isLongText = (f: FieldDef): boolean =>
  (f.type === 'textarea' && f.length > 255) || f.type === 'address';

export const isNumeric = (f: FieldDef): boolean => numeric.has(f.type);

export const isIdLike = (f: FieldDef): boolean => f.type === 'id' || f.type === 'reference';

export const filterable = (f: FieldDef): boolean => !isLongText(f);

export const sortable = (f: FieldDef): boolean => !isLongText(f) && f.type !== 'multipicklist';

/** Number (other than integer), currency, percent, dateTime, long text and formula fields cannot be grouped. */
export const groupable = (f: FieldDef): boolean =>
  !isLongText(f) &&
  !f.calculated &&
  !['double', 'currency', 'percent', 'datetime', 'multipicklist'].includes(f.type);

export const aggregatable = (f: FieldDef): boolean =>
  !isLongText(f) && f.type !== 'boolean' && f.type !== 'multipicklist';

/** Whether `fn` accepts the field (AVG and SUM need numbers; the others any aggregatable type). */
export function supportsAggregate(fn: string, f: FieldDef): boolean {
  if (!aggregatable(f)) return false;
  return fn === 'AVG' || fn === 'SUM' ? isNumeric(f) : true;
}
