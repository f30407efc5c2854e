// The newest record per key, kept as characters in byte pages (mapping/newest-per-key.ts): the same answers as
// a Map from each key to its newest UpdatedDate and place, whatever the keys' and dates' characters and lengths.
import { describe, expect, it } from 'vitest';
import { mulberry32 as random } from '../../../emulators/shared/mulberry32.js';
import { NewestPerKey } from '../../src/mapping/newest-per-key.js';

type Offer = { key: string; record: { Id: string; UpdatedDate?: string } };

/** The rule written plainly: the newest by UpdatedDate as strings compare, the first of equal dates. */
function expected(offers: readonly Offer[]): boolean[] {
  const newest = new Map<string, { updated: string; index: number }>();
  offers.forEach(({ key, record }, index) => {
    if (key === '') return;
    const updated = record.UpdatedDate ?? '';
    const held = newest.get(key);
    if (held === undefined || updated > held.updated) newest.set(key, { updated, index });
  });
  return offers.map(({ key }, index) => key === '' || newest.get(key)?.index === index);
}

function answers(offers: readonly Offer[]): boolean[] {
  const newest = new NewestPerKey();
  for (const { key, record } of offers) newest.offer(key, record);
  return offers.map(({ key, record }) => newest.isNewest(key, record));
}

describe('NewestPerKey', () => {
  it('agrees with the plain rule over many keys, versions and date shapes', () => {
    const next = random(19);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const dates = [
      () => `2024-0${String(1 + Math.floor(next() * 9))}-1${String(Math.floor(next() * 10))}T00:00:00.000Z`,
      () => `2024-03-01T00:00:00Z`,
      () => `2024-03-01T00:00:00.000+01:00`,
      () => '',
      () => `2024-03-0${String(Math.floor(next() * 10))}`,
      () => `日付${String(Math.floor(next() * 100))}`,
      () => `2024-03-01T00:00:00Z${'9'.repeat(Math.floor(next() * 40))}`,
    ];
    const keys = Array.from({ length: 3_000 }, (_, i) =>
      pick([`A-S${String(i)}`, `Ключ-${String(i)}`, `k${String(i)}é`, `${String(i)}✓${String(i)}`]),
    );
    const offers: Offer[] = Array.from({ length: 20_000 }, (_, i) => {
      const key = next() < 0.02 ? '' : pick(keys);
      const UpdatedDate = pick(dates)();
      return { key, record: next() < 0.05 ? { Id: `v${String(i)}` } : { Id: `v${String(i)}`, UpdatedDate } };
    });
    expect(answers(offers)).toEqual(expected(offers));
  });

  it('tells apart keys that differ only past their common start, in length or by one wide character', () => {
    const offers: Offer[] = [
      { key: 'A-S1', record: { Id: 'a', UpdatedDate: '2024-01-02' } },
      { key: 'A-S10', record: { Id: 'b', UpdatedDate: '2024-01-01' } },
      { key: 'A-S1\u0101', record: { Id: 'c', UpdatedDate: '2024-01-01' } },
      { key: 'A-S1\u0001', record: { Id: 'd', UpdatedDate: '2024-01-03' } },
      { key: 'A-S1', record: { Id: 'e', UpdatedDate: '2024-01-02' } },
      { key: 'A-S10', record: { Id: 'f', UpdatedDate: '2024-01-01T' } },
    ];
    expect(answers(offers)).toEqual([true, false, true, true, false, true]);
    expect(answers(offers)).toEqual(expected(offers));
  });

  it('holds keys and dates longer than a page of characters', () => {
    const long = 'x'.repeat(70_000);
    const offers: Offer[] = [
      { key: long, record: { Id: 'a', UpdatedDate: '1' } },
      { key: `${long}y`, record: { Id: 'b', UpdatedDate: long } },
      { key: long, record: { Id: 'c', UpdatedDate: `1${long}` } },
      { key: `${long}y`, record: { Id: 'd', UpdatedDate: `${long}\u0100` } },
      { key: 'short', record: { Id: 'e', UpdatedDate: '1' } },
    ];
    expect(answers(offers)).toEqual([false, false, true, true, true]);
  });

  it('refuses to be asked in another order than offered', () => {
    const newest = new NewestPerKey();
    newest.offer('A-S1', { Id: 'a1', UpdatedDate: '2024-02-01' });
    newest.offer('A-S2', { Id: 'b1', UpdatedDate: '2024-01-01' });
    // Asked first about A-S2: not the first record offered, so not A-S1's newest either.
    expect(newest.isNewest('A-S2', { Id: 'b1' })).toBe(false);
    // Second: A-S2's newest is the second record offered, and this is another record.
    expect(() => newest.isNewest('A-S2', { Id: 'a1' })).toThrow(/out of the order offered/);
  });
});
