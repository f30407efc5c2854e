// A CSV stream without some records is byte for byte what copying the file without them writes, whatever the
// chunks the stream arrives in (a record, a quoted newline or a CRLF may span any number of them).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { copyCsvWithout } from '../../src/csv/copy-csv-records.js';
import { csvStreamWithout } from '../../src/csv/copy-csv-stream.js';

const dir = mkdtempSync(join(tmpdir(), 'copy-csv-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const csv =
  'Key__c,Name,Notes__c\r\nk1,plain,#N/A\n\nk2,"with, comma","two\nlines"\nk3,"say ""hi""",x\n' +
  'k4,"ends with newline\n",y\nk5,Ünïcödé,"é\r\nand more"\nk6,last,z';

function chunked(bytes: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

describe('csvStreamWithout', () => {
  it('leaves out exactly the records copyCsvWithout leaves out, at any chunk size', async () => {
    const source = join(dir, 'in.csv');
    const target = join(dir, 'out.csv');
    writeFileSync(source, csv);
    const bytes = Buffer.from(csv);
    for (const drop of [[1], [2, 4], [6], [1, 2, 3, 4, 5, 6], [0, 3], [7]]) {
      copyCsvWithout(source, target, new Set(drop), 0o600);
      const expected = readFileSync(target, 'utf8');
      for (const size of [1, 2, 3, 7, 64, 1 << 20]) {
        const got = await text(csvStreamWithout(chunked(bytes, size), new Set(drop)));
        expect(got, `drop ${drop.join(',')} chunk ${String(size)}`).toBe(expected);
      }
    }
  });

  it('hands the input back untouched when nothing is left out', () => {
    const input = Readable.from([Buffer.from(csv)]);
    expect(csvStreamWithout(input, new Set())).toBe(input);
  });
});
