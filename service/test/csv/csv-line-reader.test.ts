// The byte reader of CSV files (csv-line-reader.ts) against the string one (eachCsvRecord): whichever lines
// the reader takes as bytes, the lines it takes and the records it hands on are, in order, the records the
// string reader reads, for quotes, line breaks inside quotes, carriage returns, UTF-8 split between chunks,
// empty lines and a last line without a line feed.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { mulberry32 as random } from '../../../emulators/shared/mulberry32.js';
import { eachCsvLine } from '../../src/csv/csv-line-reader.js';
import { eachCsvRecord } from '../../src/csv/csv-rows.js';

const pieces = ['a', 'plain text', '12.5', '', '"b,c"', '"say ""hi"""', '"line\nbreak"', 'é ü', '😀', 'x\ry'];

function file(seed: number, rows: number): string {
  const next = random(seed);
  const lines = ['Id,Name,Amount,Note'];
  for (let r = 0; r < rows; r += 1) {
    const odd = next() < 0.2;
    const width = next() < 0.05 ? 2 : 4;
    const cells = Array.from({ length: width }, () =>
      odd ? (pieces[Math.floor(next() * pieces.length)] as string) : `v${String(Math.floor(next() * 1e6))}`,
    );
    lines.push(cells.join(','));
    if (next() < 0.02) lines.push('');
  }
  // CR LF line ends (seeds divisible by 3) leave every line to the scanner.
  return `${lines.join(seed % 3 === 0 ? '\r\n' : '\n')}${seed % 2 === 0 ? '\n' : ''}`;
}

function chunked(text: string, size: number, asString: boolean): Readable {
  const bytes = Buffer.from(text);
  const chunks: (Buffer | string)[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(asString ? [text] : chunks, { objectMode: true });
}

describe('CSV line reader', () => {
  it('reads the records eachCsvRecord reads, taking lines as bytes wherever it may', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const text = file(seed, 400);
      const expected: string[][] = [];
      let header: string[] = [];
      await eachCsvRecord(chunked(text, 1 << 16, true), (h) => {
        header = h;
        return (fields) => expected.push([...fields]);
      });
      for (const size of [1, 3, 7, 64, 1000, 1 << 16]) {
        const next = random(seed * 100 + size);
        const read: string[][] = [];
        let taken = 0;
        let seen: string[] = [];
        await eachCsvLine(chunked(text, size, false), (h) => {
          seen = h;
          return {
            record: (fields) => read.push([...fields]),
            line: ({ bytes, starts, ends, count }) => {
              if (next() < 0.2) return false;
              taken += 1;
              read.push(
                Array.from({ length: count }, (_, i) => bytes.toString('latin1', starts[i], ends[i])),
              );
              return true;
            },
          };
        });
        expect(seen).toEqual(header);
        expect(read, `chunks of ${String(size)}`).toEqual(expected);
        if (seed % 3 !== 0) expect(taken).toBeGreaterThan(100);
      }
    }
  });

  it('hands every record to a reader that takes no lines', async () => {
    const text = file(9, 50);
    const expected: string[][] = [];
    await eachCsvRecord(chunked(text, 5, true), () => (fields) => expected.push([...fields]));
    const read: string[][] = [];
    await eachCsvLine(chunked(text, 5, false), () => ({ record: (fields) => read.push([...fields]) }));
    expect(read).toEqual(expected);
  });
});
