import { isSalesforceId, normalizeId } from '../../../shared/salesforce-id.js';
import { isIdLike, isNumeric } from '../schema/field-capabilities.js';
import type { FieldDef } from '../schema/schema-types.js';
import type { SfValue } from '../store/sf-error.js';
import type { Literal } from './soql-ast.js';
import { queryError } from './soql-error.js';

// A literal compared with a field must be of the field's type, as the API checks: "value of filter
// criterion for field 'CreatedDate' must be of type dateTime and should not be enclosed in quotes";
// a date literal on a dateTime field and the reverse are refused the same way. Ids compare as Ids:
// a 15-character Id equals its 18-character form, case matters, a malformed one is refused
// (INVALID_QUERY_FILTER_OPERATOR "invalid ID field").
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_dateformats.htm
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_comparisonoperators.htm

export function datetimeMs(value: string): number {
  const iso = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
}

function wrongType(field: FieldDef, soql: string, lit: Literal): never {
  const [type, quoted] = isIdLike(field)
    ? ['id', true]
    : field.type === 'boolean'
      ? ['boolean', false]
      : isNumeric(field)
        ? [field.type === 'int' ? 'integer' : 'double', false]
        : field.type === 'date'
          ? ['date', false]
          : field.type === 'datetime'
            ? ['dateTime', false]
            : ['string', true];
  throw queryError(
    'INVALID_FIELD',
    `value of filter criterion for field '${field.name}' must be of type ${type} and should ${quoted ? '' : 'not '}be enclosed in quotes`,
    soql,
    lit.pos,
  );
}

/** The literal as the stored value it is compared with; throws the API's error on a type mismatch. */
export function filterValue(field: FieldDef, lit: Literal, soql: string): SfValue {
  if (lit.kind === 'null') return null;
  if (lit.kind === 'dateLiteral') return wrongType(field, soql, lit);
  if (isIdLike(field)) {
    if (lit.kind !== 'string') return wrongType(field, soql, lit);
    if (!isSalesforceId(lit.value))
      throw queryError('INVALID_QUERY_FILTER_OPERATOR', `invalid ID field: ${lit.value}`, soql, lit.pos);
    return normalizeId(lit.value);
  }
  switch (field.type) {
    case 'boolean':
      return lit.kind === 'boolean' ? lit.value : wrongType(field, soql, lit);
    case 'double':
    case 'currency':
    case 'percent':
    case 'int':
      return lit.kind === 'number' ? lit.value : wrongType(field, soql, lit);
    case 'date':
      return lit.kind === 'date' ? lit.value : wrongType(field, soql, lit);
    case 'datetime':
      if (lit.kind !== 'datetime' || Number.isNaN(datetimeMs(lit.value))) return wrongType(field, soql, lit);
      return lit.value;
    default:
      return lit.kind === 'string' ? lit.value : wrongType(field, soql, lit);
  }
}

/** A key that is equal for values SOQL considers equal (strings ignore case, Ids do not). */
export function equalityKey(field: FieldDef, value: SfValue): string {
  if (value === null) return '\u0000null';
  if (field.type === 'datetime') return String(datetimeMs(String(value)));
  if (isIdLike(field) || typeof value !== 'string') return String(value);
  return value.toLowerCase();
}

/** Orders two non-null values of a field: numbers, booleans, dates, picklists by their defined order. */
export function compareValues(field: FieldDef, a: SfValue, b: SfValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (field.type === 'datetime') return datetimeMs(String(a)) - datetimeMs(String(b));
  if (field.type === 'picklist' && field.picklistValues.length > 0) {
    const x = field.picklistValues.indexOf(String(a));
    const y = field.picklistValues.indexOf(String(b));
    if (x >= 0 && y >= 0) return x - y;
  }
  const x = isIdLike(field) ? String(a) : String(a).toLowerCase();
  const y = isIdLike(field) ? String(b) : String(b).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}
