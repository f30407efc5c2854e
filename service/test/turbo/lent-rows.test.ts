// Rows lent by an object's last spool part: read from a byte offset one record at a time (quoted line feeds are
// a record's own), judged with the part's own record numbers, stopped once enough are kept (the file's last record
// spared when asked), and the part read back without the spans it lent.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileWithout, headerBytes, judgeSpan } from '../../src/turbo/lent-rows.js';

const header = 'External_Id__c,Name\n';
const records = ['r1,one\n', 'r2,"two\nlines"\n', 'r3,"say ""three"""\n', 'r4,four\n', 'r5,five\n'];

describe('rows lent by a last part', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lent-rows-'));
    file = join(dir, 'part.csv');
    writeFileSync(file, header + records.join(''));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** A judge that drops `drop` (by record number) and notes every record number it sees. */
  const judging = (drop: ReadonlySet<number>) => {
    const seen: number[] = [];
    return {
      seen,
      judge: { columns: [true], keep: (ordinal: number) => (seen.push(ordinal), !drop.has(ordinal)) },
    };
  };
  const at = (record: number) => ({
    record,
    byte: Buffer.byteLength(header + records.slice(0, record - 1).join('')),
  });

  it('keeps reading until enough rows are kept, with the part own record numbers', async () => {
    const head = await headerBytes(file);
    expect(head.toString()).toBe(header);
    const { seen, judge } = judging(new Set([2]));
    const lent = await judgeSpan(file, head, at(1), judge, (kept) => kept < 2, true);
    expect(seen).toEqual([1, 2, 3]);
    expect(lent.bytes.toString()).toBe(records[0] + (records[2] ?? ''));
    expect(lent.span).toEqual({ from: 1, to: 4, fromByte: at(1).byte, toByte: at(4).byte });
  });

  it('spares the last record when asked, and reads a stored span again from its bytes', async () => {
    const head = await headerBytes(file);
    const spared = await judgeSpan(file, head, at(3), judging(new Set()).judge, () => true, true);
    expect(spared.span).toEqual({ from: 3, to: 5, fromByte: at(3).byte, toByte: at(5).byte });
    const { seen, judge } = judging(new Set());
    const again = await judgeSpan(file, head, at(2), judge, (_kept, record) => record < 4, false);
    expect(seen).toEqual([2, 3]);
    expect(again.bytes.toString()).toBe(records.slice(1, 3).join(''));
  });

  it('reads the part without the spans it lent', async () => {
    const spans = [
      { from: 1, to: 2, fromByte: at(1).byte, toByte: at(2).byte },
      { from: 3, to: 5, fromByte: at(3).byte, toByte: at(5).byte },
    ];
    expect(await text(fileWithout(file, spans))).toBe(header + (records[1] ?? '') + (records[4] ?? ''));
    expect(await text(fileWithout(file, []))).toBe(header + records.join(''));
  });

  it('splits records as the cutter does: empty lines go with the next record, across 64 KiB reads', async () => {
    // A quoted line feed near the end of the first 64 KiB read, and the second starts with an empty line.
    const long = `r1,"${'x'.repeat((1 << 16) - header.length - 8)}\nx"\n`;
    const rest = ['\nr2,two\n', '\r\nr3,three\n', 'r4,four'];
    const spaced = join(dir, 'spaced.csv');
    writeFileSync(spaced, header + long + rest.join(''));
    const head = await headerBytes(spaced);
    const { seen, judge } = judging(new Set([3]));
    const lent = await judgeSpan(spaced, head, { record: 1, byte: head.length }, judge, () => true, false);
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(lent.bytes.toString()).toBe(`${long}${rest[0] ?? ''}r4,four\n`);
    expect(lent.span.to).toBe(5);
    expect(lent.span.toByte).toBe(Buffer.byteLength(header + long + rest.join('')));
  });
});
