// Counting a Bulk API 2.0 successful-results file: its rows, and those whose sf__Created (the second column)
// is true. The file repeats every column sent and nothing of it is kept, so it is read as bytes, never decoded
// into strings: the two fields Salesforce writes first ("sf__Id","sf__Created", quoted) are read in place, and
// each record's end is found by quote parity (RFC 4180: a quote opens or closes a quoted field, and "" inside
// one toggles twice), as csv/copy-csv-cutter.ts finds a spool part's records. A record of another shape is
// decoded and read as the CSV scanner reads it. Empty lines are not records; the header is not counted.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/get_job_successful_results.htm
import { secondField } from './second-field.js';

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const [T, R, U, E] = [116, 114, 117, 101];

interface Tally {
  records: number;
  created: number;
}

/** The index after the closing quote of the quoted field at `i`, or -1 (not in `buf`, or an escaped quote). */
function closeQuote(buf: Buffer, i: number, n: number): number {
  let k = i + 1;
  while (k < n && buf[k] !== QUOTE) k += 1;
  return k + 1 < n && buf[k + 1] !== QUOTE ? k + 1 : -1;
}

/**
 * The Salesforce shape: `"id","true|false",`; answers where the record goes on, times two, plus one when it was
 * created (one number, not an object: a million of them a job), or -1 for a record of another shape.
 */
function fastFields(buf: Buffer, i: number, n: number): number {
  if (buf[i] !== QUOTE) return -1;
  const first = closeQuote(buf, i, n);
  if (first === -1 || buf[first] !== COMMA || buf[first + 1] !== QUOTE) return -1;
  const second = closeQuote(buf, first + 1, n);
  if (second === -1 || (buf[second] !== COMMA && buf[second] !== LF)) return -1;
  const v = first + 2;
  const created =
    second - v === 5 && buf[v] === T && buf[v + 1] === R && buf[v + 2] === U && buf[v + 3] === E;
  return second * 2 + (created ? 1 : 0);
}

/** Counts the whole records of `buf` from its start; answers where the first incomplete one starts. */
function countRecords(buf: Buffer, tally: Tally, final: boolean): number {
  const n = buf.length;
  let i = 0;
  let nl = -2;
  let q = -2;
  while (i < n) {
    if (buf[i] === LF || buf[i] === CR) {
      i += 1;
      continue;
    }
    const fast = fastFields(buf, i, n);
    // Past the first two fields, to the first line feed outside quotes.
    let j = fast === -1 ? i : Math.floor(fast / 2);
    let end = -1;
    for (;;) {
      if (nl !== -1 && nl < j) nl = buf.indexOf(LF, j);
      if (q !== -1 && q < j) q = buf.indexOf(QUOTE, j);
      if (q !== -1 && (nl === -1 || q < nl)) {
        const close = buf.indexOf(QUOTE, q + 1);
        if (close === -1) break;
        j = close + 1;
        continue;
      }
      end = nl === -1 ? (final ? n : -1) : nl + 1;
      break;
    }
    if (end === -1) {
      if (!final) return i;
      end = n;
    }
    tally.records += 1;
    const created = fast === -1 ? secondField(buf.toString('utf8', i, end)) === 'true' : (fast & 1) === 1;
    if (created) tally.created += 1;
    i = end;
  }
  return n;
}

/** Counts a successful-results file given a chunk at a time; a chunk is not kept past `push`. */
export class SuccessCount {
  readonly #tally: Tally = { records: 0, created: 0 };
  #carry: Buffer | undefined;

  push(chunk: Buffer): void {
    const tally = this.#tally;
    const carry = this.#carry;
    let buf = chunk;
    if (carry !== undefined) {
      // The record cut at the chunk's start is completed from the chunk's head alone (copying the whole chunk
      // each time cost more in allocation and GC than the counting); a quoted line feed takes the whole chunk.
      const lf = chunk.indexOf(LF);
      const head = Buffer.concat([carry, chunk.subarray(0, lf + 1)]);
      buf = lf !== -1 && countRecords(head, tally, false) === head.length ? chunk.subarray(lf + 1) : head;
      if (buf === head) buf = Buffer.concat([carry, chunk]);
    }
    const used = countRecords(buf, tally, false);
    // A copy: the chunk's buffer may be read into again (ingest-results.ts readIngestResultInto).
    this.#carry = used < buf.length ? Buffer.from(buf.subarray(used)) : undefined;
  }

  /** The header is the first record (its second column reads sf__Created). */
  end(): { succeeded: number; created: number } {
    if (this.#carry !== undefined) countRecords(this.#carry, this.#tally, true);
    this.#carry = undefined;
    return { succeeded: Math.max(0, this.#tally.records - 1), created: this.#tally.created };
  }
}
