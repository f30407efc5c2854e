// The Bulk column path's in-place update of a row's text (TextArena.updateRanges) over the arena's short forms
// (text-packing.ts): a value kept as "same as an earlier value of the row" must not follow that value when it
// changes, a kept hex Id keeps its cells, and a new value that starts like a short form is not misread.
import { describe, expect, it } from 'vitest';
import type { SfValue } from '../src/store/sf-error.js';
import { TextArena } from '../src/store/text-arena.js';
import { mulberry32 as random } from '../../shared/mulberry32.js';

describe('TextArena.updateRanges over packed text', () => {
  it('reads back what set and the updates wrote, for repeated long values, hex Ids and short-form look-alikes', () => {
    const next = random(23);
    const count = 4;
    const arena = new TextArena(count);
    const reference: SfValue[][] = [];
    const long = 'a long repeated value of the row';
    const samples: SfValue[] = [
      null,
      '',
      'Acme',
      long,
      `${long}!`,
      '0123456789abcdef0123456789abcdef',
      'fedcba9876543210fedcba9876543210',
      '\u0002',
      '\u0003x',
      '\u0002abc',
      '\u0001',
    ];
    const starts = new Int32Array(count);
    const ends = new Int32Array(count);
    const keep = new Uint8Array(count);
    const pick = () => samples[Math.floor(next() * samples.length)] ?? null;
    for (let step = 0; step < 40_000; step += 1) {
      const row = Math.floor(next() * 500);
      const values = Array.from({ length: count }, pick);
      if (next() < 0.3 || reference[row] === undefined) {
        arena.set(row, values);
        reference[row] = values;
        continue;
      }
      const sources = values.map((v, i) => {
        keep[i] = next() < 0.5 ? 1 : 0;
        starts[i] = v === null ? 0 : 1;
        ends[i] = v === null ? 0 : 1 + (v as string).length;
        return v === null ? null : `[${v as string}]`;
      });
      arena.updateRanges(row, sources, starts, ends, keep);
      reference[row] = reference[row].map((old, i) => (keep[i] === 1 ? old : (values[i] ?? null)));
    }
    reference.forEach((values, row) => expect(arena.get(row), `row ${String(row)}`).toEqual(values));
  });

  it('keeps a value written as "same as" an earlier one when only the earlier one is updated', () => {
    const arena = new TextArena(2);
    const long = 'the same long value, twice';
    arena.set(0, [long, long]);
    const source = '[changed]';
    arena.updateRanges(0, [source, null], Int32Array.of(1, 0), Int32Array.of(8, 0), Uint8Array.of(0, 1));
    expect(arena.get(0)).toEqual(['changed', long]);
  });
});
