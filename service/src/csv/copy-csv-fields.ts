// A few fields of one CSV record read in place from its bytes (copy-csv-cutter.ts): for each field asked for,
// where it is and a hash of its text; nothing is decoded until a judge asks for a field's text, so a million-row
// part builds no string for a row that is sent as it is. Read as the CSV scanner (csv-record-scanner.ts) reads
// a spool part: a quote opens a quoted field at a field's start ("" inside it is a quote), a carriage return
// is text except at the record's end. A loop over the bytes costs a third of a native search per field.
import { textHash } from './text-hash.js';

const QUOTE = 34;
const COMMA = 44;
const FNV_PRIME = 16777619;

export class RecordFields {
  readonly #columns: readonly boolean[];
  readonly #from: Int32Array;
  readonly #to: Int32Array;
  readonly #hash: Int32Array;
  /** The field was quoted with "" inside: its text needs them made single. */
  readonly #escaped: Uint8Array;
  #buf: Buffer = Buffer.alloc(0);

  constructor(columns: readonly boolean[]) {
    this.#columns = columns;
    this.#from = new Int32Array(columns.length);
    this.#to = new Int32Array(columns.length);
    this.#hash = new Int32Array(columns.length);
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

  /** Reads the record `buf[from, end)` (without its line ending). */
  read(buf: Buffer, from: number, end: number): void {
    this.#buf = buf;
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
    let h = OFFSET;
    let k = i;
    if (k < end && buf[k] === QUOTE) {
      let escaped = 0;
      for (k += 1; k < end; k += 1) {
        const b = buf[k] as number;
        if (b === QUOTE) {
          if (k + 1 >= end || buf[k + 1] !== QUOTE) break;
          escaped = 1;
          k += 1;
        }
        if (wanted) h = Math.imul(h ^ b, FNV_PRIME);
      }
      this.#set(index, i + 1, wanted ? k : i + 1, h & HASH_MASK, escaped);
      while (k < end && buf[k] !== COMMA) k += 1;
      return k;
    }
    if (wanted) {
      for (; k < end; k += 1) {
        const b = buf[k] as number;
        if (b === COMMA) break;
        h = Math.imul(h ^ b, FNV_PRIME);
      }
    } else while (k < end && buf[k] !== COMMA) k += 1;
    this.#set(index, i, wanted ? k : i, h & HASH_MASK, 0);
    return k;
  }

  #set(index: number, from: number, to: number, hash: number, escaped: number): void {
    this.#from[index] = from;
    this.#to[index] = to;
    this.#hash[index] = hash;
    this.#escaped[index] = escaped;
  }
}

const OFFSET = 0x811c9dc5 | 0;
const HASH_MASK = 0x3fffffff;
const emptyHash = textHash('');
