// Date helpers working on UTC calendar dates, formatted the way Zuora returns them:
// dates 'YYYY-MM-DD', date-times 'YYYY-MM-DDTHH:mm:ss.SSS+00:00'.
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function dateOf(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function dateTimeOf(d: Date): string {
  return d.toISOString().replace('Z', '+00:00');
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
