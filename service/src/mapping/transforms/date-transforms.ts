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

/** `YYYY-MM-DD`, a calendar date in range, checked by character (no regex match): else undefined. */
function plainDateInRange(s: string): string | undefined {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  if (!digits(s, 0, 4) || !digits(s, 5, 7) || !digits(s, 8, 10)) return undefined;
  const ok = validCalendarDate(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10)));
  return ok && s >= minDate && s <= maxDate ? s : undefined;
}

export const date: Transform = (value, field) => {
  if (isBlank(value)) return ok(null);
  const s = typeof value === 'string' ? value.trim() : '';
  const plain = plainDateInRange(s) ?? (aquaUtc(s) === undefined ? undefined : s.slice(0, 10));
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

/** AQuA's own form, `YYYY-MM-DDTHH:MM:SS.sss+00:00`, in range: the ISO form by slicing, else undefined. */
function aquaUtc(s: string): string | undefined {
  if (s.length !== 29 || !s.endsWith('+00:00') || s.charCodeAt(10) !== 84) return undefined;
  if (s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58 || s.charCodeAt(19) !== 46) return undefined;
  const day = plainDateInRange(s.slice(0, 10));
  if (day === undefined || day === maxDate || !digits(s, 11, 13) || !digits(s, 14, 16)) return undefined;
  if (!digits(s, 17, 19) || !digits(s, 20, 23)) return undefined;
  if (s.slice(11, 13) > '23' || s.slice(14, 16) > '59' || s.slice(17, 19) > '59') return undefined;
  return `${s.slice(0, 23)}Z`;
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
