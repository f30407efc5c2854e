// The datetime fast path (canonicalDateTimeMs in src/store/coerce-value.ts) against the general one
// (Date.parse, then formatDateTime) on seeded random strings near and beyond every part's range: it
// answers only for text already in the stored form, and then exactly what the general path answers.
import { describe, expect, it } from 'vitest';
import { canonicalDateTimeMs, coerceValue, formatDateTime } from '../src/store/coerce-value.js';
import type { FieldDef } from '../src/schema/schema-types.js';

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    return s / 2 ** 32;
  };
}

describe('datetimes in the stored form', () => {
  it('are read as Date.parse and formatDateTime read them, and nothing else is', () => {
    const next = random(5);
    const pick = (n: number) => Math.floor(next() * n);
    const pad = (v: number, n: number) => String(v).padStart(n, '0');
    let fast = 0;
    for (let i = 0; i < 200_000; i += 1) {
      const year = [999, 1000, 1699, 1700, 1900, 2024, 2100, 4000, 4001, 9999][pick(10)] as number;
      const suffix = ['Z', '+0000', '+0100', 'z', '', '+00:00'][pick(6)] as string;
      const text = `${pad(year, 4)}-${pad(pick(14), 2)}-${pad(pick(33), 2)}T${pad(pick(25), 2)}:${pad(pick(61), 2)}:${pad(pick(61), 2)}.${pad(pick(1000), 3)}${suffix}`;
      const ms = canonicalDateTimeMs(text);
      const parsed = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
      const stored = `${text.slice(0, 23)}+0000`;
      if (Number.isNaN(ms)) {
        // Left to the general path: not the stored form, or a part out of range, or a year below 1000.
        const canonical = (suffix === 'Z' || suffix === '+0000') && year >= 1000;
        if (canonical && !Number.isNaN(parsed)) expect(formatDateTime(parsed), text).not.toBe(stored);
        continue;
      }
      fast += 1;
      expect(ms, text).toBe(parsed);
      expect(formatDateTime(ms), text).toBe(stored);
    }
    expect(fast).toBeGreaterThan(10_000);
    const field = { name: 'At__c', label: 'At', type: 'datetime' } as FieldDef;
    expect(coerceValue(field, '2024-02-29T23:59:59.999Z', true)).toEqual({
      ok: true,
      value: '2024-02-29T23:59:59.999+0000',
    });
    expect(coerceValue(field, '4001-01-01T00:00:00.000+0000', true).ok).toBe(false);
  });
});
