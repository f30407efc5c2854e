// Compact encodings of the packed tables (src/store/columns.ts, text-arena.ts, key-table.ts) against
// plain arrays: whatever a column holds and however its encoding changes on the way, a read gives back
// exactly what was written (Object.is: -0 stays -0).
import { describe, expect, it } from 'vitest';
import { NumberColumn } from '../src/store/columns.js';
import { formatDateTime } from '../src/store/coerce-value.js';
import { IdCodec } from '../src/store/id-codec.js';
import { KeyTable } from '../src/store/key-table.js';
import type { SfValue } from '../src/store/sf-error.js';
import { TextArena } from '../src/store/text-arena.js';
import { valueCodecFor } from '../src/store/value-codecs.js';
import type { FieldDef } from '../src/schema/schema-types.js';

function expectSame(read: (row: number) => SfValue, expected: SfValue[]): void {
  for (let row = 0; row < expected.length; row += 1)
    if (!Object.is(read(row), expected[row] ?? null))
      expect({ row, value: read(row) }).toEqual({ row, value: expected[row] ?? null });
}

describe('packed columns', () => {
  it('a number column keeps whole numbers, then fractions, -0 and odd values, exactly', () => {
    const sequences: SfValue[][] = [
      [138, 0, null, -5, 2 ** 31 - 1, -(2 ** 31) + 2, 1029, 'not a number', 7],
      [1.5, 3, null, -0, 'x'],
      [3, null, -0, 4, 2 ** 40],
      [2 ** 40, 2 ** 40 + 1, 2 ** 40 - 2 ** 30, 12.25, null],
      [Date.UTC(2024, 0, 1), Date.UTC(1990, 5, 3), Date.UTC(2024, 0, 1, 0, 0, 0, 1), 5],
      [Number.MAX_SAFE_INTEGER, 2 ** 60, 1],
      // Amounts: whole, then with cents (hundredths), then a fraction hundredths cannot spell.
      [138, 1029, null, 10.5, 0.1, -3.25, 19.99, 'x', 0.30000000000000004, 7],
      [12.34, -0.01, 2 ** 31 / 100, 5],
      [2 ** 30, 0.5],
    ];
    for (const values of sequences) {
      const column = new NumberColumn();
      const expected: SfValue[] = [];
      values.forEach((value, i) => {
        column.set(i * 3, value);
        expected[i * 3] = value;
        expected[i * 3 + 1] = null;
        expected[i * 3 + 2] = null;
        expectSame((row) => column.get(row), expected);
      });
      // Rewrites, including a value kept as is turned back into a number.
      column.set(21, 1);
      expected[21] = 1;
      column.set(0, null);
      expected[0] = null;
      expectSame((row) => column.get(row), expected);
    }
  });

  it('a number column with a codec keeps dates, datetimes and lookups to one or several objects', () => {
    const account = new IdCodec('001');
    const contact = new IdCodec('003');
    const samples: Record<string, (i: number) => SfValue> = {
      datetime: (i) => formatDateTime(Date.UTC(2024, 0, 1) + i * 60_000 * (i % 2 === 0 ? 1 : 1_001)),
      date: (i) => new Date(Date.UTC(1950, 0, 1) + i * 86_400_000 * 37).toISOString().slice(0, 10),
      reference: (i) => (i < 500 ? account.idOf(i * 3) : contact.idOf(i)),
    };
    for (const [type, value] of Object.entries(samples)) {
      const column = new NumberColumn(valueCodecFor({ type } as FieldDef));
      const expected: SfValue[] = [];
      for (let row = 0; row < 1_000; row += 1) {
        const v = row % 97 === 0 ? 'kept as it is' : row % 89 === 0 ? null : value(row);
        column.set(row, v);
        expected.push(v);
      }
      expectSame((row) => column.get(row), expected);
    }
  });

  it('the text arena gives back hex Ids and repeated values, and what looks like their short forms', () => {
    const id = '37b89332000a0000000200000000000f';
    const samples: SfValue[] = [
      null,
      '',
      id,
      '37b89332000a0000000200000000000e',
      id.toUpperCase(),
      `${id}0`,
      id.slice(1),
      '37b89332000a000000020000000000g0',
      'INV0000000300',
      'a value long enough to repeat',
      '\u0002',
      '\u0003!',
      '\u0002tail',
      '\u0001',
      '\u0001x',
      'ünïcödé ✓',
    ];
    const arena = new TextArena(5);
    const expected: SfValue[][] = [];
    let seed = 11;
    for (let row = 0; row < 5_000; row += 1) {
      const values: SfValue[] = [];
      for (let i = 0; i < 5; i += 1) {
        seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
        // Half the time a copy of an earlier value of the row.
        const earlier = values[seed % (i + 1)];
        values.push(
          i > 0 && seed % 2 === 0 && earlier !== undefined
            ? earlier
            : (samples[seed % samples.length] ?? null),
        );
      }
      // Both ways in: whole values, and ranges of one source string (the Bulk column path).
      if (row % 2 === 0) arena.set(row, values);
      else {
        const source = values.map((v) => `<${String(v)}>`).join('');
        const starts = new Int32Array(5);
        const ends = new Int32Array(5);
        let at = 0;
        values.forEach((v, i) => {
          const end = at + 1 + String(v).length;
          starts[i] = at + 1;
          ends[i] = end;
          at = end + 1;
        });
        arena.setRanges(
          row,
          values.map((v) => (v === null ? null : source)),
          starts,
          ends,
        );
      }
      expected.push(values);
    }
    expected.forEach((values, row) => expect(arena.get(row)).toEqual(values));
    // Rewrites in place keep the other rows' hex Ids.
    arena.set(4, [id, id, null, 'x', id]);
    expected[4] = [id, id, null, 'x', id];
    expected.forEach((values, row) => expect(arena.get(row)).toEqual(values));
  });

  it('the key table finds hex keys kept as bytes, and keys that only look like them, through rebuilds', () => {
    const table = new KeyTable();
    const reference = new Map<string, number>();
    let seed = 5;
    const next = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0);
    for (let step = 0; step < 60_000; step += 1) {
      const n = next() % 20_000;
      const hex = `37b89332000a${n.toString(16).padStart(20, '0')}`;
      const kinds = [hex, hex.toUpperCase(), `${hex}0`, hex.slice(0, 31), `${hex.slice(0, 31)}g`, `k-${n}`];
      const key = kinds[next() % kinds.length] as string;
      const had = reference.get(key);
      if (had === undefined) {
        expect(table.tryAdd(key, step)).toBe(true);
        reference.set(key, step);
      } else if (next() % 10 < 6) {
        expect(table.remove(key)).toBe(had);
        reference.delete(key);
      }
      expect(table.get(key)).toBe(reference.get(key) ?? -1);
    }
    expect(table.size).toBe(reference.size);
    for (const [key, ref] of reference) expect(table.get(key)).toBe(ref);
    expect(table.get('37b89332000a00000000000000000000'.replace('37', 'zz'))).toBe(-1);
  });

  it('the key table adds a range getRange missed with its hash, and another source at the same bounds with its own', () => {
    const table = new KeyTable();
    const hex = '0123456789abcdef0123456789ABCDEF';
    const upload = `x,Key-One,${hex},y`;
    const other = `x,Key-Two,${hex.replace('0', '9')},y`;
    expect(table.getRange(upload, 2, 9, true)).toBe(-1);
    expect(table.tryAddRange(upload, 2, 9, true, 1)).toBe(true);
    expect(table.get('key-one')).toBe(1);
    // A miss on one upload, then an add of the same bounds in another: the other's characters are read.
    expect(table.getRange(upload, 10, 42, true)).toBe(-1);
    expect(table.tryAddRange(other, 10, 42, true, 2)).toBe(true);
    expect(table.get(hex.replace('0', '9').toLowerCase())).toBe(2);
    expect(table.get(hex.toLowerCase())).toBe(-1);
    expect(table.getRange(upload, 10, 42, true)).toBe(-1);
    table.letGo();
    expect(table.tryAddRange(upload, 10, 42, true, 3)).toBe(true);
    expect(table.getRange(upload.toUpperCase(), 10, 42, true)).toBe(3);
    expect(table.getRange(other, 2, 9, false)).toBe(-1);
    expect(table.tryAddRange(other, 2, 9, false, 4)).toBe(true);
    expect(table.get('Key-Two')).toBe(4);
    expect(table.get('key-two')).toBe(-1);
  });
});
