// The records of a CSV byte stream, one chunk at a time, for copy-csv-judged.ts: line feeds outside quotes, by
// quote parity with native searches; a line that is empty or a lone carriage return is not a record and goes
// with the record after it, so the ordinals are the CSV scanner's (the header is 0). Each record is judged once
// whole; one cut by a chunk's end is held as views of the chunks it spans until its end is read.
import type { RecordJudge } from './copy-csv-judged.js';
import { RecordFields } from './copy-csv-fields.js';

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class RecordCutter {
  readonly #judge: RecordJudge;
  readonly #fields: RecordFields;
  #ordinal = 0;
  #inQuotes = false;
  /** The line being read has a character other than a carriage return (so it is a record). */
  #hasContent = false;
  /** The record being read has a quote (its fields are read byte by byte). */
  #quoted = false;
  /** The record being read, from the chunks before this one. */
  #pending: Buffer[] = [];

  constructor(judge: RecordJudge) {
    this.#judge = judge;
    this.#fields = new RecordFields(judge.columns);
  }

  /**
   * Pushes the kept bytes of `buf` (and of the record it completes) onto `out`, as views of the chunks read: a
   * chunk's bytes are never copied (concatenating them copied every byte of an upload once more).
   */
  chunk(buf: Buffer, out: Buffer[]): void {
    const n = buf.length;
    let start = 0;
    let run = 0;
    let i = 0;
    let lineStart = 0;
    // The next quote at or after i, searched once for every line before it (-1: none left).
    let quoteAt = -2;
    while (i < n) {
      if (this.#inQuotes) {
        const q = buf.indexOf(QUOTE, i);
        if (q === -1) break;
        this.#inQuotes = false;
        i = q + 1;
        continue;
      }
      if (quoteAt !== -1 && quoteAt < i) quoteAt = buf.indexOf(QUOTE, i);
      const nl = buf.indexOf(LF, i);
      if (quoteAt !== -1 && (nl === -1 || quoteAt < nl)) {
        this.#inQuotes = this.#hasContent = this.#quoted = true;
        i = quoteAt + 1;
        continue;
      }
      if (nl === -1) break;
      const length = nl - lineStart;
      if (length > 1 || (length === 1 && buf[lineStart] !== CR)) this.#hasContent = true;
      i = lineStart = nl + 1;
      if (!this.#hasContent) continue;
      this.#hasContent = false;
      run = this.#record(buf, start, i, run, out);
      this.#quoted = false;
      start = i;
    }
    const rest = n - lineStart;
    if (rest > 1 || (rest === 1 && buf[lineStart] !== CR) || this.#inQuotes) this.#hasContent = true;
    if (run < start) out.push(buf.subarray(run, start));
    if (start < n) this.#pending.push(buf.subarray(start, n));
  }

  /** The last record when it has no line feed: its bytes if kept (trailing empty lines are kept). */
  end(): Buffer | undefined {
    if (this.#pending.length === 0) return undefined;
    const whole = Buffer.concat(this.#pending);
    this.#pending = [];
    return !this.#hasContent || this.#keeps(whole, 0, whole.length) ? whole : undefined;
  }

  /** Judges the record ending at `to` (from `start`, or from an earlier chunk); answers where kept bytes resume. */
  #record(buf: Buffer, start: number, to: number, run: number, out: Buffer[]): number {
    const pending = this.#pending;
    if (pending.length === 0) {
      if (this.#keeps(buf, start, to)) return run;
      if (run < start) out.push(buf.subarray(run, start));
      return to;
    }
    this.#pending = [];
    const whole = Buffer.concat([...pending, buf.subarray(0, to)]);
    if (!this.#keeps(whole, 0, whole.length)) return to;
    out.push(...pending);
    return run;
  }

  /** Whether the record `buf[from, to)` (empty lines before it and its line feed included) is sent. */
  #keeps(buf: Buffer, from: number, to: number): boolean {
    const ordinal = this.#ordinal;
    this.#ordinal += 1;
    if (ordinal === 0) return this.#judge.judgesHeader !== true || this.#judge.keep(0, this.#fields);
    let at = from;
    for (;;) {
      if (buf[at] === LF) at += 1;
      else if (buf[at] === CR && buf[at + 1] === LF) at += 2;
      else break;
    }
    let end = to > at && buf[to - 1] === LF ? to - 1 : to;
    if (end > at && buf[end - 1] === CR) end -= 1;
    this.#fields.read(buf, at, end, this.#quoted);
    return this.#judge.keep(ordinal, this.#fields);
  }
}
