// The byte path's date checks (transforms/ascii-dates.ts) answer as the transforms' own fast forms do: a
// 10-byte value is its own cell exactly when the date transform answers it as it is, and an AQuA date-time
// accepted is one the date-time transform answers with its offset cut to Z, over fuzzed near-misses (each
// character of valid values replaced, leap days, range ends).
import { describe, expect, it } from 'vitest';
import { mulberry32 as random } from '../../../emulators/shared/mulberry32.js';
import type { SalesforceField } from '../../src/mapping/salesforce-schema.js';
import { isAquaUtcAt, isPlainDateAt } from '../../src/mapping/transforms/ascii-dates.js';
import { date, datetime } from '../../src/mapping/transforms/date-transforms.js';

const field: SalesforceField = { name: 'When__c', type: 'DateTime' };
const swaps = '0123456789-:T.+Z/ a';

/** Valid values and, for each, variants with one character replaced. */
function nearMisses(next: () => number, valid: string): string[] {
  const out = [valid];
  for (let k = 0; k < 12; k += 1) {
    const at = Math.floor(next() * valid.length);
    const c = swaps[Math.floor(next() * swaps.length)] as string;
    out.push(`${valid.slice(0, at)}${c}${valid.slice(at + 1)}`);
  }
  return out;
}

describe('ascii date checks', () => {
  it('agree with the date and date-time transforms', () => {
    const next = random(41);
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    const days = [
      '1700-01-01',
      '1699-12-31',
      '4000-12-31',
      '4000-12-30',
      '2024-02-29',
      '2023-02-29',
      '1900-02-29',
    ];
    for (let i = 0; i < 3_000; i += 1) {
      const y = next() < 0.5 ? 1990 + Math.floor(next() * 50) : Math.floor(next() * 10_000);
      days.push(`${pad(y, 4)}-${pad(Math.floor(next() * 14), 2)}-${pad(Math.floor(next() * 33), 2)}`);
    }
    let accepted = 0;
    for (const day of days) {
      for (const d of nearMisses(next, day)) {
        expect(isPlainDateAt(Buffer.from(`,${d}`, 'latin1'), 1), d).toBe(date(d, field) === d);
      }
      const time = `${pad(Math.floor(next() * 26), 2)}:${pad(Math.floor(next() * 61), 2)}:${pad(Math.floor(next() * 61), 2)}`;
      for (const t of nearMisses(next, `${day}T${time}.${pad(Math.floor(next() * 1000), 3)}+00:00`)) {
        if (!isAquaUtcAt(Buffer.from(`,,${t}`, 'latin1'), 2)) continue;
        accepted += 1;
        expect(datetime(t, field), t).toBe(`${t.slice(0, 23)}Z`);
      }
    }
    expect(accepted).toBeGreaterThan(500);
  });
});
