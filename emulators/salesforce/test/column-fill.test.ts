// Column.fill (src/store/columns.ts, chunked.ts): one value written into a run of rows, as the Bulk column path
// writes a chunk's audit stamps, leaves every column exactly as setting the rows one by one in order does,
// across chunk boundaries, a dictionary's widening and its change to numbers or plain values.
import { describe, expect, it } from 'vitest';
import { ChunkedCells } from '../src/store/chunked.js';
import { BooleanColumn, DictionaryColumn, NumberColumn, type Column } from '../src/store/columns.js';
import { formatDateTime } from '../src/store/coerce-value.js';
import type { SfValue } from '../src/store/sf-error.js';
import { valueCodecFor } from '../src/store/value-codecs.js';
import type { FieldDef } from '../src/schema/schema-types.js';

/** Writes each run [from, to) of `value` into `a` by fill and into `b` row by row; then every row reads alike. */
function compare(make: () => Column, runs: Array<[number, number, SfValue]>): void {
  const a = make();
  const b = make();
  let rows = 0;
  for (const [from, to, value] of runs) {
    a.fill(from, to, value);
    for (let row = from; row < to; row += 1) b.set(row, value);
    rows = Math.max(rows, to);
  }
  for (let row = 0; row < rows + 2; row += 1)
    if (!Object.is(a.get(row), b.get(row)))
      expect({ row, value: a.get(row) }).toEqual({ row, value: b.get(row) });
  expect(a.bytes).toBe(b.bytes);
}

const dateTime = valueCodecFor({ type: 'datetime' } as FieldDef);

describe('column fill', () => {
  it('chunked cells fill runs within and across chunks of 65,536', () => {
    const cells = new ChunkedCells(Uint32Array, 7);
    cells.fillRange(10, 20, 3);
    cells.fillRange(65_530, 131_080, 9);
    cells.fillRange(5, 5, 1);
    const expected = (i: number) => (i >= 10 && i < 20 ? 3 : i >= 65_530 && i < 131_080 ? 9 : 7);
    for (const i of [0, 9, 10, 19, 20, 65_529, 65_530, 65_536, 131_071, 131_072, 131_079, 131_080, 200_000])
      expect([i, cells.get(i)]).toEqual([i, expected(i)]);
  });

  it('a dictionary column filled by runs reads as one set row by row, through widening and past its limit', () => {
    // A stamp per run of 200 rows: past 255 values the codes widen, past 65,536 (one per two rows) numbers take over.
    const stamps = (count: number, size: number): Array<[number, number, SfValue]> =>
      Array.from({ length: count }, (_, i) => [
        i * size,
        (i + 1) * size,
        formatDateTime(Date.UTC(2025, 0, 1) + i * 1000),
      ]);
    compare(() => new DictionaryColumn(dateTime), stamps(300, 200));
    compare(() => new DictionaryColumn(dateTime), stamps(70_000, 1));
    compare(
      () => new DictionaryColumn(),
      [
        [0, 3, 'a'],
        [3, 3, 'b'],
        [3, 9, null],
        [1, 4, 'c'],
        [20, 25, 'a'],
      ],
    );
    // Mostly distinct values without a codec: one plain value per row.
    compare(
      () => new DictionaryColumn(),
      Array.from({ length: 66_000 }, (_, i): [number, number, SfValue] => [i, i + 1, `v${i}`]),
    );
  });

  it('number and boolean columns filled by runs read as one set row by row', () => {
    compare(
      () => new NumberColumn(),
      [
        [0, 5, 3],
        [5, 9, 1.5],
        [2, 4, null],
        [9, 12, 'odd'],
      ],
    );
    compare(
      () => new BooleanColumn(),
      [
        [0, 5, false],
        [5, 70_000, true],
        [3, 4, null],
        [6, 8, 'odd'],
        [7, 10, false],
      ],
    );
  });
});
