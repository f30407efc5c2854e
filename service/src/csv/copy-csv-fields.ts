// A few fields of one CSV record read in place from its bytes (copy-csv-cutter.ts): for each field asked for,
// where it is and a hash of its text (text-hash.ts); nothing is decoded until a judge asks for a field's text, so
// a million-row part builds no string for a row that is sent as it is. Read as the CSV scanner
// (csv-record-scanner.ts) reads a spool part: a quote opens a quoted field at a field's start ("" inside it is a
// quote), a carriage return is text except at the record's end. Fields are read four bytes at a time
// (plain-fields.ts), a quoted one byte by byte; in a record with no quote (the cutter knows) the fields between
// two asked for are only counted, a word's commas at once: the parent columns a part is screened on are its
// last, and a byte loop over every field before them was the upload's largest cost (issue 19).
import { textHash } from './text-hash.js';
import { plainField, skipFields } from './plain-fields.js';

const QUOTE = 34;
const COMMA = 44;
// text-hash.ts's, written out (plain-fields.ts says why).
const FNV_PRIME = 16777619;
const HASH_MASK = 0x3fffffff;

export class RecordFields {
  readonly #columns: readonly boolean[];
  /** The columns asked for, in order, and how many fields come before each since the one asked before it. */
  readonly #wanted: Int32Array;
  readonly #gaps: Int32Array;
  readonly #from: Int32Array;
  readonly #to: Int32Array;
  readonly #hash: Int32Array;
  /** The field was quoted with "" inside: its text needs them made single. */
  readonly #escaped: Uint8Array;
  #buf: Buffer = Buffer.alloc(0);
  #view: DataView = new DataView(new ArrayBuffer(0));

  constructor(columns: readonly boolean[]) {
    this.#columns = columns;
    const wanted = columns.flatMap((on, i) => (on ? [i] : []));
    this.#wanted = Int32Array.from(wanted);
    this.#gaps = Int32Array.from(wanted, (c, k) => c - (k === 0 ? 0 : (wanted[k - 1] as number) + 1));
    this.#from = new Int32Array(columns.length);
    this.#to = new Int32Array(columns.length);
    this.#hash = new Int32Array(columns.length).fill(emptyHash);
    this.#escaped = new Uint8Array(columns.length);
  }

  /** textHash of field `i`'s text (of '' for a field not asked for or past the record's last). */
  hash(i: number): number {
    return this.#hash[i] ?? emptyHash;
  }

  /** Whether field `i` is empty (or was not asked for). */
  empty(i: number): boolean {
    return this.#to[i] === this.#from[i];
  }

  /** The text of field `i` ('' for a field not asked for). */
  text(i: number): string {
    const from = this.#from[i] ?? 0;
    const to = this.#to[i] ?? 0;
    if (to === from) return '';
    const text = this.#buf.toString('utf8', from, to);
    return this.#escaped[i] === 1 ? text.replaceAll('""', '"') : text;
  }

  /** Reads the record `buf[from, end)` (without its line ending); `quoted`: it may hold a quote. */
  read(buf: Buffer, from: number, end: number, quoted = true): void {
    if (buf !== this.#buf) {
      this.#buf = buf;
      this.#view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    if (quoted) this.#readQuoted(buf, from, end);
    else this.#readPlain(from, end);
  }

  /** A record with no quote: the fields are what lies between commas. */
  #readPlain(from: number, end: number): void {
    const buf = this.#buf;
    const view = this.#view;
    const wanted = this.#wanted;
    let i = from;
    let k = 0;
    for (; k < wanted.length; k += 1) {
      const index = wanted[k] as number;
      const gap = this.#gaps[k] as number;
      if (gap > 0) {
        i = skipFields(buf, view, i, end, gap);
        if (i < 0) break;
      }
      const to = plainField(buf, view, i, end, this.#hash, index);
      this.#from[index] = i;
      this.#to[index] = to;
      this.#escaped[index] = 0;
      i = to + 1;
      if (to >= end) {
        k += 1;
        break;
      }
    }
    for (; k < wanted.length; k += 1) this.#set(wanted[k] as number, 0, 0, emptyHash, 0);
  }

  /** Any record: a quoted field byte by byte, the others as plain-fields.ts reads them. */
  #readQuoted(buf: Buffer, from: number, end: number): void {
    const columns = this.#columns;
    let i = from;
    let index = 0;
    for (; index < columns.length; index += 1) {
      const next = this.#field(buf, i, end, index, columns[index] === true);
      if (next >= end) {
        index += 1;
        break;
      }
      i = next + 1;
    }
    for (; index < columns.length; index += 1) this.#set(index, 0, 0, emptyHash, 0);
  }

  /** Reads field `index` starting at `i`; answers where it ends (its comma, or `end`). */
  #field(buf: Buffer, i: number, end: number, index: number, wanted: boolean): number {
    if (i >= end || buf[i] !== QUOTE) {
      // Unquoted: a quote inside is text, and the field ends at the next comma.
      if (!wanted) {
        const next = skipFields(buf, this.#view, i, end, 1);
        return next < 0 ? end : next - 1;
      }
      const to = plainField(buf, this.#view, i, end, this.#hash, index);
      this.#from[index] = i;
      this.#to[index] = to;
      this.#escaped[index] = 0;
      return to;
    }
    // Quoted: its text's bytes ("" read as one quote) are hashed four at a time as text-hash.ts does, `word`
    // holding `n` of them.
    let h = 0x811c9dc5 | 0;
    let word = 0;
    let n = 0;
    let escaped = 0;
    let k = i + 1;
    for (; k < end; k += 1) {
      const b = buf[k] as number;
      if (b === QUOTE) {
        if (k + 1 >= end || buf[k + 1] !== QUOTE) break;
        escaped = 1;
        k += 1;
      }
      if (!wanted) continue;
      word |= b << (n << 3);
      n += 1;
      if (n === 4) {
        h = Math.imul(h ^ word, FNV_PRIME);
        h ^= h >>> 15;
        word = n = 0;
      }
    }
    const stop = k;
    while (k < end && buf[k] !== COMMA) k += 1;
    if (!wanted) return k;
    for (let j = 0; j < n; j += 1) h = Math.imul(h ^ ((word >>> (j << 3)) & 0xff), FNV_PRIME);
    this.#set(index, i + 1, stop, h & HASH_MASK, escaped);
    return k;
  }

  #set(index: number, from: number, to: number, hash: number, escaped: number): void {
    this.#from[index] = from;
    this.#to[index] = to;
    this.#hash[index] = hash;
    this.#escaped[index] = escaped;
  }
}

const emptyHash = textHash('');
