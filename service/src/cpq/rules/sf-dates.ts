// Calendar arithmetic on `yyyy-mm-dd` dates (UTC, no time of day), as Salesforce date fields hold them.

const day = 86_400_000;
const parse = (d: string): number => Date.parse(`${d.slice(0, 10)}T00:00:00Z`);
const format = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const addDays = (d: string, n: number): string => format(parse(d) + n * day);

export const daysBetween = (from: string, to: string): number => Math.round((parse(to) - parse(from)) / day);

/** Months from `from` to `to` when `to` is the same day of a later month (month ends clamp); else undefined. */
export function wholeMonthsBetween(from: string, to: string): number | undefined {
  const [fy, fm, fd] = from.slice(0, 10).split('-').map(Number) as [number, number, number];
  const [ty, tm] = to.slice(0, 10).split('-').map(Number) as [number, number, number];
  const months = (ty - fy) * 12 + (tm - fm);
  if (months < 1) return undefined;
  const lastDay = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  const expected = format(Date.UTC(ty, tm - 1, Math.min(fd, lastDay)));
  return expected === to.slice(0, 10) ? months : undefined;
}

/** The date part of a Salesforce date-time. */
export const datePart = (dateTime: string): string => dateTime.slice(0, 10);
