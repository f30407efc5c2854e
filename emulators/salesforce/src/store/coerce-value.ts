import { textOf } from '../text-of.js';
import type { FieldDef } from '../schema/schema-types.js';
import { isSalesforceId, normalizeId } from '../../../shared/salesforce-id.js';
import { sfError, type SfError, type SfValue } from './sf-error.js';

// Converts a client value (JSON or CSV text) to the stored form of a field, with the platform's
// errors. Messages follow the REST API's wording, e.g. STRING_TOO_LONG "<label>: data value too large:
// <value> (max length=<n>)" (https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_concepts_core_data_objects.htm#i1421192
// lists the status codes). A value that JSON cannot turn into the field's type fails the whole REST
// request with JSON_PARSER_ERROR; in Bulk CSV the same value is a record error.

/** `javaType` is set when the value cannot be of the field's type at all (JSON_PARSER_ERROR in REST). */
export type Coerced = { ok: true; value: SfValue } | { ok: false; error: SfError; javaType?: string };

const ok = (value: SfValue): Coerced => ({ ok: true, value });
const mismatch = (field: FieldDef, raw: unknown, javaType: string): Coerced => ({
  ok: false,
  javaType,
  error: sfError(
    'INVALID_TYPE_ON_FIELD_IN_RECORD',
    `${field.label}: value not of required type: ${textOf(raw)}`,
    [field.name],
  ),
});

// Salesforce stores dates from 1700-01-01 to 4000-12-31 (seed 003 and the SOAP API's date range note:
// https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/primitive_data_types.htm).
const minDate = '1700-01-01';
const maxDate = '4000-12-31';
const outOfRange = (field: FieldDef, raw: string): Coerced => ({
  ok: false,
  error: sfError(
    'FIELD_INTEGRITY_EXCEPTION',
    `${field.label}: value out of range: ${raw} (valid dates are ${minDate} to ${maxDate})`,
    [field.name],
  ),
});

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function coerceDate(field: FieldDef, raw: string): Coerced {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(raw);
  if (!m) return mismatch(field, raw, 'date');
  const [, y, mo, d] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d))
    return mismatch(field, raw, 'date');
  const value = `${y}-${mo}-${d}`;
  if (value < minDate || value > maxDate) return outOfRange(field, raw);
  return ok(value);
}

/** Salesforce's datetime format: `2026-11-23T14:00:00.000+0000`. */
export function formatDateTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}

/** The digits of `s` from `at` to `at + n` as a number, or -1 when one is not a digit. */
function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i += 1) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The epoch milliseconds of a datetime already in the stored form, `YYYY-MM-DDTHH:MM:SS.mmm` then
 * `+0000` or `Z` (what formatDateTime writes, and Date.parse reads the same), with every part in its
 * range and a year of four digits from 1000: NaN for anything else (the general path decides it).
 * For these, formatDateTime(ms) is the text itself (with `+0000`), without a parse or a format.
 */
export function canonicalDateTimeMs(s: string): number {
  const n = s.length;
  if (n !== 24 && n !== 28) return NaN;
  if (n === 24 ? s.charCodeAt(23) !== 90 : !s.endsWith('+0000')) return NaN;
  if (s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':' || s[19] !== '.')
    return NaN;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  const sec = digits(s, 17, 2);
  const ms = digits(s, 20, 3);
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || h < 0 || h > 23 || mi < 0 || mi > 59) return NaN;
  if (sec < 0 || sec > 59 || ms < 0) return NaN;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (mo === 2 && leap ? 29 : (monthDays[mo - 1] as number))) return NaN;
  return Date.UTC(y, mo - 1, d, h, mi, sec, ms);
}

function coerceDateTime(field: FieldDef, raw: string): Coerced {
  if (!Number.isNaN(canonicalDateTimeMs(raw))) {
    // Already the stored form: the same value the parse and format below give.
    const value = raw.length === 28 ? raw : `${raw.slice(0, 23)}+0000`;
    if (value.slice(0, 10) < minDate || value.slice(0, 10) > maxDate) return outOfRange(field, raw);
    return ok(value);
  }
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(raw)) {
    return mismatch(field, raw, 'datetime');
  }
  const iso = raw.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(
    iso.length === 10 ? `${iso}T00:00:00Z` : /Z|[+-]\d{2}:\d{2}$/.test(iso) ? iso : `${iso}Z`,
  );
  if (Number.isNaN(ms)) return mismatch(field, raw, 'datetime');
  const value = formatDateTime(ms);
  if (value.slice(0, 10) < minDate || value.slice(0, 10) > maxDate) return outOfRange(field, raw);
  return ok(value);
}

/**
 * A finite number as the field stores it (rounded to its scale, an int truncated), or NaN when it has
 * more integer digits than precision - scale allows ("NUMBER_OUTSIDE_VALID_RANGE").
 */
export function storedNumber(
  field: FieldDef,
  n: number,
  // The Bulk column path works these out once per column.
  factor = 10 ** field.scale,
  limit = 10 ** (field.precision - field.scale),
): number {
  const rounded = field.scale > 0 ? Math.round(n * factor) / factor : Math.round(n);
  if (Math.abs(Math.trunc(rounded)) >= limit) return NaN;
  return field.type === 'int' ? Math.trunc(rounded) : rounded;
}

function coerceNumber(field: FieldDef, raw: unknown): Coerced {
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!Number.isFinite(n)) return mismatch(field, raw, 'double');
  const stored = storedNumber(field, n);
  if (Number.isNaN(stored)) {
    return {
      ok: false,
      error: sfError(
        'NUMBER_OUTSIDE_VALID_RANGE',
        `${field.label}: value outside of valid range on numeric field: ${textOf(raw)}`,
        [field.name],
      ),
    };
  }
  return ok(stored);
}

function checkLength(field: FieldDef, value: string): Coerced {
  if (field.length > 0 && value.length > field.length) {
    return {
      ok: false,
      error: sfError(
        'STRING_TOO_LONG',
        `${field.label}: data value too large: ${value.length > 100 ? `${value.slice(0, 100)}...` : value} (max length=${field.length})`,
        [field.name],
      ),
    };
  }
  return ok(value);
}

function coercePicklist(field: FieldDef, value: string): Coerced {
  const parts = field.type === 'multipicklist' ? value.split(';').filter((p) => p !== '') : [value];
  if (field.restrictedPicklist) {
    const bad = parts.find((p) => !field.picklistValues.includes(p));
    if (bad !== undefined) {
      return {
        ok: false,
        error: sfError(
          'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
          `${field.label}: bad value for restricted picklist field: ${bad}`,
          [field.name],
        ),
      };
    }
  }
  return checkLength(field, field.type === 'multipicklist' ? parts.join(';') : value);
}

/** Coerces one non-null value; `fromCsv` means every value arrives as text. */
export function coerceValue(field: FieldDef, raw: unknown, fromCsv: boolean): Coerced {
  if (raw === null || raw === undefined || (fromCsv && raw === '')) return ok(null);
  if (typeof raw === 'object') return mismatch(field, JSON.stringify(raw), 'object');
  switch (field.type) {
    case 'double':
    case 'currency':
    case 'percent':
    case 'int':
      return coerceNumber(field, raw);
    case 'boolean':
      if (typeof raw === 'boolean') return ok(raw);
      if (typeof raw === 'string' && /^(true|false|1|0|yes|no)$/i.test(raw))
        return ok(/^(true|1|yes)$/i.test(raw));
      return mismatch(field, raw, 'boolean');
    case 'date':
      return typeof raw === 'string' ? coerceDate(field, raw) : mismatch(field, raw, 'date');
    case 'datetime':
      return typeof raw === 'string' ? coerceDateTime(field, raw) : mismatch(field, raw, 'datetime');
    case 'picklist':
    case 'multipicklist':
      return coercePicklist(field, textOf(raw));
    case 'email': {
      const value = textOf(raw);
      if (!emailPattern.test(value)) {
        return {
          ok: false,
          error: sfError('INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${value}`, [
            field.name,
          ]),
        };
      }
      return checkLength(field, value);
    }
    case 'reference':
    case 'id': {
      const value = textOf(raw);
      if (!isSalesforceId(value)) {
        return {
          ok: false,
          error: sfError('MALFORMED_ID', `${field.label}: id value of incorrect type: ${value}`, [
            field.name,
          ]),
        };
      }
      return ok(normalizeId(value));
    }
    default:
      return checkLength(field, textOf(raw));
  }
}
