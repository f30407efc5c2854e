// Calendar arithmetic on `YYYY-MM-DD` dates (UTC), as CPQ computes subscription and contract terms.

const parse = (date: string): Date => new Date(`${date.slice(0, 10)}T00:00:00Z`);
const format = (d: Date): string => d.toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

/** Adds calendar months, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: string, months: number): string {
  const d = parse(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return format(d);
}

/** The last day of a term of `months` starting on `start` (a contract's EndDate). */
export function termEnd(start: string, months: number): string {
  return addDays(addMonths(start, months), -1);
}

/** Whole months from `start` to the day after `end` (12 for 2026-01-01..2026-12-31). */
export function monthsBetween(start: string, end: string): number {
  const a = parse(start);
  const b = parse(addDays(end, 1));
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth());
}

export const today = (): string => new Date().toISOString().slice(0, 10);
