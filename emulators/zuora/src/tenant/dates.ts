// Date helpers working on UTC calendar dates, formatted the way Zuora returns them:
// dates 'YYYY-MM-DD', date-times 'YYYY-MM-DDTHH:mm:ss.SSS+00:00'.
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function dateOf(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const dayCache = new Map<number, string>();

/** Same as toISOString with a +00:00 offset, without allocating a Date per call (hot in generation). */
export function dateTimeOf(d: Date): string {
  const ms = d.getTime();
  const day = Math.floor(ms / 86_400_000);
  let prefix = dayCache.get(day);
  if (prefix === undefined) {
    prefix = `${d.toISOString().slice(0, 10)}T`;
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(day, prefix);
  }
  const rest = ms - day * 86_400_000;
  const h = Math.floor(rest / 3_600_000);
  const m = Math.floor((rest % 3_600_000) / 60_000);
  const s = Math.floor((rest % 60_000) / 1000);
  return `${prefix}${pad(h)}:${pad(m)}:${pad(s)}.${pad(rest % 1000, 3)}+00:00`;
}

export function addMonths(d: Date, months: number): Date {
  const r = new Date(d.getTime());
  r.setUTCMonth(r.getUTCMonth() + months);
  return r;
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}

export function addSeconds(d: Date, seconds: number): Date {
  return new Date(d.getTime() + seconds * 1000);
}
