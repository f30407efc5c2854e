// The Bulk column path copies the cells of an upload known to hold only characters U+0001-U+007F
// (text-packing.ts plainText) into the text arena without a check per character. The text read back must
// be what the checked copy stores, and an upload with a NUL (the arena's separator) or a character
// beyond ASCII is never taken as plain: its values still go to the side map and read back unchanged.
import { describe, expect, it } from 'vitest';
import { TextArena } from '../src/store/text-arena.js';
import { plainText } from '../src/store/text-packing.js';

/** The cells of `line` split on commas, as ranges of `line`. */
function cells(line: string, count: number) {
  const starts = new Int32Array(count);
  const ends = new Int32Array(count);
  let at = 0;
  for (let i = 0; i < count; i += 1) {
    const comma = line.indexOf(',', at);
    starts[i] = at;
    ends[i] = comma < 0 ? line.length : comma;
    at = (ends[i] as number) + 1;
  }
  return { sources: new Array<string | null>(count).fill(line), starts, ends };
}

describe('plain uploads in the text arena', () => {
  it('takes as plain only an ASCII upload without NUL', () => {
    expect(plainText('Acme,Beta\n', true)).toBe('Acme,Beta\n');
    expect(plainText('Acme,Be\u0000ta\n', true)).toBeNull();
    expect(plainText('Acme,Beta\n', false)).toBeNull();
  });

  it('stores and updates a plain upload\u2019s cells as the checked copy does', () => {
    const plain = 'Z0001,Billing account 1,a long repeated value here,a long repeated value here';
    const other = 'Z0002,Renamed,0123456789abcdef0123456789abcdef,x';
    const checked = new TextArena(4);
    const unchecked = new TextArena(4);
    for (const [arena, given] of [
      [checked, null],
      [unchecked, plain],
    ] as const) {
      const row = cells(plain, 4);
      arena.setRanges(0, row.sources, row.starts, row.ends, given);
      const next = cells(other, 4);
      const keep = Uint8Array.from([1, 0, 0, 1]);
      arena.setRanges(1, row.sources, row.starts, row.ends, given);
      arena.updateRanges(1, next.sources, next.starts, next.ends, keep, given === null ? null : other);
    }
    expect(unchecked.get(0)).toEqual(checked.get(0));
    expect(unchecked.get(0)).toEqual(plain.split(','));
    expect(unchecked.get(1)).toEqual(checked.get(1));
    expect(unchecked.get(1)).toEqual([
      'Z0001',
      'Renamed',
      '0123456789abcdef0123456789abcdef',
      'a long repeated value here',
    ]);
  });

  it('keeps a value with a NUL or beyond Latin-1 from an upload that is not plain', () => {
    for (const line of ['Z1,Be\u0000ta', 'Z1,Caf\u00e9 \u20ac']) {
      const arena = new TextArena(2);
      const row = cells(line, 2);
      arena.setRanges(0, row.sources, row.starts, row.ends, plainText(line, false));
      expect(arena.get(0)).toEqual(line.split(','));
    }
  });
});
