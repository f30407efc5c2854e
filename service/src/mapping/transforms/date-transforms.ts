// Date and DateTime targets. Salesforce stores dates from 1700-01-01T00:00:00 GMT to
// 4000-12-31T00:00:00 GMT; a Zuora date outside that range is a record error, never a failed session.
// Range: https://knowledgecenter.zuora.com/Zuora_360 (seed 003 "Sync Date Fields"), and
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/primitive_data_types.htm
import {
  describeValue,
  fail,
  isBlank,
  ok,
  type Transform,
  type TransformOutput,
} from './transform-result.js';

export const minDate = '1700-01-01';
export const maxDate = '4000-12-31';
const minMs = Date.UTC(1700, 0, 1);
const maxMs = Date.UTC(4000, 11, 31);

const datePart = /^(\d{4})-(\d{2})-(\d{2})/;
// Zuora REST/ZOQL: 2024-03-01T10:15:00.000-08:00; AQuA CSV: 2024-03-01T10:15:00-0800 or "2024-03-01 10:15:00".
const dateTimePattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : (daysInMonth[m - 1] as number));
}

/** Milliseconds since the epoch of a UTC wall time; Date.UTC maps years 0..99 to 1900.., so avoid it there. */
function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  if (y >= 100) return Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const t = new Date(Date.UTC(2000, mo - 1, d, h, mi, s, ms));
  t.setUTCFullYear(y);
  return t.getTime();
}

/** A Date field: the calendar date as written (a datetime keeps its own local date). */
const plainDate = /^\d{4}-\d{2}-\d{2}$/;

/** Whether the characters of `s` from `from` to before `to` are all ASCII digits. */
export function digits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The number written by the `n` characters of `s` from `from`, or -1 unless all are ASCII digits. */
function digitsValue(s: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i += 1) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * The date `YYYY-MM-DD` that `s` starts with as the number YYYYMMDD when it is a calendar date in range, else -1.
 * Read by character code, no substring or regex: it runs for every date field of every record. A valid date
 * is within 1700-01-01..4000-12-31 exactly when its year is within 1700..4000.
 */
function dayInRange(s: string): number {
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  const y = digitsValue(s, 0, 4);
  const m = digitsValue(s, 5, 2);
  const d = digitsValue(s, 8, 2);
  if (y < 1700 || y > 4000 || m < 0 || d < 0 || !validCalendarDate(y, m, d)) return -1;
  return y * 10_000 + m * 100 + d;
}

/** `YYYY-MM-DD`, a calendar date in range: else undefined. */
function plainDateInRange(s: string): string | undefined {
  return s.length === 10 && dayInRange(s) !== -1 ? s : undefined;
}

export const date: Transform = (value, field) => {
  if (isBlank(value)) return ok(null);
  const s = typeof value === 'string' ? value.trim() : '';
  const plain = plainDateInRange(s) ?? (isAquaUtc(s) ? s.slice(0, 10) : undefined);
  if (plain !== undefined) return plain;
  const m = datePart.exec(s);
  if (!m || !(plainDate.test(s) || dateTimePattern.test(s))) {
    return fail('INVALID_DATE', `${field.name}: expected a date (YYYY-MM-DD), got ${describeValue(value)}`);
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!validCalendarDate(y, mo, d))
    return fail('INVALID_DATE', `${field.name}: ${describeValue(value)} is not a calendar date`);
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  if (iso < minDate || iso > maxDate) {
    return fail(
      'DATE_OUT_OF_RANGE',
      `${field.name}: ${iso} is outside the dates Salesforce accepts (${minDate} to ${maxDate})`,
    );
  }
  return ok(iso);
};

// Zuora's usual form, already UTC: normalised by string surgery, no Date (mapping is per field per record).
const utcDateTime = /^(\d{4}-(\d{2})-(\d{2}))T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{3})?(?:Z|[+-]00:?00)$/;

/** Whether `s` is AQuA's own form, `YYYY-MM-DDTHH:MM:SS.sss+00:00`, in range (before 4000-12-31). */
function isAquaUtc(s: string): boolean {
  if (s.length !== 29 || s.charCodeAt(10) !== 84 || s.charCodeAt(19) !== 46) return false;
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || !s.endsWith('+00:00')) return false;
  const day = dayInRange(s);
  if (day === -1 || day === 40_001_231) return false;
  const h = digitsValue(s, 11, 2);
  const mi = digitsValue(s, 14, 2);
  const sec = digitsValue(s, 17, 2);
  return h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && sec >= 0 && sec <= 59 && digitsValue(s, 20, 3) >= 0;
}

/** AQuA's own form in range: the ISO form by slicing, else undefined. */
function aquaUtc(s: string): string | undefined {
  return isAquaUtc(s) ? `${s.slice(0, 23)}Z` : undefined;
}

function utcFastPath(s: string, field: { name: string }): TransformOutput | undefined {
  const aqua = aquaUtc(s);
  if (aqua !== undefined) return aqua;
  const m = utcDateTime.exec(s);
  if (!m) return undefined;
  const day = m[1] as string;
  if (!validCalendarDate(Number(s.slice(0, 4)), Number(m[2]), Number(m[3]))) return undefined;
  const iso = `${day}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? '.000'}Z`;
  if (day < minDate || iso > `${maxDate}T00:00:00.000Z`) {
    return fail(
      'DATE_OUT_OF_RANGE',
      `${field.name}: ${describeValue(s)} is outside the date-times Salesforce accepts (${minDate}T00:00:00Z to ${maxDate}T00:00:00Z)`,
    );
  }
  return ok(iso);
}

/** A DateTime field: normalised to UTC ISO 8601. A value without an offset is read as UTC. */
export const datetime: Transform = (value, field) => {
  if (isBlank(value)) return ok(null);
  const s = typeof value === 'string' ? value.trim() : '';
  const fast = utcFastPath(s, field);
  if (fast !== undefined) return fast;
  // A calendar date in range is its midnight UTC, as the general path below would print it.
  if (plainDateInRange(s) !== undefined) return `${s}T00:00:00.000Z`;
  const m = dateTimePattern.exec(s);
  if (!m)
    return fail('INVALID_DATE', `${field.name}: expected an ISO 8601 date-time, got ${describeValue(value)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, sec] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  if (!validCalendarDate(y, mo, d) || h > 23 || mi > 59 || sec > 59) {
    return fail('INVALID_DATE', `${field.name}: ${describeValue(value)} is not a valid date-time`);
  }
  const zone = m[8];
  let epoch = utc(y, mo, d, h, mi, sec, ms);
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    epoch -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  }
  if (epoch < minMs || epoch > maxMs) {
    return fail(
      'DATE_OUT_OF_RANGE',
      `${field.name}: ${describeValue(value)} is outside the date-times Salesforce accepts (${minDate}T00:00:00Z to ${maxDate}T00:00:00Z)`,
    );
  }
  return ok(new Date(epoch).toISOString());
};
