// A CSV stream judged record by record as it goes by: it leaves out exactly the bytes csvStreamWithout leaves
// out for the records dropped, and the fields the judge reads are the CSV scanner's, whatever the chunks the
// stream arrives in (a record, a quoted newline or a CRLF may span any number of them).
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { csvStreamDropping, csvStreamJudged } from '../../src/csv/copy-csv-judged.js';
import { csvStreamWithout } from '../../src/csv/copy-csv-stream.js';
import { scanCsvRecords } from '../../src/csv/csv-record-scanner.js';
import { textHash } from '../../src/csv/text-hash.js';

const csv =
  'Key__c,Name,Notes__c\r\nk1,plain,#N/A\n\nk2,"with, comma","two\nlines"\nk3,"say ""hi""",x\n' +
  'k4,"ends with newline\n",y\n\r\nk5,Ünïcödé,"é\r\nand more"\n"k,6",,\nk7,a\r,b\r\nk8\nk9,last,z';

function chunked(bytes: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

const sizes = [1, 2, 3, 5, 7, 64, 1 << 20];

describe('csvStreamJudged', () => {
  it('leaves out the bytes csvStreamWithout leaves out for the same records, at any chunk size', async () => {
    const bytes = Buffer.from(csv);
    for (const drop of [[1], [2, 4], [6], [1, 2, 3, 4, 5, 6, 7, 8, 9], [3, 5], [9], [10], []]) {
      const expected = await text(csvStreamWithout(Readable.from([bytes]), new Set(drop)));
      for (const size of sizes) {
        const got = await text(csvStreamDropping(chunked(bytes, size), new Set(drop)));
        expect(got, `drop ${drop.join(',')} chunk ${String(size)}`).toBe(expected);
      }
    }
  });

  it('hands the judge the fields the CSV scanner reads, each record once and in order', async () => {
    const want: string[][] = [];
    await scanCsvRecords(Readable.from([csv]), 3, (fields) => void want.push(fields));
    const bytes = Buffer.from(csv);
    for (const columns of [[true, false, true], [true], [false, true, true, true]]) {
      for (const size of sizes) {
        const seen: [number, string[]][] = [];
        let ended = 0;
        const body = csvStreamJudged(
          chunked(bytes, size),
          {
            columns,
            keep: (ordinal, fields) => {
              const texts = columns.map((_, c) => fields.text(c));
              // A field's hash is its text's, read in place.
              expect(columns.map((_, c) => fields.hash(c))).toEqual(texts.map(textHash));
              expect(columns.map((_, c) => fields.empty(c))).toEqual(texts.map((t) => t === ''));
              seen.push([ordinal, texts]);
              return ordinal % 2 === 0;
            },
          },
          () => (ended += 1),
        );
        const got = await text(body);
        const expected = want
          .slice(1)
          .map((row, i): [number, string[]] => [i + 1, columns.map((on, c) => (on ? (row[c] ?? '') : ''))]);
        expect(seen, `columns ${columns.join(',')} chunk ${String(size)}`).toEqual(expected);
        expect(ended).toBe(1);
        const odd = new Set(expected.filter(([o]) => o % 2 === 1).map(([o]) => o));
        expect(got).toBe(await text(csvStreamWithout(Readable.from([bytes]), odd)));
      }
    }
  });

  it('says it has seen every record only once the whole input was read', async () => {
    let ended = false;
    const body = csvStreamJudged(chunked(Buffer.from(csv), 8), { columns: [true], keep: () => true }, () => {
      ended = true;
    });
    for await (const _chunk of body) break;
    expect(ended).toBe(false);
  });
});
