import { ChunkedCells } from './chunked.js';
import { ownCopy } from './own-copy.js';
import type { SfValue } from './sf-error.js';
import type { ValueCodec } from './value-codecs.js';

// Column storage of one field over the rows of a table (see packed-rows.ts). Numbers and booleans
// live in typed arrays (chunked.ts), low-cardinality values (picklists, dates, audit stamps, lookups)
// as codes into an interned dictionary, one byte a row while it has at most 255 values, two up to 65,535. Any value a column's encoding cannot hold (a seed that puts text in
// a number field) is kept as is in a side map, so a column never changes what was stored.

export interface Column {
  get(row: number): SfValue;
  set(row: number, value: SfValue): void;
  /** `set` of one value into rows [from, to), as setting them one by one in order does. */
  fill(from: number, to: number, value: SfValue): void;
  clear(): void;
  /** Bytes held, about (typed arrays exactly; heap values by their length). */
  readonly bytes: number;
}

/** About what V8 holds for a value kept on the heap: a pointer, and a string's header and characters. */
const heapBytes = (value: SfValue): number => 8 + (typeof value === 'string' ? 16 + value.length : 0);

/** Values the typed encoding cannot represent, by row. */
class Odd {
  private map: Map<number, SfValue> | null = null;
  /** Whether any row's value is kept here (else no cell is marked odd: writes need not look). */
  get any(): boolean {
    return this.map !== null;
  }
  get(row: number): SfValue {
    return this.map?.get(row) ?? null;
  }
  put(row: number, value: SfValue): void {
    (this.map ??= new Map()).set(row, value);
  }
  drop(row: number): void {
    this.map?.delete(row);
  }
  clear(): void {
    this.map = null;
  }

  get bytes(): number {
    let sum = 0;
    for (const value of this.map?.values() ?? []) sum += 32 + heapBytes(value);
    return sum;
  }
}

const NUM = 0;
const NULL = 1;
const ODD = 2;

/** Whole-number cells: (n - base) / unit + BIAS, 0 for null and 1 for a value kept as it is. */
const INT_NULL = 0;
const INT_ODD = 1;
const BIAS = 2 ** 31;
const INT_MIN = 2 - BIAS;
const INT_MAX = BIAS - 1;

/**
 * double / currency / percent / int; with a codec, the values it turns into numbers. Whole numbers
 * (amounts, quantities, a lookup's record numbers, dates and datetimes as milliseconds) take 4 bytes
 * a row, as their distance from the column's first value in its unit (1, or 1,000 for whole seconds);
 * the first value that does not fit (a fraction, a lookup to another object, -0) turns the column into
 * 8-byte doubles and a tag byte a row, with every row's value unchanged.
 */
export class NumberColumn implements Column {
  private ints: ChunkedCells | null = new ChunkedCells(Uint32Array, INT_NULL);
  private base = Number.NaN;
  private unit = 1;
  /** Cells count hundredths (amounts with cents) instead of units from `base`. */
  private hundredths = false;
  private values: ChunkedCells | null = null;
  private tags: ChunkedCells | null = null;
  private readonly odd = new Odd();
  private rows = 0;

  constructor(private readonly codec?: ValueCodec) {}

  get(row: number): SfValue {
    const ints = this.ints;
    if (ints !== null) {
      const cell = ints.get(row);
      if (cell > INT_ODD) {
        const n = this.numberOf(cell);
        return this.codec ? this.codec.decode(n) : n;
      }
      return cell === INT_ODD ? this.odd.get(row) : null;
    }
    const tag = (this.tags as ChunkedCells).get(row);
    if (tag === NUM) {
      const n = (this.values as ChunkedCells).get(row);
      return this.codec ? this.codec.decode(n) : n;
    }
    return tag === ODD ? this.odd.get(row) : null;
  }

  set(row: number, value: SfValue): void {
    if (row >= this.rows) this.rows = row + 1;
    const n = this.codec ? this.codec.encode(value) : typeof value === 'number' ? value : Number.NaN;
    const number = value !== null && !Number.isNaN(n);
    const ints = this.ints;
    if (ints !== null) {
      if (this.odd.any && ints.get(row) === INT_ODD) this.odd.drop(row);
      if (!number) {
        if (value === null) ints.set(row, INT_NULL);
        else {
          ints.set(row, INT_ODD);
          this.odd.put(row, ownCopy(value));
        }
        return;
      }
      let cell = this.cellOf(n);
      if (cell < 0 && this.toHundredths()) cell = this.cellOf(n);
      if (cell >= 0) {
        ints.set(row, cell);
        return;
      }
      this.toDoubles();
    }
    const tags = this.tags as ChunkedCells;
    if (this.odd.any && tags.get(row) === ODD) this.odd.drop(row);
    if (number) {
      (this.values as ChunkedCells).set(row, n);
      tags.set(row, NUM);
    } else if (value === null) tags.set(row, NULL);
    else {
      tags.set(row, ODD);
      this.odd.put(row, ownCopy(value));
    }
  }

  fill(from: number, to: number, value: SfValue): void {
    for (let row = from; row < to; row += 1) this.set(row, value);
  }

  /** The number a whole-number cell holds. */
  private numberOf(cell: number): number {
    const q = cell - BIAS;
    return this.hundredths ? q / 100 : this.base + q * this.unit;
  }

  /** The whole-number cell of `n`, or -1 when it has none. */
  private cellOf(n: number): number {
    if (Number.isNaN(this.base)) {
      if (!Number.isSafeInteger(n)) {
        // Amounts with cents count hundredths from 0.
        this.base = 0;
        this.hundredths = true;
      } else {
        // Small numbers count from 0; large ones (milliseconds, record numbers) from the first.
        this.unit = Math.abs(n) > INT_MAX && n % 1000 === 0 ? 1000 : 1;
        this.base = Math.abs(n) > INT_MAX ? n : 0;
      }
    }
    const q = this.hundredths ? Math.round(n * 100) : (n - this.base) / this.unit;
    if (!Number.isInteger(q) || q < INT_MIN || q > INT_MAX) return -1;
    const cell = q + BIAS;
    return Object.is(this.numberOf(cell), n) ? cell : -1;
  }

  /**
   * Whole numbers counted from 0 turned into hundredths (the first amount with cents), when every
   * row's number still fits; false otherwise.
   */
  private toHundredths(): boolean {
    if (this.hundredths || this.base !== 0 || this.unit !== 1) return false;
    const ints = this.ints as ChunkedCells;
    for (let row = 0; row < this.rows; row += 1) {
      const cell = ints.get(row);
      if (cell > INT_ODD && Math.abs((cell - BIAS) * 100) > INT_MAX) return false;
    }
    for (let row = 0; row < this.rows; row += 1) {
      const cell = ints.get(row);
      if (cell > INT_ODD) ints.set(row, (cell - BIAS) * 100 + BIAS);
    }
    this.hundredths = true;
    return true;
  }

  /** Every row's value as a double and a tag (odd values stay where they are). */
  private toDoubles(): void {
    const ints = this.ints as ChunkedCells;
    const values = new ChunkedCells(Float64Array, 0);
    const tags = new ChunkedCells(Uint8Array, NULL);
    for (let row = 0; row < this.rows; row += 1) {
      const cell = ints.get(row);
      if (cell === INT_ODD) tags.set(row, ODD);
      else if (cell !== INT_NULL) {
        values.set(row, this.numberOf(cell));
        tags.set(row, NUM);
      }
    }
    this.values = values;
    this.tags = tags;
    this.ints = null;
  }

  clear(): void {
    this.ints = new ChunkedCells(Uint32Array, INT_NULL);
    this.base = Number.NaN;
    this.unit = 1;
    this.hundredths = false;
    this.values = null;
    this.tags = null;
    this.odd.clear();
    this.rows = 0;
  }

  get bytes(): number {
    const cells = (this.ints?.bytes ?? 0) + (this.values?.bytes ?? 0) + (this.tags?.bytes ?? 0);
    return cells + this.odd.bytes;
  }
}

/** boolean: 0 false, 1 true, 2 null, 3 some other value. */
export class BooleanColumn implements Column {
  private readonly codes = new ChunkedCells(Uint8Array, 2);
  private readonly odd = new Odd();

  get(row: number): SfValue {
    const code = this.codes.get(row);
    if (code === 0) return false;
    if (code === 1) return true;
    return code === 3 ? this.odd.get(row) : null;
  }

  set(row: number, value: SfValue): void {
    if (this.odd.any && this.codes.get(row) === 3) this.odd.drop(row);
    if (typeof value === 'boolean') this.codes.set(row, value ? 1 : 0);
    else if (value === null) this.codes.set(row, 2);
    else {
      this.codes.set(row, 3);
      this.odd.put(row, value);
    }
  }

  fill(from: number, to: number, value: SfValue): void {
    if (this.odd.any || typeof value !== 'boolean')
      for (let row = from; row < to; row += 1) this.set(row, value);
    else this.codes.fillRange(from, to, value ? 1 : 0);
  }

  clear(): void {
    this.codes.clear();
    this.odd.clear();
  }

  get bytes(): number {
    return this.codes.bytes + this.odd.bytes;
  }
}

/** Past this many distinct values (and more than one per two rows) a dictionary stops paying. */
const DICTIONARY_LIMIT = 1 << 16;

/**
 * Interned values: each row holds a code into one shared copy of its value, so a million records
 * with the same timestamp, picklist value or parent Id hold that string once. A column whose values
 * turn out to be mostly distinct falls back to numbers when its field has a codec (dates, datetimes,
 * lookups: value-codecs.ts), else to one plain reference per row.
 */
export class DictionaryColumn implements Column {
  private codes: ChunkedCells | null = new ChunkedCells(Uint8Array, 0);
  private dict: SfValue[] = [null];
  private codeOf = new Map<SfValue, number>();
  private plain: SfValue[] | null = null;
  private numbers: NumberColumn | null = null;
  private rows = 0;
  /** The value last coded and its code (undefined: none). */
  private lastValue: SfValue | undefined = undefined;
  private lastCode = 0;

  constructor(private readonly codec?: ValueCodec) {}

  get(row: number): SfValue {
    if (this.numbers) return this.numbers.get(row);
    if (this.plain) return this.plain[row] ?? null;
    return this.dict[(this.codes as ChunkedCells).get(row)] ?? null;
  }

  set(row: number, value: SfValue): void {
    if (row >= this.rows) this.rows = row + 1;
    if (this.numbers) {
      this.numbers.set(row, value);
      return;
    }
    if (this.plain) {
      while (this.plain.length < row) this.plain.push(null);
      this.plain[row] = ownCopy(value);
      return;
    }
    // Runs of one value (a batch's audit stamps and owner) skip the dictionary look-up.
    let code = value === this.lastValue ? this.lastCode : value === null ? 0 : this.codeOf.get(value);
    if (code === undefined) {
      code = this.dict.length;
      if (code > DICTIONARY_LIMIT && code * 2 > this.rows) {
        this.toPlain();
        this.set(row, value);
        return;
      }
      if (code === 256) this.codes = (this.codes as ChunkedCells).widen(Uint16Array);
      else if (code === 65_536) this.codes = (this.codes as ChunkedCells).widen(Uint32Array);
      const own = ownCopy(value);
      this.dict.push(own);
      this.codeOf.set(own, code);
    }
    (this.codes as ChunkedCells).set(row, code);
    // The dictionary's own copy: `value` may be a slice that would keep a whole Bulk upload alive.
    this.lastValue = this.dict[code] ?? null;
    this.lastCode = code;
  }

  fill(from: number, to: number, value: SfValue): void {
    if (from >= to) return;
    // The first row codes the value (the dictionary may grow, widen or give way); the others take its code.
    this.set(from, value);
    const codes = this.codes;
    if (codes === null || this.lastValue !== value) {
      for (let row = from + 1; row < to; row += 1) this.set(row, value);
      return;
    }
    codes.fillRange(from + 1, to, this.lastCode);
    if (to > this.rows) this.rows = to;
  }

  private toPlain(): void {
    const codes = this.codes as ChunkedCells;
    if (this.codec) {
      const numbers = new NumberColumn(this.codec);
      for (let row = 0; row < this.rows; row += 1) numbers.set(row, this.dict[codes.get(row)] ?? null);
      this.numbers = numbers;
    } else {
      const plain: SfValue[] = [];
      for (let row = 0; row < this.rows; row += 1) plain.push(this.dict[codes.get(row)] ?? null);
      this.plain = plain;
    }
    this.codes = null;
    this.dict = [null];
    this.codeOf = new Map();
    this.lastValue = undefined;
  }

  get bytes(): number {
    if (this.numbers) return this.numbers.bytes;
    let sum = this.codes?.bytes ?? 0;
    // A dictionary entry: the value, its slot in `dict` and its Map entry.
    for (const value of this.dict) sum += heapBytes(value) + 32;
    for (const value of this.plain ?? []) sum += heapBytes(value);
    return sum;
  }

  clear(): void {
    this.codes = new ChunkedCells(Uint8Array, 0);
    this.dict = [null];
    this.codeOf = new Map();
    this.plain = null;
    this.numbers = null;
    this.rows = 0;
    this.lastValue = undefined;
  }
}
