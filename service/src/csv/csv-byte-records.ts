// The records of a CSV file with the byte ranges of those a caller leaves out: screening a spool part
// (turbo/screen-part.ts) reads a few fields of every row and the upload leaves out the rows held back by their
// bytes (csv-byte-ranges.ts), so the part is neither rewritten nor counted a second time. Each chunk is decoded
// once; a record's end is found by quote parity (RFC 4180: a quote opens or closes a quoted field, and "" inside
// one toggles twice), as copy-csv-chunk.ts finds it. A record without quotes is split at its commas, building
// only the fields asked for; one with quotes is read as the CSV scanner reads it (record-fields.ts). Character
// offsets are byte offsets in an ASCII chunk; otherwise the few ranges asked for are measured.
import { isAscii } from 'node:buffer';
import type { Readable } from 'node:stream';
import { recordFields } from './record-fields.js';

const LF = 10;
const CR = 13;

/** Answers true for a record to leave out. `fields`: its first `keep` (those `only` leaves out are ''). */
export type RecordFilter = (fields: string[]) => boolean;

interface Scan {
  readonly keep: number;
  readonly only: readonly boolean[] | undefined;
  readonly leave: RecordFilter;
}

function splitLine(text: string, from: number, stop: number, scan: Scan): string[] {
  const fields: string[] = [];
  let at = from;
  while (fields.length < scan.keep) {
    const comma = text.indexOf(',', at);
    const end = comma === -1 || comma >= stop ? stop : comma;
    fields.push(scan.only === undefined || scan.only[fields.length] === true ? text.slice(at, end) : '');
    if (end === stop) break;
    at = end + 1;
  }
  return fields;
}

/** Byte offsets of a decoded chunk's characters, measured forwards (offsets are asked for in order). */
class ByteOffsets {
  #char = 0;
  #byte = 0;
  constructor(
    readonly text: string,
    readonly ascii: boolean,
  ) {}

  at(char: number): number {
    if (this.ascii) return char;
    this.#byte += Buffer.byteLength(this.text.slice(this.#char, char));
    this.#char = char;
    return this.#byte;
  }
}

/** The whole records of `text`; ranges left out go to `ranges` (file offsets). Answers the bytes consumed. */
function records(buf: Buffer, base: number, scan: Scan, ranges: number[], final: boolean): number {
  const ascii = isAscii(buf);
  const text = buf.toString(ascii ? 'latin1' : 'utf8');
  const bytes = new ByteOffsets(text, ascii);
  const n = text.length;
  let i = 0;
  let nl = -2;
  let q = -2;
  while (i < n) {
    // A record's bytes begin where the one before ended: the empty lines between them go with it.
    const start = i;
    while (i < n && (text.charCodeAt(i) === LF || text.charCodeAt(i) === CR)) i += 1;
    let j = i;
    let quoted = false;
    let end = -1;
    for (;;) {
      if (nl !== -1 && nl < j) nl = text.indexOf('\n', j);
      if (q !== -1 && q < j) q = text.indexOf('"', j);
      if (q !== -1 && (nl === -1 || q < nl)) {
        quoted = true;
        const close = text.indexOf('"', q + 1);
        if (close === -1) break;
        j = close + 1;
        continue;
      }
      end = nl === -1 ? -1 : nl + 1;
      break;
    }
    if (end === -1) {
      if (!final) return bytes.at(start);
      end = n;
    }
    let stop = end;
    if (stop > i && text.charCodeAt(stop - 1) === LF) stop -= 1;
    if (stop > i && text.charCodeAt(stop - 1) === CR) stop -= 1;
    // An empty line is not a record.
    if (stop > i) {
      const fields = quoted
        ? recordFields(text.slice(i, end), scan.keep, scan.only)
        : splitLine(text, i, stop, scan);
      if (scan.leave(fields)) ranges.push(base + bytes.at(start), base + bytes.at(end));
    }
    i = end;
  }
  return buf.length;
}

/**
 * Calls `leave` for every record of `input` (bytes; the header included), in order; answers the byte ranges of
 * those it answered true for (start and end pairs, in order; a range ends after the record's line feed).
 */
export async function scanCsvByteRecords(
  input: Readable,
  keep: number,
  leave: RecordFilter,
  only?: readonly boolean[],
): Promise<number[]> {
  const scan: Scan = { keep, only, leave };
  const ranges: number[] = [];
  let carry: Buffer | undefined;
  let base = 0;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    const buf = carry === undefined ? chunk : Buffer.concat([carry, chunk]);
    const used = records(buf, base, scan, ranges, false);
    carry = used < buf.length ? buf.subarray(used) : undefined;
    base += used;
  }
  if (carry !== undefined) records(carry, base, scan, ranges, true);
  return ranges;
}
