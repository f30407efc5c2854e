// The typed-array structures behind the packed tables (src/store/chunked.ts, key-table.ts,
// text-arena.ts) against plain Maps and arrays under seeded random writes, removals and rewrites:
// whatever they hold, a read gives back exactly what was written.
import { describe, expect, it } from 'vitest';
import { ChunkedCells, CHUNK_SIZE } from '../src/store/chunked.js';
import { DictionaryColumn } from '../src/store/columns.js';
import { formatDateTime } from '../src/store/coerce-value.js';
import { IdCodec } from '../src/store/id-codec.js';
import { KeyTable } from '../src/store/key-table.js';
import type { SfValue } from '../src/store/sf-error.js';
import { TextArena } from '../src/store/text-arena.js';
import { valueCodecFor } from '../src/store/value-codecs.js';
import type { FieldDef } from '../src/schema/schema-types.js';

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1_103_515_245) + 12_345) >>> 0;
    return s / 2 ** 32;
  };
}

describe('packed store structures', () => {
  it('ChunkedCells holds cells across chunks and widens codes without changing them', () => {
    let cells = new ChunkedCells(Uint8Array, 7);
    expect(cells.get(5)).toBe(7);
    const rows = [0, 1, 1023, 1024, 5000, CHUNK_SIZE - 1, CHUNK_SIZE, 3 * CHUNK_SIZE + 17];
    rows.forEach((row, i) => cells.set(row, i * 20));
    expect(rows.map((row) => cells.get(row))).toEqual(rows.map((_, i) => i * 20));
    expect(cells.get(2 * CHUNK_SIZE + 5)).toBe(7);
    cells = cells.widen(Uint16Array);
    cells.set(9, 40_000);
    expect(rows.map((row) => cells.get(row))).toEqual(rows.map((_, i) => i * 20));
    expect(cells.get(9)).toBe(40_000);
    expect(cells.get(2 * CHUNK_SIZE + 5)).toBe(7);
  });

  it('a dictionary column past 65,536 distinct dates, datetimes or Ids keeps every value exactly', () => {
    const account = new IdCodec('001');
    const user = new IdCodec('005');
    const samples: Record<string, (i: number) => SfValue> = {
      datetime: (i) => formatDateTime(Date.UTC(2020, 0, 1) + i * 1_001),
      date: (i) => new Date(Date.UTC(1900, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
      reference: (i) => (i % 2 === 0 ? account.idOf(i) : user.idOf(i * 7)),
    };
    // Values no number spells back: kept as they are.
    const odd: SfValue[] = ['2020-01-01T00:00:00.000Z', '2020-02-30', '001000000000001AAA', 'text', 12, null];
    for (const [type, value] of Object.entries(samples)) {
      const column = new DictionaryColumn(valueCodecFor({ type } as FieldDef));
      const expected: SfValue[] = [];
      for (let row = 0; row < 140_000; row += 1) {
        const v = row % 1_000 === 0 ? (odd[(row / 1_000) % odd.length] ?? null) : value(row);
        column.set(row, v);
        expected.push(v);
      }
      column.set(3, odd[0] ?? null);
      expected[3] = odd[0] ?? null;
      for (let row = 0; row < expected.length; row += 1)
        if (column.get(row) !== expected[row]) {
          expect({ type, row, value: column.get(row) }).toEqual({ type, row, value: expected[row] });
        }
    }
  });

  it('KeyTable answers like a Map through adds, removals and rebuilds', () => {
    const next = random(19);
    const table = new KeyTable();
    const reference = new Map<string, number>();
    for (let step = 0; step < 60_000; step += 1) {
      const key = `k-${Math.floor(next() * 20_000).toString(36)}${next() < 0.01 ? 'é'.repeat(20) : ''}`;
      const had = reference.get(key);
      if (had === undefined) {
        table.add(key, step);
        reference.set(key, step);
      } else if (next() < 0.6) {
        expect(table.remove(key)).toBe(had);
        reference.delete(key);
      }
      expect(table.get(key)).toBe(reference.get(key) ?? -1);
    }
    expect(table.size).toBe(reference.size);
    for (const [key, ref] of reference) expect(table.get(key)).toBe(ref);
    expect(table.get('absent')).toBe(-1);
  });

  it('TextArena gives back every row as written: nulls, empty text, odd characters, rewrites', () => {
    const next = random(7);
    const arena = new TextArena(3);
    const reference: SfValue[][] = [];
    const samples: SfValue[] = [null, '', 'Acme', 'ünïcödé ✓', 'tab\u0000inside', '\u0001', 'x'.repeat(300)];
    for (let step = 0; step < 30_000; step += 1) {
      const row = Math.floor(next() * 2_000);
      if (next() < 0.1) {
        arena.drop(row);
        reference[row] = [null, null, null];
      } else {
        const values = [0, 1, 2].map(() => samples[Math.floor(next() * samples.length)] ?? null);
        arena.set(row, values);
        reference[row] = values;
      }
    }
    reference.forEach((values, row) => expect(arena.get(row)).toEqual(values));
    expect(arena.get(5_000)).toEqual([null, null, null]);
  });

  it('TextArena.updateRanges rewrites the given values and keeps the others, as set would', () => {
    const next = random(11);
    const arena = new TextArena(3);
    const reference: SfValue[][] = [];
    // Long texts grow the update's scratch buffer and move rows; odd ones go to the side map and back.
    const samples: SfValue[] = [null, '', 'Acme', 'ünïcödé ✓', 'tab\u0000inside', '\u0001', 'x'.repeat(700)];
    const starts = new Int32Array(3);
    const ends = new Int32Array(3);
    const keep = new Uint8Array(3);
    for (let step = 0; step < 40_000; step += 1) {
      const row = Math.floor(next() * 1_000);
      const values = [0, 1, 2].map(() => samples[Math.floor(next() * samples.length)] ?? null);
      if (next() < 0.3 || reference[row] === undefined) {
        arena.set(row, values);
        reference[row] = values;
        continue;
      }
      // Each value a range of a longer source string, as the Bulk upload's cells are.
      const sources = values.map((v, i) => {
        keep[i] = next() < 0.5 ? 1 : 0;
        starts[i] = v === null ? 0 : 2;
        ends[i] = v === null ? 0 : 2 + (v as string).length;
        return v === null ? null : `<<${v as string}>>`;
      });
      arena.updateRanges(row, sources, starts, ends, keep);
      reference[row] = reference[row].map((old, i) => (keep[i] === 1 ? old : (values[i] ?? null)));
    }
    reference.forEach((values, row) => expect(arena.get(row), `row ${row}`).toEqual(values));
    // A fresh arena's scratch grows twice inside one row, after bytes it already wrote.
    const fresh = new TextArena(3);
    fresh.set(0, ['kept', 'b', 'c']);
    const long = ['', 'y'.repeat(5_000), 'z'.repeat(9_000)];
    keep.set([1, 0, 0]);
    fresh.updateRanges(
      0,
      long,
      new Int32Array(3),
      Int32Array.from(long, (v) => v.length),
      keep,
    );
    expect(fresh.get(0)).toEqual(['kept', long[1], long[2]]);
  });

  it('TextArena compacts the bytes that rewritten rows left behind and keeps every row', () => {
    const arena = new TextArena(2);
    const rows = 200;
    for (let round = 1; round <= 60; round += 1) {
      for (let row = 0; row < rows; row += 1) {
        // Longer each round: the text no longer fits in the row's place and is appended.
        arena.set(row, [
          `${row}:`.padEnd(round * 150, 'a'),
          round % 2 === 0 ? null : 'b'.repeat(round * 150),
        ]);
      }
      // 110 MB written in all, at most 3.6 MB live at a time: holding it all would be the leak.
      expect(arena.bytes).toBeLessThan(40 * 1024 * 1024);
    }
    for (let row = 0; row < rows; row += 1) {
      expect(arena.get(row)).toEqual([`${row}:`.padEnd(9_000, 'a'), null]);
    }
  });
});
