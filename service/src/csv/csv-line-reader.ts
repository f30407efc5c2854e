// A CSV file's records read from its bytes (Turbo Sync's AQuA files, issue 19): a line of ASCII with no quote
// or carriage return (every line of most exports) is offered as its bytes and the places of its fields, with
// no string made; a line the reader does not take, and every line from a quote until the record it opens
// ends, goes to the string scanner (csv-record-scanner.ts) as it always did, in file order.
import type { Readable } from 'node:stream';
import { isAscii } from 'node:buffer';
import { StringDecoder } from 'node:string_decoder';
import { CsvScanner, type OnRecord } from './csv-record-scanner.js';
import type { LineFields } from './line-fields.js';

/** What reads a file's records: `line` may take a clean ASCII line as it is (true); the others are records. */
export interface LineReader {
  readonly record: OnRecord;
  readonly line?: ((line: LineFields) => boolean) | undefined;
}

/** Fields of a line read as bytes; a line with more goes to the scanner. */
const maxFields = 512;

/** Whether the bytes from `from` to before `to` are all ASCII (no byte of a UTF-8 sequence). */
function asciiAt(bytes: Buffer, from: number, to: number): boolean {
  let or = 0;
  for (let i = from; i < to; i += 1) or |= bytes[i] as number;
  return or < 128;
}

/** Splits the line of `text` from `from` to `end` (a line feed) into `fields`, at `offset` more in the bytes;
 * false when it has too many fields. Native searches, as the scanner's splitLine. */
function split(text: string, from: number, end: number, offset: number, fields: LineFields): boolean {
  const { starts, ends } = fields;
  let n = 0;
  let start = from;
  for (;;) {
    if (n === maxFields) return false;
    const comma = text.indexOf(',', start);
    const stop = comma === -1 || comma > end ? end : comma;
    starts[n] = start + offset;
    ends[n] = stop + offset;
    n += 1;
    if (stop === end) break;
    start = stop + 1;
  }
  fields.count = n;
  return true;
}

/**
 * Calls `start` with the header, then its reader with every data row, in order: `line` with each clean ASCII
 * line while the scanner is between records, `record` with every other (eachCsvRecord's fields and `clean`).
 */
export async function eachCsvLine(input: Readable, start: (header: string[]) => LineReader): Promise<void> {
  let reader: LineReader | undefined;
  const scanner = new CsvScanner(Number.POSITIVE_INFINITY, (fields, clean) => {
    if (reader === undefined) reader = start(fields);
    else reader.record(fields, clean);
  });
  const decoder = new StringDecoder('utf8');
  const toScanner = (bytes: Buffer) => {
    const text = decoder.write(bytes);
    if (text !== '') scanner.feed(text);
  };
  const fields: LineFields = {
    bytes: Buffer.alloc(0),
    view: new DataView(new ArrayBuffer(0)),
    starts: new Int32Array(maxFields),
    ends: new Int32Array(maxFields),
    count: 0,
  };
  /** The whole lines of `bytes` from `from` read; answers where the rest (a line not ended yet) starts. */
  const lines = (bytes: Buffer, from: number): number => {
    // Read as Latin-1, one character a byte: a character's index is its byte's (less `from`).
    const text = bytes.toString('latin1', from);
    const ascii = isAscii(from === 0 ? bytes : bytes.subarray(from));
    fields.bytes = bytes;
    if (fields.view.buffer !== bytes.buffer) fields.view = new DataView(bytes.buffer);
    let quoteAt = -2;
    let crAt = -2;
    let i = 0;
    for (;;) {
      const take = reader?.line;
      if (reader !== undefined && take === undefined) {
        toScanner(bytes.subarray(from + i));
        return bytes.length;
      }
      const end = text.indexOf('\n', i);
      if (end === -1) return from + i;
      if (quoteAt !== -1 && quoteAt < i) quoteAt = text.indexOf('"', i);
      if (crAt !== -1 && crAt < i) crAt = text.indexOf('\r', i);
      const plain =
        end > i &&
        (quoteAt === -1 || quoteAt > end) &&
        (crAt === -1 || crAt > end) &&
        (ascii || asciiAt(bytes, from + i, from + end));
      const taken =
        plain &&
        take !== undefined &&
        scanner.atRecordStart &&
        split(text, i, end, from, fields) &&
        take(fields);
      if (!taken) toScanner(bytes.subarray(from + i, from + end + 1));
      i = end + 1;
    }
  };
  let carry: Buffer | undefined;
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const read = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let i = 0;
    if (carry !== undefined) {
      // The line the last chunk ended in, read whole (only its bytes copied, not the chunk's).
      const lf = read.indexOf(10);
      if (lf === -1) {
        carry = Buffer.concat([carry, read]);
        continue;
      }
      lines(Buffer.concat([carry, read.subarray(0, lf + 1)]), 0);
      carry = undefined;
      i = lf + 1;
    }
    const rest = lines(read, i);
    // Copied: the chunk's memory may be reused.
    if (rest < read.length) carry = Buffer.from(read.subarray(rest));
  }
  if (carry !== undefined) toScanner(carry);
  const rest = decoder.end();
  if (rest !== '') scanner.feed(rest);
  scanner.end();
}
