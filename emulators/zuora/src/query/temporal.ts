// Dates and date-times in queries. A literal shaped like a date must be a real calendar date ('2025-02-30'
// is refused); times are read as UTC, the emulator tenant's time zone. In Export ZOQL a date compared with
// a date-time field stands for the whole day: `UpdatedDate = '2011-02-01'` matches any time that day and
// `UpdatedDate > '2011-02-01'` starts the next day.
// https://docs.zuora.com/en/zuora-platform/data/legacy-query-methods/export-zoql/special-datetime-features-in-export-zoql/compare-datetimes-with-dates
import type { CompareOp } from './zoql-ast.js';

export type Moment = { kind: 'date'; start: number; end: number } | { kind: 'instant'; at: number };

const dayMs = 86_400_000;
const dateShape = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTimeShape =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s?(Z|[+-]\d{2}:?\d{2})?$/;

/** True for a real calendar day (months 1-12, days within the month, leap years counted). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `yyyy-mm-dd` naming a real day. */
export function isValidDateText(text: string): boolean {
  const m = dateShape.exec(text);
  return m !== null && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Reads a date or date-time: undefined when the text is not shaped like one, 'invalid' when it is shaped
 * like one but names no real moment (2025-02-30, 24:00, minute 61).
 */
export function readMoment(text: string): Moment | 'invalid' | undefined {
  const d = dateShape.exec(text);
  if (d !== null) {
    const [y, m, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
    if (!isCalendarDate(y, m, day)) return 'invalid';
    const start = Date.UTC(y, m - 1, day);
    return { kind: 'date', start, end: start + dayMs };
  }
  const t = dateTimeShape.exec(text);
  if (t === null) return /^\d{4}-\d{2}-\d{2}/.test(text) ? 'invalid' : undefined;
  const [y, mo, day, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(t[i] ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (!isCalendarDate(y, mo, day) || h > 23 || mi > 59 || s > 59) return 'invalid';
  const zone = t[8] ?? 'Z';
  const offset =
    zone === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  const fraction = Number(`0.${t[7] ?? '0'}`) * 1000;
  return { kind: 'instant', at: Date.UTC(y, mo - 1, day, h, mi, s) + Math.floor(fraction) - offset * 60_000 };
}

const test: Record<CompareOp, (n: number) => boolean> = {
  '=': (n) => n === 0,
  '!=': (n) => n !== 0,
  '<': (n) => n < 0,
  '<=': (n) => n <= 0,
  '>': (n) => n > 0,
  '>=': (n) => n >= 0,
};

/**
 * `left op right` for two moments. With `wholeDays`, a date facing an instant is its whole day; otherwise
 * a date is its midnight.
 */
export function compareMoments(left: Moment, op: CompareOp, right: Moment, wholeDays: boolean): boolean {
  if (wholeDays && left.kind === 'instant' && right.kind === 'date') {
    const t = left.at;
    const inDay = t >= right.start && t < right.end;
    if (op === '=') return inDay;
    if (op === '!=') return !inDay;
    if (op === '<') return t < right.start;
    if (op === '<=') return t < right.end;
    if (op === '>') return t >= right.end;
    return t >= right.start;
  }
  if (wholeDays && left.kind === 'date' && right.kind === 'instant') {
    const flipped: Record<CompareOp, CompareOp> = {
      '=': '=',
      '!=': '!=',
      '<': '>',
      '<=': '>=',
      '>': '<',
      '>=': '<=',
    };
    return compareMoments(right, flipped[op], left, true);
  }
  const a = left.kind === 'date' ? left.start : left.at;
  const b = right.kind === 'date' ? right.start : right.at;
  return test[op](a - b);
}

export const compareTest = test;
