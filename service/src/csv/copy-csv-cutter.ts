// The records of a CSV byte stream judged one chunk at a time, for copy-csv-judged.ts: where each ends is
// RecordEnds' answer (copy-csv-ends.ts), so the ordinals are the CSV scanner's (the header is 0). Each record is
// judged once whole; one cut by a chunk's end is held as views of the chunks it spans until its end is read.
import type { RecordJudge } from './copy-csv-judged.js';
import { RecordFields } from './copy-csv-fields.js';
import { RecordEnds } from './copy-csv-ends.js';

const LF = 10;
const CR = 13;

export class RecordCutter {
  readonly #judge: RecordJudge;
  readonly #fields: RecordFields;
  readonly #ends = new RecordEnds();
  #ordinal = 0;
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
    const ends = this.#ends;
    ends.chunk(buf);
    let start = 0;
    let run = 0;
    for (let end = ends.next(0); end !== -1; end = ends.next(start)) {
      run = this.#record(buf, start, end, run, out);
      start = end;
    }
    if (run < start) out.push(buf.subarray(run, start));
    if (start < buf.length) this.#pending.push(buf.subarray(start));
  }

  /** The last record when it has no line feed: its bytes if kept (trailing empty lines are kept). */
  end(): Buffer | undefined {
    if (this.#pending.length === 0) return undefined;
    const whole = Buffer.concat(this.#pending);
    this.#pending = [];
    return !this.#ends.close() || this.#keeps(whole, 0, whole.length) ? whole : undefined;
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
    this.#fields.read(buf, at, end, this.#ends.quoted);
    return this.#judge.keep(ordinal, this.#fields);
  }
}
