// Column storage of one field over the rows of a table (see record-table.ts). The L tenant holds about
// 14 million records of some 27 fields each, so a cell must cost a few bytes, not a heap object: Zuora
// ids (32 hex digits) are packed into four 32-bit words, every other value is a code into an interned
// dictionary (statuses, dates, amounts, audit stamps repeat across millions of rows) whose width grows
// with it (1, 2 then 4 bytes a cell). A column whose values turn out mostly distinct (invoice numbers)
// keeps one plain reference per row instead. A value an encoding cannot hold is kept as is beside it,
// so a column never changes what was stored.
import type { FieldValue } from '../model/zuora-record.js';
import {
  VIEW_CODES16,
  VIEW_CODES32,
  VIEW_CODES8,
  VIEW_HEX,
  VIEW_PLAIN,
  type ColumnView,
} from './column-view.js';

/** Where an export writes its cells as bytes (aqua/byte-chunks.ts). */
export interface CellSink {
  /** The UTF-8 bytes of a cell's text. */
  text(s: string): void;
  /** A packed id's 32 hex digits from its four words, starting at word `at`. */
  hex(words: Uint32Array, at: number): void;
  /** Bytes already encoded: `src` from `from` up to `to`. */
  bytes(src: Uint8Array, from: number, to: number): void;
}

/** Writes one row's cell, as `reader` formats it, to a sink. */
export type CellWriter = (row: number, out: CellSink) => void;

export interface Column {
  get(row: number): FieldValue;
  set(row: number, value: FieldValue): void;
  /** A reader of the row's cell as formatted by `cell`, for exports (each distinct value formatted once). */
  reader(cell: (v: FieldValue) => string): (row: number) => string;
  /** As `reader`, writing the cell's bytes (an id from its words, never a string). */
  writer(cell: (v: FieldValue) => string): CellWriter;
  /** A reader of `map` of the row's value (each distinct value mapped once where the column interns them). */
  mapped<T>(map: (v: FieldValue) => T): (row: number) => T;
  /** Points `into` at the column's arrays as they are now (column-view.ts). */
  view(into: ColumnView): void;
}

/** The capacity for `row`: doubling, so appending rows copies each cell a bounded number of times. */
const capacityFor = (length: number, row: number): number => {
  let n = Math.max(256, length);
  while (n <= row) n *= 2;
  return n;
};

type Codes = Uint8Array | Uint16Array | Uint32Array;

function grow<T extends Codes>(array: T, row: number, make: (n: number) => T): T {
  const next = make(capacityFor(array.length, row));
  next.set(array);
  return next;
}

const hexPattern = /^[0-9a-f]{32}$/;

const HEX_NULL = 0;
const HEX = 1;
const HEX_ODD = 2;

/** Zuora ids: 16 bytes a cell instead of a 32-character string. */
export class HexColumn implements Column {
  private words = new Uint32Array(0);
  private tags = new Uint8Array(0);
  private odd: Map<number, FieldValue> | null = null;

  get(row: number): FieldValue {
    const tag = this.tags[row];
    if (tag === HEX) return this.hexAt(row);
    return tag === HEX_ODD ? (this.odd?.get(row) ?? null) : null;
  }

  set(row: number, value: FieldValue): void {
    if (row >= this.tags.length) this.tags = grow(this.tags, row, (n) => new Uint8Array(n));
    if (row * 4 + 3 >= this.words.length)
      this.words = grow(this.words, row * 4 + 3, (n) => new Uint32Array(n));
    if (this.tags[row] === HEX_ODD) this.odd?.delete(row);
    if (typeof value === 'string' && parseHex(value, scratch)) {
      // Four stores: a typed array's set() is a native call, dearer than they are.
      const at = row * 4;
      this.words[at] = scratch[0] as number;
      this.words[at + 1] = scratch[1] as number;
      this.words[at + 2] = scratch[2] as number;
      this.words[at + 3] = scratch[3] as number;
      this.tags[row] = HEX;
    } else if (value === null) this.tags[row] = HEX_NULL;
    else {
      this.tags[row] = HEX_ODD;
      (this.odd ??= new Map()).set(row, value);
    }
  }

  reader(cell: (v: FieldValue) => string): (row: number) => string {
    // An id needs no quoting: its text is its cell.
    return (row) => (this.tags[row] === HEX ? this.hexAt(row) : cell(this.get(row)));
  }

  writer(cell: (v: FieldValue) => string): CellWriter {
    return (row, out) => {
      if (this.tags[row] === HEX) out.hex(this.words, row * 4);
      else out.text(cell(this.get(row)));
    };
  }

  mapped<T>(map: (v: FieldValue) => T): (row: number) => T {
    return (row) => map(this.get(row));
  }

  view(into: ColumnView): void {
    into.clear();
    into.kind = VIEW_HEX;
    into.words = this.words;
    into.tags = this.tags;
    into.get = (row) => this.get(row);
  }

  /** Whether the row holds exactly the id whose words are given (see parseHex). */
  holds(row: number, words: Uint32Array): boolean {
    if (this.tags[row] !== HEX) return false;
    const at = row * 4;
    const w = this.words;
    return w[at] === words[0] && w[at + 1] === words[1] && w[at + 2] === words[2] && w[at + 3] === words[3];
  }

  /** The four words of the row's id (undefined when the row holds no packed id). */
  wordsAt(row: number): Uint32Array | undefined {
    if (this.tags[row] !== HEX) return undefined;
    return this.words.subarray(row * 4, row * 4 + 4);
  }

  private hexAt(row: number): string {
    const w = this.words;
    const c = chars;
    for (let i = 0; i < 4; i += 1) {
      const x = w[row * 4 + i] ?? 0;
      for (let d = 0; d < 8; d += 1) c[i * 8 + d] = hexCodes[(x >>> (28 - d * 4)) & 15] ?? 48;
    }
    // One call with every character: a flat string, where concatenating pieces builds a tree of them.
    return String.fromCharCode(...c);
  }
}

const hexCodes = Array.from('0123456789abcdef', (ch) => ch.charCodeAt(0));
const chars = new Array<number>(32).fill(48);

const scratch = new Uint32Array(4);

/** Reads a Zuora id (32 lowercase hex digits) into four 32-bit words; false when the text is not one. */
export function parseHex(value: string, out: Uint32Array): boolean {
  if (value.length !== 32) return false;
  for (let w = 0; w < 4; w += 1) {
    let word = 0;
    for (let i = w * 8, end = i + 8; i < end; i += 1) {
      const c = value.charCodeAt(i);
      const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
      if (digit < 0) return false;
      word = word * 16 + digit;
    }
    out[w] = word;
  }
  return true;
}

export function isPackableId(value: FieldValue): boolean {
  return typeof value === 'string' && hexPattern.test(value);
}

/** Past this many distinct values (and more than one per two rows) a dictionary stops paying. */
const DICTIONARY_LIMIT = 1 << 16;

/** A flat copy: a value built by concatenation is a tree of pieces until something flattens it. */
const flat = (value: FieldValue): FieldValue =>
  typeof value === 'string' && value.length >= 13 ? (JSON.parse(JSON.stringify(value)) as string) : value;

/** Interned values: each row holds a code into one shared copy of its value. Code 0 is null. */
export class DictionaryColumn implements Column {
  private codes: Codes | null = new Uint8Array(0);
  private dict: FieldValue[] = [null];
  private codeOf = new Map<FieldValue, number>();
  private plain: FieldValue[] | null = null;
  private rows = 0;
  /** The value last set and its code. */
  private lastValue: FieldValue = null;
  private lastCode = 0;

  get(row: number): FieldValue {
    if (this.plain !== null) return this.plain[row] ?? null;
    return this.dict[(this.codes as Codes)[row] ?? 0] ?? null;
  }

  set(row: number, value: FieldValue): void {
    if (row >= this.rows) this.rows = row + 1;
    if (this.plain !== null) {
      while (this.plain.length < row) this.plain.push(null);
      this.plain[row] = value;
      return;
    }
    // Consecutive rows often repeat a value (an account's records share their dates): no lookup then.
    let code = value === null ? 0 : value === this.lastValue ? this.lastCode : this.codeOf.get(value);
    if (code === undefined) {
      code = this.dict.length;
      if (code > DICTIONARY_LIMIT && code * 2 > this.rows) {
        this.toPlain();
        this.set(row, value);
        return;
      }
      const own = flat(value);
      this.dict.push(own);
      this.codeOf.set(own, code);
    }
    this.lastValue = value;
    this.lastCode = code;
    let codes = this.codes as Codes;
    if (code > 0xffff && !(codes instanceof Uint32Array)) codes = this.widen(Uint32Array);
    else if (code > 0xff && codes instanceof Uint8Array) codes = this.widen(Uint16Array);
    if (row >= codes.length)
      this.codes = codes = grow(codes, row, (n) => new (codes.constructor as typeof Uint32Array)(n));
    codes[row] = code;
  }

  reader(cell: (v: FieldValue) => string): (row: number) => string {
    const formatted: (string | undefined)[] = [];
    return (row) => {
      if (this.plain !== null) return cell(this.plain[row] ?? null);
      const code = (this.codes as Codes)[row] ?? 0;
      return (formatted[code] ??= cell(this.dict[code] ?? null));
    };
  }

  writer(cell: (v: FieldValue) => string): CellWriter {
    // Each distinct value's cell is encoded once, into one buffer: per code its start and end there
    // (spans[2 * code], spans[2 * code + 1]; an end of 0 while not encoded yet, the null cell's included).
    let arena = new Uint8Array(4096);
    let used = 1; // spans start at 1, so an end of 0 means not encoded yet
    let spans = new Int32Array(512);
    const encode = (code: number): void => {
      const text = cell(this.dict[code] ?? null);
      // At most 3 bytes of UTF-8 per UTF-16 unit.
      if (used + text.length * 3 > arena.length) {
        const wider = new Uint8Array(Math.max(arena.length * 2, used + text.length * 3));
        wider.set(arena.subarray(0, used));
        arena = wider;
      }
      if (2 * code + 1 >= spans.length) {
        const wider = new Int32Array(Math.max(spans.length * 2, 2 * code + 2));
        wider.set(spans);
        spans = wider;
      }
      spans[2 * code] = used;
      used += utf8Into(text, arena, used);
      spans[2 * code + 1] = used;
    };
    return (row, out) => {
      if (this.plain !== null) {
        out.text(cell(this.plain[row] ?? null));
        return;
      }
      const code = (this.codes as Codes)[row] ?? 0;
      if ((spans[2 * code + 1] ?? 0) === 0) encode(code);
      out.bytes(arena, spans[2 * code] ?? 0, spans[2 * code + 1] ?? 0);
    };
  }

  mapped<T>(map: (v: FieldValue) => T): (row: number) => T {
    const done: T[] = [];
    const known: boolean[] = [];
    return (row) => {
      if (this.plain !== null) return map(this.plain[row] ?? null);
      const code = (this.codes as Codes)[row] ?? 0;
      if (known[code] === true) return done[code] as T;
      known[code] = true;
      return (done[code] = map(this.dict[code] ?? null));
    };
  }

  view(into: ColumnView): void {
    into.clear();
    into.get = (row) => this.get(row);
    if (this.plain !== null) {
      into.kind = VIEW_PLAIN;
      into.plain = this.plain;
      return;
    }
    const codes = this.codes as Codes;
    into.dict = this.dict;
    if (codes instanceof Uint8Array) {
      into.kind = VIEW_CODES8;
      into.codes8 = codes;
    } else if (codes instanceof Uint16Array) {
      into.kind = VIEW_CODES16;
      into.codes16 = codes;
    } else {
      into.kind = VIEW_CODES32;
      into.codes32 = codes;
    }
  }

  private widen(kind: typeof Uint16Array | typeof Uint32Array): Codes {
    const codes = this.codes as Codes;
    const wider = new kind(codes.length);
    wider.set(codes);
    this.codes = wider;
    return wider;
  }

  private toPlain(): void {
    const codes = this.codes as Codes;
    const plain: FieldValue[] = [];
    for (let row = 0; row < this.rows; row += 1) plain.push(this.dict[codes[row] ?? 0] ?? null);
    this.plain = plain;
    this.codes = null;
    this.dict = [null];
    this.codeOf = new Map();
  }
}

const utf8 = new TextEncoder();

/** Writes the UTF-8 bytes of `text` at `at` (room for 3 bytes a UTF-16 unit assumed); returns their count. */
export function utf8Into(text: string, out: Uint8Array, at: number): number {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return i + utf8.encodeInto(text.slice(i), out.subarray(at + i)).written;
    out[at + i] = c;
  }
  return text.length;
}

/** A column for a field whose first value is `sample`: packed ids for an id, a dictionary otherwise. */
export function columnFor(sample: FieldValue): Column {
  return isPackableId(sample) ? new HexColumn() : new DictionaryColumn();
}
