// The date checks of Turbo Sync's byte path (mapping/compiled-bytes.ts) on a field's ASCII bytes, each the
// answer date-transforms.ts's fast forms give for the field's text (a calendar date, AQuA's own date-time),
// read in place with no string made.

/** The two digits from `at` as a number, or 100 unless both are digits. */
function twoAt(b: Uint8Array, at: number): number {
  const t = (b[at] as number) - 48;
  const u = (b[at + 1] as number) - 48;
  return t >= 0 && t <= 9 && u >= 0 && u <= 9 ? t * 10 + u : 100;
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** YYYYMMDD of the `YYYY-MM-DD` at `from` when it is a calendar date of 1700..4000 (date-transforms.ts's
 * dayInRange), else -1. */
function dayAt(b: Uint8Array, from: number): number {
  if (b[from + 4] !== 45 || b[from + 7] !== 45) return -1;
  const century = twoAt(b, from);
  const year = twoAt(b, from + 2);
  if (century > 99 || year > 99) return -1;
  const y = century * 100 + year;
  const m = twoAt(b, from + 5);
  const d = twoAt(b, from + 8);
  if (y < 1700 || y > 4000 || m < 1 || m > 12 || d < 1) return -1;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : (monthDays[m - 1] as number))) return -1;
  return y * 10_000 + m * 100 + d;
}

/** Whether the 10 bytes from `from` are a calendar date in range, `YYYY-MM-DD`. */
export function isPlainDateAt(b: Uint8Array, from: number): boolean {
  return dayAt(b, from) !== -1;
}

/** Whether the 29 bytes from `from` are AQuA's own form, `YYYY-MM-DDTHH:MM:SS.sss+00:00`, before 4000-12-31
 * (date-transforms.ts's isAquaUtc). Straight code, no loop: it runs for every date-time of every record. */
export function isAquaUtcAt(b: Uint8Array, from: number): boolean {
  if (b[from + 10] !== 84 || b[from + 13] !== 58 || b[from + 16] !== 58 || b[from + 19] !== 46) return false;
  // `+00:00`
  if (b[from + 23] !== 43 || b[from + 24] !== 48 || b[from + 25] !== 48 || b[from + 26] !== 58) return false;
  if (b[from + 27] !== 48 || b[from + 28] !== 48) return false;
  if (twoAt(b, from + 11) > 23 || twoAt(b, from + 14) > 59 || twoAt(b, from + 17) > 59) return false;
  if (twoAt(b, from + 20) > 99 || twoAt(b, from + 21) > 99) return false;
  const day = dayAt(b, from);
  return day !== -1 && day !== 40_001_231;
}
