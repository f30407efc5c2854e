// Copying a CSV file without some records is byte for byte: the kept records come out exactly as they were,
// whatever the chunk boundaries, quoted newlines and quotes, CRLF endings or empty lines (which are not records,
// as the CSV scanner counts them).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { copyCsvWithout } from '../../src/csv/copy-csv-records.js';
import { scanCsvRecords } from '../../src/csv/csv-record-scanner.js';

const dir = mkdtempSync(join(tmpdir(), 'copy-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function copy(text: string, drop: number[], chunkBytes: number): string {
  const source = join(dir, 'in.csv');
  const target = join(dir, 'out.csv');
  writeFileSync(source, text);
  copyCsvWithout(source, target, new Set(drop), 0o600, chunkBytes);
  return readFileSync(target, 'utf8');
}

async function records(text: string): Promise<string[][]> {
  const out: string[][] = [];
  await scanCsvRecords(Readable.from([text]), Number.POSITIVE_INFINITY, (fields) => out.push(fields));
  return out;
}

const lines = [
  'Key__c,Name,Notes__c',
  'k1,plain,#N/A',
  'k2,"with, comma","two\nlines"',
  'k3,"say ""hi""",x',
  'k4,"ends with newline\n",y',
  'k5,Ünïcödé,"é\r\nand more"',
  'k6,last,z',
];

describe('copyCsvWithout', () => {
  it('drops exactly the given records and keeps every other byte, at any chunk size', () => {
    const text = `${lines.join('\n')}\n`;
    for (const chunk of [1, 2, 3, 5, 8, 64, 1 << 20]) {
      for (const drop of [[], [1], [2, 4], [6], [1, 2, 3, 4, 5, 6], [3, 5]]) {
        const expected = `${lines.filter((_, i) => !drop.includes(i)).join('\n')}\n`;
        expect(copy(text, drop, chunk), `chunk ${String(chunk)} drop ${drop.join(',')}`).toBe(expected);
      }
    }
  });

  it('counts records as the scanner does: CRLF endings, empty lines and a last line without newline', async () => {
    const text = 'Key__c,Name\r\nk1,a\r\n\r\nk2,"b\r\nc"\r\n\nk3,d';
    const scanned = await records(text);
    expect(scanned.map((r) => r[0])).toEqual(['Key__c', 'k1', 'k2', 'k3']);
    for (const chunk of [1, 2, 4, 7, 1 << 20]) {
      expect(await records(copy(text, [2], chunk))).toEqual([scanned[0], scanned[1], scanned[3]]);
      expect(await records(copy(text, [3], chunk))).toEqual(scanned.slice(0, 3));
      expect(await records(copy(text, [1], chunk))).toEqual([scanned[0], scanned[2], scanned[3]]);
    }
  });
});
