// Date and DateTime targets. Salesforce stores dates from 1700-01-01T00:00:00 GMT to
// 4000-12-31T00:00:00 GMT; a Zuora date outside that range is a record error, never a failed session.
// Range: https://knowledgecenter.zuora.com/Zuora_360 (seed 003 "Sync Date Fields"), and
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/primitive_data_types.htm
import { describeValue, fail, isBlank, ok, type Transform } from './transform-result.js';

export const minDate = '1700-01-01';
export const maxDate = '4000-12-31';
const minMs = Date.UTC(1700, 0, 1);
const maxMs = Date.UTC(4000, 11, 31);

const datePart = /^(\d{4})-(\d{2})-(\d{2})/;
// Zuora REST/ZOQL: 2024-03-01T10:15:00.000-08:00; AQuA CSV: 2024-03-01T10:15:00-0800 or "2024-03-01 10:15:00".
const dateTimePattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

function validCalendarDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(2000, m - 1, d));
  t.setUTCFullYear(y);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** A Date field: the calendar date as written (a datetime keeps its own local date). */
export const date: Transform = (value, field) => {
  if (isBlank(value)) return ok(null);
  const s = typeof value === 'string' ? value.trim() : '';
  const m = datePart.exec(s);
  if (!m || !dateTimePattern.test(s)) {
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

/** A DateTime field: normalised to UTC ISO 8601. A value without an offset is read as UTC. */
export const datetime: Transform = (value, field) => {
  if (isBlank(value)) return ok(null);
  const s = typeof value === 'string' ? value.trim() : '';
  const m = dateTimePattern.exec(s);
  if (!m)
    return fail('INVALID_DATE', `${field.name}: expected an ISO 8601 date-time, got ${describeValue(value)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [h, mi, sec] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  if (!validCalendarDate(y, mo, d) || h > 23 || mi > 59 || sec > 59) {
    return fail('INVALID_DATE', `${field.name}: ${describeValue(value)} is not a valid date-time`);
  }
  const t = new Date(Date.UTC(2000, mo - 1, d, h, mi, sec, ms));
  t.setUTCFullYear(y);
  const zone = m[8];
  let epoch = t.getTime();
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
