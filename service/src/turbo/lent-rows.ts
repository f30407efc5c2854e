// Reading the rows an object's last spool part lends to the parts before it (batch-fill.ts): from a byte offset,
// one record at a time, each judged by a screen (screen-judge.ts) through the upload's own record reader
// (csv/copy-csv-cutter.ts), so the reading stops right after the record that fills the borrower's last batch;
// and the last part's bytes without the spans it lent.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { RecordCutter } from '../csv/copy-csv-cutter.js';
import { RecordEnds } from '../csv/copy-csv-ends.js';
import type { RecordJudge } from '../csv/copy-csv-judged.js';
import type { PartReads } from './part-reads.js';

/** Records [from, to) of a part (its header is record 0), at bytes [fromByte, toByte). */
export interface RowSpan {
  readonly from: number;
  readonly to: number;
  readonly fromByte: number;
  readonly toByte: number;
}

/** Where a reading starts: a record and its first byte. */
export interface RowAt {
  readonly record: number;
  readonly byte: number;
}

const LF = 10;
const newline = Buffer.from('\n');

/** The records of `file` from byte `at`, each with its line feed, as the cutter splits them (copy-csv-ends.ts). */
async function* records(file: string, at: number): AsyncGenerator<Buffer> {
  const handle = await open(file, 'r');
  const ends = new RecordEnds();
  let carry: Buffer[] = [];
  try {
    for (let pos = at; ;) {
      const buf = Buffer.allocUnsafe(1 << 16);
      const { bytesRead } = await handle.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) break;
      pos += bytesRead;
      const chunk = buf.subarray(0, bytesRead);
      ends.chunk(chunk);
      let start = 0;
      for (let end = ends.next(0); end !== -1; end = ends.next(start)) {
        carry.push(chunk.subarray(start, end));
        yield carry.length === 1 ? (carry[0] as Buffer) : Buffer.concat(carry);
        carry = [];
        start = end;
      }
      if (start < bytesRead) carry.push(chunk.subarray(start));
    }
    if (ends.close()) yield Buffer.concat(carry);
  } finally {
    await handle.close();
  }
}

/** The header line of `file` (its first record), with its line feed. */
export async function headerBytes(file: string): Promise<Buffer> {
  for await (const record of records(file, 0)) return record;
  return Buffer.alloc(0);
}

export interface JudgedSpan {
  readonly span: RowSpan;
  /** The kept records' bytes, each ending in a line feed. */
  readonly bytes: Buffer;
}

/**
 * Judges the records of `file` from `at`, one at a time, while `more(kept, record)` answers true and records are
 * left; with `spareLast`, the file's last record is never taken (the part keeps at least one row). `judge` sees
 * the part's own record numbers.
 */
export async function judgeSpan(
  file: string,
  header: Buffer,
  at: RowAt,
  judge: RecordJudge,
  more: (kept: number, record: number) => boolean,
  spareLast: boolean,
): Promise<JudgedSpan> {
  let judged = 0;
  const cutter = new RecordCutter({
    columns: judge.columns,
    keep: (ordinal, fields) => {
      judged += 1;
      return judge.keep(at.record + ordinal - 1, fields);
    },
  });
  cutter.chunk(header, []);
  const kept: Buffer[] = [];
  let keptRecords = 0;
  let record = at.record;
  let byte = at.byte;
  const take = (bytes: Buffer): void => {
    const whole = bytes[bytes.length - 1] === LF ? bytes : Buffer.concat([bytes, newline]);
    const before = judged;
    const views = kept.length;
    cutter.chunk(whole, kept);
    if (judged !== before + 1)
      throw new Error(`record ${String(record)} of ${file} was not read as one record`);
    if (kept.length > views) keptRecords += 1;
    record += 1;
    byte += bytes.length;
  };
  let pending: Buffer | undefined;
  for await (const bytes of records(file, at.byte)) {
    if (pending !== undefined) take(pending);
    pending = undefined;
    if (!more(keptRecords, record)) break;
    pending = bytes;
  }
  if (pending !== undefined && !spareLast) take(pending);
  return {
    span: { from: at.record, to: record, fromByte: at.byte, toByte: byte },
    bytes: Buffer.concat(kept),
  };
}

/**
 * The bytes of `file` without those of `spans` (in order, apart), read 1 MiB at a time, or into the buffers of
 * `reads` (part-reads.ts).
 */
export function fileWithout(file: string, spans: readonly RowSpan[], reads?: PartReads): Readable {
  async function* pieces(): AsyncGenerator<Buffer> {
    let at = 0;
    for (const span of [...spans, undefined]) {
      const end = span?.fromByte;
      if (end === undefined || end > at) {
        if (reads !== undefined) yield* reads.chunks(file, at, end);
        else {
          const range = end === undefined ? { start: at } : { start: at, end: end - 1 };
          yield* createReadStream(file, { ...range, highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>;
        }
      }
      if (span !== undefined) at = span.toByte;
    }
  }
  return Readable.from(pieces(), { objectMode: false });
}
