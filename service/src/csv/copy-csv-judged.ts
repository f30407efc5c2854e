// A CSV byte stream without the records a judge drops, decided on a few of their fields as the bytes go by:
// screening a spool part and uploading it are one read (turbo/screen-part.ts). Records are found by the cutter
// (copy-csv-cutter.ts: line feeds outside quotes; the header is record 0; empty lines are not records and go
// with the record after them). Kept bytes are passed on as they were, never decoded.
import { Readable } from 'node:stream';
import { RecordCutter } from './copy-csv-cutter.js';
import type { RecordFields } from './copy-csv-fields.js';

export interface RecordJudge {
  /** The fields read of each record (index: true); the others read as empty. */
  readonly columns: readonly boolean[];
  /** Whether record `ordinal` is sent. `fields` is the record's only until this returns. */
  readonly keep: (ordinal: number, fields: RecordFields) => boolean;
  /** The header (record 0) is judged too, none of its fields read; without this it is always kept. */
  readonly judgesHeader?: boolean;
}

async function* judgedChunks(input: Readable, judge: RecordJudge, onEnd: () => void): AsyncGenerator<Buffer> {
  const cutter = new RecordCutter(judge);
  const out: Buffer[] = [];
  for await (const chunk of input as AsyncIterable<Buffer>) {
    cutter.chunk(chunk, out);
    for (const kept of out) yield kept;
    out.length = 0;
  }
  const last = cutter.end();
  if (last !== undefined) yield last;
  onEnd();
}

/**
 * `input` (bytes) without the records `judge` drops. `onEnd` is called once the judge has seen every record,
 * before the stream ends (never if it is given up part-way).
 */
export function csvStreamJudged(
  input: Readable,
  judge: RecordJudge,
  onEnd = (): void => undefined,
): Readable {
  return Readable.from(judgedChunks(input, judge, onEnd), { objectMode: false });
}

/** The judge that drops the records whose ordinals are in `drop` (the header is 0), none of their fields read. */
export function droppingJudge(drop: ReadonlySet<number>): RecordJudge {
  return { columns: [], judgesHeader: true, keep: (ordinal) => !drop.has(ordinal) };
}

/** `input` without the records whose ordinals are in `drop` (the header is 0). */
export function csvStreamDropping(input: Readable, drop: ReadonlySet<number>): Readable {
  return csvStreamJudged(input, droppingJudge(drop));
}
