// The date checks of Turbo Sync's byte path (mapping/compiled-bytes.ts) on a field's ASCII bytes, each the
// answer date-transforms.ts's fast forms give for the field's text (a calendar date, AQuA's own date-time),
// read in place with no string made.

/** The number written by the `n` bytes from `from`, or -1 unless all are ASCII digits. */
function digitsAt(b: Uint8Array, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i += 1) {
    const c = (b[i] as number) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    v = v * 10 + c;
  }
  return v;
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYYMMDD of the `YYYY-MM-DD` at `from` when it is a calendar date of 1700..4000 (date-transforms.ts's
 * dayInRange), else -1. */
function dayAt(b: Uint8Array, from: number): number {
  if (b[from + 4] !== 45 || b[from + 7] !== 45) return -1;
  const y = digitsAt(b, from, 4);
  const m = digitsAt(b, from + 5, 2);
  const d = digitsAt(b, from + 8, 2);
  if (y < 1700 || y > 4000 || m < 1 || m > 12 || d < 1) return -1;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : (monthDays[m - 1] as number))) return -1;
  return y * 10_000 + m * 100 + d;
}

/** Whether the 10 bytes from `from` are a calendar date in range, `YYYY-MM-DD`. */
export function isPlainDateAt(b: Uint8Array, from: number): boolean {
  return dayAt(b, from) !== -1;
}

/** `+00:00`, the end of AQuA's own date-time form. */
const utcEnd = [43, 48, 48, 58, 48, 48];

/** Whether the 29 bytes from `from` are AQuA's own form, `YYYY-MM-DDTHH:MM:SS.sss+00:00`, before 4000-12-31
 * (date-transforms.ts's isAquaUtc). */
export function isAquaUtcAt(b: Uint8Array, from: number): boolean {
  if (b[from + 10] !== 84 || b[from + 19] !== 46 || b[from + 13] !== 58 || b[from + 16] !== 58) return false;
  for (let i = 0; i < 6; i += 1) if (b[from + 23 + i] !== utcEnd[i]) return false;
  const day = dayAt(b, from);
  if (day === -1 || day === 40_001_231) return false;
  const h = digitsAt(b, from + 11, 2);
  const mi = digitsAt(b, from + 14, 2);
  const s = digitsAt(b, from + 17, 2);
  return h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && s >= 0 && s <= 59 && digitsAt(b, from + 20, 3) >= 0;
}
