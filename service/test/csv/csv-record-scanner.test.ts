import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { scanCsvRecords } from '../../src/csv/csv-record-scanner.js';

/** Small deterministic generator (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function scan(text: string, keep: number, chunk: number): Promise<string[][]> {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += chunk) chunks.push(text.slice(i, i + chunk));
  const records: string[][] = [];
  await scanCsvRecords(Readable.from(chunks), keep, (fields) => records.push(fields));
  return records;
}

describe('CSV record scanner', () => {
  it('reads what csv-parse reads, for quotes, commas, newlines and chunk boundaries anywhere', async () => {
    const next = random(7);
    const pieces = ['a', 'b,c', 'say "hi"', 'line\nbreak', '', '""', ',', '"', 'é ü', 'x\r\ny'];
    const rows = Array.from({ length: 200 }, () =>
      Array.from({ length: 5 }, () => pieces[Math.floor(next() * pieces.length)] ?? ''),
    );
    const text = stringify(rows, { record_delimiter: 'unix' });
    const expected: string[][] = parse(text, { relax_column_count: true });
    for (const chunk of [1, 2, 3, 7, 64, 100_000]) {
      expect(await scan(text, 5, chunk)).toEqual(expected);
      expect(await scan(text, 2, chunk)).toEqual(expected.map((r) => r.slice(0, 2)));
    }
  });

  it('keeps the last record without a trailing newline, skips blank lines, refuses an open quote', async () => {
    expect(await scan('h1,h2\n\nv1,"v,2"', 2, 3)).toEqual([
      ['h1', 'h2'],
      ['v1', 'v,2'],
    ]);
    await expect(scan('a,"open\n', 2, 4)).rejects.toThrow(/inside a quoted field/);
    expect(await scan('a,b,c\r\nd,e,f\r\n', 2, 100)).toEqual([
      ['a', 'b'],
      ['d', 'e'],
    ]);
    expect(await scan('a,b,c,d,e,f,g,h,i,j,k\n', 9, 100)).toEqual([
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'],
    ]);
  });

  it('leaves the fields `only` does not mark blank on lines without quotes, and keeps lines with quotes whole', async () => {
    const records: string[][] = [];
    const only = [true, false, true];
    const text = 'k1,a,b,c\nk2,"x,y",z,w\n';
    await scanCsvRecords(Readable.from([text]), 3, (fields) => records.push(fields), only);
    expect(records).toEqual([
      ['k1', '', 'b'],
      ['k2', 'x,y', 'z'],
    ]);
  });

  it('skips the rest of Bulk result lines (own columns quoted, the row sent after them) as csv-parse reads them', async () => {
    const next = random(11);
    const cells = ['a001', '12.5', '', '#N/A', 'x,y', 'say "hi"', 'two\nlines', '"', 'é'];
    const lines = ['"sf__Id","sf__Created",Key__c,A__c,B__c'];
    for (let r = 0; r < 300; r += 1) {
      const sent = Array.from({ length: 3 }, () => cells[Math.floor(next() * cells.length)] ?? '');
      const row = stringify([sent], { record_delimiter: 'unix' }).slice(0, -1);
      lines.push(`"id${String(r)}","${String(r % 2 === 0)}",${row}`);
    }
    for (const eol of ['\n', '\r\n']) {
      const text = `${lines.join(eol)}${eol}`;
      const expected: string[][] = parse(text, { relax_column_count: true });
      for (const chunk of [1, 2, 5, 13, 100_000])
        expect(await scan(text, 2, chunk)).toEqual(expected.map((r) => r.slice(0, 2)));
    }
  });
  it('flags records from lines with no quote or carriage return as clean', async () => {
    const read = async (chunk: number) => {
      const text = 'h1,h2\na,b\n"q",c\nd,e\r\nf\rg,h\nlast,x';
      const chunks: string[] = [];
      for (let i = 0; i < text.length; i += chunk) chunks.push(text.slice(i, i + chunk));
      const seen: [string, boolean][] = [];
      await scanCsvRecords(Readable.from(chunks), 2, (fields, clean) => seen.push([fields[0] ?? '', clean]));
      return seen;
    };
    expect(await read(100_000)).toEqual([
      ['h1', true],
      ['a', true],
      ['q', false],
      ['d', true],
      ['f\rg', false],
      ['last', false],
    ]);
    // A line cut by a chunk boundary is read field by field, never flagged.
    expect((await read(5)).filter(([, clean]) => clean).map(([f]) => f)).toEqual(['a']);
  });
});

describe('CSV record scanner, carriage returns outside quotes', () => {
  it('reads a bare CR the same wherever a chunk boundary falls: text inside a field, a line end before LF', async () => {
    const inputs = [
      'a,f\rg,c\nd,e,f\n',
      '\rx,y\n\r\nz,w\r\n',
      'a,\r"q",b\r\nc,d\r',
      'k,v\r\r\nl,m\n',
      'p,"q"\r\ns,t\n',
    ];
    for (const text of inputs) {
      const whole = await scan(text, 3, text.length);
      for (let chunk = 1; chunk < text.length; chunk += 1)
        expect(await scan(text, 3, chunk), `${JSON.stringify(text)} in chunks of ${String(chunk)}`).toEqual(
          whole,
        );
    }
    expect(await scan('a,f\rg,c\nd,e,f\n', 3, 5)).toEqual([
      ['a', 'f\rg', 'c'],
      ['d', 'e', 'f'],
    ]);
    expect(await scan('k,v\r\r\nl,m\n', 3, 4)).toEqual([
      ['k', 'v\r'],
      ['l', 'm'],
    ]);
  });

  it('reads lines of changing widths whole, each array exactly as long as its line, with no hole', async () => {
    const next = random(11);
    const rows = Array.from({ length: 300 }, () =>
      Array.from({ length: 1 + Math.floor(next() * 9) }, (_, i) =>
        i > 0 && next() < 0.3 ? '' : String(next()).slice(2, 6),
      ),
    );
    const text = rows.map((r) => r.join(',')).join('\n');
    for (const chunk of [5, 64, 100_000]) {
      const records = await scan(text, Number.POSITIVE_INFINITY, chunk);
      expect(records).toEqual(rows);
      for (const fields of records) expect(Object.keys(fields)).toHaveLength(fields.length);
      expect(await scan(text, 3, chunk)).toEqual(rows.map((r) => r.slice(0, 3)));
    }
  });
});
