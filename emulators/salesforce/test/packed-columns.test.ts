// Compact encodings of the packed tables (src/store/columns.ts, text-arena.ts, key-table.ts) against
// plain arrays: whatever a column holds and however its encoding changes on the way, a read gives back
// exactly what was written (Object.is: -0 stays -0).
import { describe, expect, it } from 'vitest';
import { NumberColumn } from '../src/store/columns.js';
import { formatDateTime } from '../src/store/coerce-value.js';
import { IdCodec } from '../src/store/id-codec.js';
import type { SfValue } from '../src/store/sf-error.js';
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
});
