// The fields a judge reads of a record, in place, are the CSV scanner's and their hashes their texts' hashes,
// whether the record is read as one that may hold quotes or (it has none) four bytes at a time: quoted fields,
// "" inside them, commas, line feeds and carriage returns in text, a quote inside an unquoted field, non-ASCII
// text, fields of every length around a word's four bytes, records with fewer or more fields than asked for,
// at any offset in a buffer whose bytes after the record's end are commas.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { RecordFields } from '../../src/csv/copy-csv-fields.js';
import { scanCsvRecords } from '../../src/csv/csv-record-scanner.js';
import { textHash, textHashes } from '../../src/csv/text-hash.js';

/** A deterministic sequence of numbers in [0, n). */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
    return s % n;
  };
}

const plainChars = ['a', 'B', '7', '#', '/', ' ', '-', 'é', '€', '\r', ':'];
const quotedChars = [...plainChars, ',', '""', '\n', '\r\n'];

function field(pick: (n: number) => number, quotes: boolean): string {
  const length = pick(3) === 0 ? pick(3) : pick(11);
  const quoted = quotes && pick(4) === 0;
  const chars = quoted ? quotedChars : plainChars;
  let text = '';
  for (let i = 0; i < length; i += 1) text += chars[pick(chars.length)] ?? '';
  if (quoted) return `"${text}"`;
  // A quote inside an unquoted field is text.
  if (quotes && text.length > 0 && pick(6) === 0) text += '"x';
  return text;
}

function record(pick: (n: number) => number, quotes: boolean): string {
  const fields = Array.from({ length: 1 + pick(9) }, () => field(pick, quotes));
  const text = fields.join(',');
  // A carriage return at the record's end is its line ending's (the cutter leaves it out).
  return text.endsWith('\r') ? `${text}z` : text;
}

async function scanned(text: string): Promise<string[]> {
  const out: string[][] = [];
  await scanCsvRecords(Readable.from([`${text}\n`]), Number.POSITIVE_INFINITY, (f) => void out.push(f));
  return out[0] ?? [];
}

function expectFields(
  fields: RecordFields,
  columns: readonly boolean[],
  want: readonly string[],
  label: string,
) {
  const texts = columns.map((on, c) => (on ? (want[c] ?? '') : ''));
  expect(
    columns.map((_, c) => fields.text(c)),
    label,
  ).toEqual(texts);
  expect(
    columns.map((_, c) => fields.hash(c)),
    label,
  ).toEqual(texts.map(textHash));
  expect(
    columns.map((_, c) => fields.empty(c)),
    label,
  ).toEqual(texts.map((t) => t === ''));
}

describe('RecordFields', () => {
  it('reads the fields the CSV scanner reads, with or without quotes, at any offset', async () => {
    const pick = random(19);
    for (let n = 0; n < 600; n += 1) {
      const quotes = n % 2 === 0;
      const text = record(pick, quotes);
      const want = await scanned(text);
      const bytes = Buffer.from(text);
      const offset = pick(7);
      const buf = Buffer.alloc(offset + bytes.length + 5, ',');
      bytes.copy(buf, offset);
      const columns = Array.from({ length: 1 + pick(11) }, () => pick(2) === 0);
      const fields = new RecordFields(columns);
      const label = `${JSON.stringify(text)} columns ${columns.map(Number).join('')}`;
      fields.read(buf, offset, offset + bytes.length, true);
      expectFields(fields, columns, want, label);
      if (!bytes.includes(34)) {
        fields.read(buf, offset, offset + bytes.length, false);
        expectFields(fields, columns, want, `${label} (no quote)`);
      }
    }
  });

  it('reads the parent columns at the end of a long record, and each record alone', () => {
    const header = Array.from({ length: 40 }, (_, i) => `c${String(i)}`);
    const row = (k: number) =>
      header.map((_, i) => (i === 0 || i > 36 ? `id-${String(k * 100 + i)}` : 'x'.repeat(k % 9)));
    const columns = header.map((_, i) => i === 0 || i > 36);
    const fields = new RecordFields(columns);
    const lines = [row(1), row(2), row(3).slice(0, 38), row(4)].map((r) => r.join(','));
    const buf = Buffer.from(lines.join('\n'));
    let at = 0;
    for (const [k, line] of lines.entries()) {
      fields.read(buf, at, at + Buffer.byteLength(line), false);
      const want = line.split(',');
      expect(
        [0, 37, 38, 39].map((c) => fields.text(c)),
        `row ${String(k)}`,
      ).toEqual([0, 37, 38, 39].map((c) => want[c] ?? ''));
      expect(fields.hash(39)).toBe(textHash(want[39] ?? ''));
      at += Buffer.byteLength(line) + 1;
    }
  });

  it('hashes a text as the set of keys it is asked against hashes it', () => {
    const keys = ['', 'a', 'ab', 'abc', 'abcd', 'abcde', 'Ünïcödé key', '37b89332000a00000002000000000023'];
    const hashes = textHashes(keys);
    expect(hashes.size).toBe(keys.length);
    for (const key of keys) {
      expect(hashes.has(textHash(key))).toBe(true);
      expect(textHash(key)).toBeGreaterThanOrEqual(0);
      expect(textHash(key)).toBeLessThan(2 ** 30);
    }
  });
});
