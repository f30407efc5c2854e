// Date literals as UTC ranges [start, end) in milliseconds.
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_dateformats.htm
// (LAST_N_DAYS:n covers today and the n days before it; N_DAYS_AGO:n is that single day.)

const day = 86_400_000;

function startOfDay(ms: number): number {
  return Math.floor(ms / day) * day;
}

function monthStart(ms: number, addMonths: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + addMonths, 1);
}

function quarterStart(ms: number, addQuarters: number): number {
  const d = new Date(ms);
  const first = Math.floor(d.getUTCMonth() / 3) * 3;
  return Date.UTC(d.getUTCFullYear(), first + 3 * addQuarters, 1);
}

function weekStart(ms: number): number {
  const today = startOfDay(ms);
  return today - new Date(today).getUTCDay() * day; // weeks start on Sunday (en_US locale)
}

export function dateLiteralRange(name: string, n: number, nowMs = Date.now()): [number, number] {
  const today = startOfDay(nowMs);
  const year = new Date(nowMs).getUTCFullYear();
  switch (name) {
    case 'TODAY':
      return [today, today + day];
    case 'YESTERDAY':
      return [today - day, today];
    case 'TOMORROW':
      return [today + day, today + 2 * day];
    case 'LAST_N_DAYS':
      return [today - n * day, today + day];
    case 'NEXT_N_DAYS':
      return [today + day, today + (n + 1) * day];
    case 'N_DAYS_AGO':
      return [today - n * day, today - (n - 1) * day];
    case 'LAST_90_DAYS':
      return [today - 90 * day, today + day];
    case 'NEXT_90_DAYS':
      return [today + day, today + 91 * day];
    case 'THIS_WEEK':
      return [weekStart(nowMs), weekStart(nowMs) + 7 * day];
    case 'LAST_WEEK':
      return [weekStart(nowMs) - 7 * day, weekStart(nowMs)];
    case 'NEXT_WEEK':
      return [weekStart(nowMs) + 7 * day, weekStart(nowMs) + 14 * day];
    case 'LAST_N_WEEKS':
      return [weekStart(nowMs) - 7 * n * day, weekStart(nowMs)];
    case 'NEXT_N_WEEKS':
      return [weekStart(nowMs) + 7 * day, weekStart(nowMs) + 7 * (n + 1) * day];
    case 'THIS_MONTH':
      return [monthStart(nowMs, 0), monthStart(nowMs, 1)];
    case 'LAST_MONTH':
      return [monthStart(nowMs, -1), monthStart(nowMs, 0)];
    case 'NEXT_MONTH':
      return [monthStart(nowMs, 1), monthStart(nowMs, 2)];
    case 'LAST_N_MONTHS':
      return [monthStart(nowMs, -n), monthStart(nowMs, 0)];
    case 'NEXT_N_MONTHS':
      return [monthStart(nowMs, 1), monthStart(nowMs, n + 1)];
    case 'THIS_QUARTER':
      return [quarterStart(nowMs, 0), quarterStart(nowMs, 1)];
    case 'LAST_QUARTER':
      return [quarterStart(nowMs, -1), quarterStart(nowMs, 0)];
    case 'NEXT_QUARTER':
      return [quarterStart(nowMs, 1), quarterStart(nowMs, 2)];
    case 'LAST_N_QUARTERS':
      return [quarterStart(nowMs, -n), quarterStart(nowMs, 0)];
    case 'NEXT_N_QUARTERS':
      return [quarterStart(nowMs, 1), quarterStart(nowMs, n + 1)];
    case 'LAST_N_YEARS':
      return [Date.UTC(year - n, 0, 1), Date.UTC(year, 0, 1)];
    case 'NEXT_N_YEARS':
      return [Date.UTC(year + 1, 0, 1), Date.UTC(year + n + 1, 0, 1)];
    case 'THIS_YEAR':
      return [Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1)];
    case 'LAST_YEAR':
      return [Date.UTC(year - 1, 0, 1), Date.UTC(year, 0, 1)];
    case 'NEXT_YEAR':
      return [Date.UTC(year + 1, 0, 1), Date.UTC(year + 2, 0, 1)];
    default:
      throw new Error(`unknown date literal ${name}`);
  }
}
