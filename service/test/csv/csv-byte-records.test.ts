// Reading a CSV file's records as bytes gives the fields the CSV scanner gives, and each record's byte range:
// leaving records out by their ranges is byte for byte what copying the file without them writes, whatever
// the chunks the bytes arrive in (a record, a quoted newline or a CRLF may span any number of them).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { copyCsvWithout } from '../../src/csv/copy-csv-records.js';
import { bytesWithout } from '../../src/csv/csv-byte-ranges.js';
import { scanCsvByteRecords } from '../../src/csv/csv-byte-records.js';
import { scanCsvRecords } from '../../src/csv/csv-record-scanner.js';

const dir = mkdtempSync(join(tmpdir(), 'csv-byte-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const csv =
  'Key__c,Name,Notes__c\r\nk1,plain,#N/A\n\nk2,"with, comma","two\nlines"\nk3,"say ""hi""",x\n' +
  'k4,"ends with newline\n",y\nk5,Ünïcödé,"é\r\nand more"\nk6,"a"b,z\nk7,last';

function chunked(bytes: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

/** The fields of every record, and the byte ranges of the records numbered in `drop` (the header is 0). */
async function byteRecords(size: number, keep: number, only?: boolean[], drop: number[] = []) {
  const fields: string[][] = [];
  const leave = (f: string[]) => drop.includes(fields.push(f) - 1);
  const ranges = await scanCsvByteRecords(chunked(Buffer.from(csv), size), keep, leave, only);
  return { fields, ranges };
}

describe('scanCsvByteRecords', () => {
  it('reads the fields the CSV scanner reads, at any chunk size', async () => {
    for (const [keep, only] of [
      [Number.POSITIVE_INFINITY, undefined],
      [2, undefined],
      [3, [true, false, true]],
    ] as const) {
      const want: string[][] = [];
      // The fields `only` leaves out are '' here; the scanner leaves them out of lines without quotes only.
      const mask = (f: string[]) => f.map((v, i) => (only === undefined || only[i] === true ? v : ''));
      await scanCsvRecords(Readable.from([csv]), keep, (f) => want.push(mask(f)), only && [...only]);
      for (const size of [1, 2, 3, 7, 64, 1 << 20]) {
        const got = await byteRecords(size, keep, only && [...only]);
        expect(got.fields, `keep ${String(keep)} chunk ${String(size)}`).toEqual(want);
      }
    }
  });

  it("gives each record's byte range: leaving ranges out equals copying the file without those records", async () => {
    const source = join(dir, 'in.csv');
    const target = join(dir, 'out.csv');
    writeFileSync(source, csv);
    for (const drop of [[1], [2, 4], [7], [1, 2, 3, 4, 5, 6, 7], [0, 3], [6]]) {
      copyCsvWithout(source, target, new Set(drop), 0o600);
      for (const size of [1, 3, 64, 1 << 20]) {
        const { ranges } = await byteRecords(size, 1, undefined, drop);
        const got = await text(bytesWithout(chunked(Buffer.from(csv), size), ranges));
        expect(got, `drop ${drop.join(',')} chunk ${String(size)}`).toBe(readFileSync(target, 'utf8'));
      }
    }
    // The last record ends with the file.
    const { ranges } = await byteRecords(5, 1, undefined, [7]);
    expect(ranges.at(-1)).toBe(Buffer.byteLength(csv));
  });

  it('hands the input back untouched when no range is left out', () => {
    const input = Readable.from([Buffer.from(csv)]);
    expect(bytesWithout(input, [])).toBe(input);
  });
});
