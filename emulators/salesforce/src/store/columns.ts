import { ownCopy } from './own-copy.js';
import type { SfValue } from './sf-error.js';

// Column storage of one field over the rows of a table (see packed-rows.ts). Numbers and booleans
// live in typed arrays, low-cardinality values (picklists, dates, audit stamps, lookups) as codes
// into an interned dictionary. Any value a column's encoding cannot hold (a seed that puts text in
// a number field) is kept as is in a side map, so a column never changes what was stored.

export interface Column {
  get(row: number): SfValue;
  set(row: number, value: SfValue): void;
  clear(): void;
}

/** The capacity for `row`: doubling, so appending rows copies each cell a bounded number of times. */
const capacityFor = (length: number, row: number): number => {
  let n = Math.max(1024, length);
  while (n <= row) n *= 2;
  return n;
};

function growFloat64(array: Float64Array, row: number): Float64Array {
  const next = new Float64Array(capacityFor(array.length, row));
  next.set(array);
  return next;
}

function growUint8(array: Uint8Array, row: number, fill: number): Uint8Array {
  const next = new Uint8Array(capacityFor(array.length, row)).fill(fill);
  next.set(array);
  return next;
}

function growUint32(array: Uint32Array, row: number): Uint32Array {
  const next = new Uint32Array(capacityFor(array.length, row));
  next.set(array);
  return next;
}

/** Values the typed encoding cannot represent, by row. */
class Odd {
  private map: Map<number, SfValue> | null = null;
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
}

const NUM = 0;
const NULL = 1;
const ODD = 2;

/** double / currency / percent / int. */
export class NumberColumn implements Column {
  private values: Float64Array = new Float64Array(0);
  private tags: Uint8Array = new Uint8Array(0);
  private readonly odd = new Odd();

  get(row: number): SfValue {
    const tag = this.tags[row];
    if (tag === NUM) return this.values[row] as number;
    return tag === ODD ? this.odd.get(row) : null;
  }

  set(row: number, value: SfValue): void {
    if (row >= this.values.length) this.values = growFloat64(this.values, row);
    if (row >= this.tags.length) this.tags = growUint8(this.tags, row, NULL);
    if (this.tags[row] === ODD) this.odd.drop(row);
    if (typeof value === 'number') {
      this.values[row] = value;
      this.tags[row] = NUM;
    } else if (value === null) this.tags[row] = NULL;
    else {
      this.tags[row] = ODD;
      this.odd.put(row, value);
    }
  }

  clear(): void {
    this.values = new Float64Array(0);
    this.tags = new Uint8Array(0);
    this.odd.clear();
  }
}

/** boolean: 0 false, 1 true, 2 null, 3 some other value. */
export class BooleanColumn implements Column {
  private codes: Uint8Array = new Uint8Array(0);
  private readonly odd = new Odd();

  get(row: number): SfValue {
    const code = this.codes[row];
    if (code === 0) return false;
    if (code === 1) return true;
    return code === 3 ? this.odd.get(row) : null;
  }

  set(row: number, value: SfValue): void {
    if (row >= this.codes.length) this.codes = growUint8(this.codes, row, 2);
    if (this.codes[row] === 3) this.odd.drop(row);
    if (typeof value === 'boolean') this.codes[row] = value ? 1 : 0;
    else if (value === null) this.codes[row] = 2;
    else {
      this.codes[row] = 3;
      this.odd.put(row, value);
    }
  }

  clear(): void {
    this.codes = new Uint8Array(0);
    this.odd.clear();
  }
}

/** Past this many distinct values (and more than one per two rows) a dictionary stops paying. */
const DICTIONARY_LIMIT = 1 << 16;

/**
 * Interned values: each row holds a code into one shared copy of its value, so a million records
 * with the same timestamp, picklist value or parent Id hold that string once. A column whose values
 * turn out to be mostly distinct falls back to one plain reference per row.
 */
export class DictionaryColumn implements Column {
  private codes: Uint32Array | null = new Uint32Array(0);
  private dict: SfValue[] = [null];
  private codeOf = new Map<SfValue, number>();
  private plain: SfValue[] | null = null;
  private rows = 0;

  get(row: number): SfValue {
    if (this.plain) return this.plain[row] ?? null;
    return this.dict[(this.codes as Uint32Array)[row] ?? 0] ?? null;
  }

  set(row: number, value: SfValue): void {
    if (row >= this.rows) this.rows = row + 1;
    if (this.plain) {
      while (this.plain.length < row) this.plain.push(null);
      this.plain[row] = ownCopy(value);
      return;
    }
    let code = value === null ? 0 : this.codeOf.get(value);
    if (code === undefined) {
      code = this.dict.length;
      if (code > DICTIONARY_LIMIT && code * 2 > this.rows) {
        this.toPlain();
        this.set(row, value);
        return;
      }
      const own = ownCopy(value);
      this.dict.push(own);
      this.codeOf.set(own, code);
    }
    let codes = this.codes as Uint32Array;
    if (row >= codes.length) this.codes = codes = growUint32(codes, row);
    codes[row] = code;
  }

  private toPlain(): void {
    const codes = this.codes as Uint32Array;
    const plain: SfValue[] = [];
    for (let row = 0; row < this.rows; row += 1) plain.push(this.dict[codes[row] ?? 0] ?? null);
    this.plain = plain;
    this.codes = null;
    this.dict = [null];
    this.codeOf = new Map();
  }

  clear(): void {
    this.codes = new Uint32Array(0);
    this.dict = [null];
    this.codeOf = new Map();
    this.plain = null;
    this.rows = 0;
  }
}
