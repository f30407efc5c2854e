// A set of keys read from the store (open failures a spool part is screened against, turbo/screen-basis.ts),
// held compactly: the keys in one string, and per key its span, its textHash and a mark, found through an
// open-addressing table of key numbers. About 20 bytes and the key's characters a key, where a Set of strings
// and a Set of their hashes cost about 110 bytes for a 32-character Zuora id (issue 19: at L a part's sets
// held over 100,000 keys). The string may be the one the keys were read in (store/held-keys.ts: one aggregate
// of the keys with their lengths between them), so a set read from the store copies none of its keys. A field's
// hash is asked about without decoding it (csv/copy-csv-fields.ts): the hash is the caller's (csv/text-hash.ts,
// a room above this one), at most 30 bits.

/**
 * A key's hash, 0 to 2^30 - 1; with `span`, the hash of the key `text` holds from `from` to `to`, hashed there
 * (as the function hashes the span's slice): the keys of a set are then hashed without a string each.
 */
export interface KeyHash {
  (key: string): number;
  readonly span?: (text: string, from: number, to: number) => number;
}

/** Keys in one text: key i is `text` from `starts[i]` to `ends[i]`, marked when `marks[i]` is 1. */
export interface PackedKeys {
  readonly text: string;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly marks: Uint8Array;
}

export class KeySet {
  readonly size: number;
  readonly #text: string;
  /** Where key i starts and ends in #text. */
  readonly #starts: Int32Array;
  readonly #ends: Int32Array;
  readonly #hashes: Int32Array;
  readonly #marks: Uint8Array;
  /** Key number + 1 at each slot, 0 when free; its size a power of two at least twice the keys. */
  readonly #table: Int32Array;
  readonly #shift: number;
  readonly #hash: KeyHash;

  /**
   * `keys` with `marked(i)` saying whether the i-th is marked, or keys already packed (their arrays are taken
   * over, not copied). A key given twice is kept once, marked if either was.
   */
  constructor(
    keys: readonly string[] | PackedKeys,
    hash: KeyHash,
    marked: (i: number) => boolean = () => false,
  ) {
    const packed = 'text' in keys ? keys : pack(keys, marked);
    const count = packed.starts.length;
    this.#hash = hash;
    let bits = 3;
    while (1 << bits < count * 2) bits += 1;
    this.#shift = 32 - bits;
    this.#table = new Int32Array(1 << bits);
    this.#text = packed.text;
    this.#starts = packed.starts;
    this.#ends = packed.ends;
    this.#marks = packed.marks;
    this.#hashes = new Int32Array(count);
    const text = this.#text;
    const span = hash.span ?? ((_: string, from: number, to: number) => hash(text.slice(from, to)));
    // Each key is moved down to its number among the keys kept (never past a key not yet looked at).
    let n = 0;
    for (let i = 0; i < count; i += 1) {
      const start = this.#starts[i] ?? 0;
      const end = this.#ends[i] ?? 0;
      const keyHash = span(text, start, end);
      // A key is made a string only when its hash is already here (a duplicate, or hashes that are equal).
      const found = this.hasHash(keyHash) ? this.#find(text.slice(start, end), keyHash) : -1;
      if (found >= 0) {
        if (this.#marks[i] === 1) this.#marks[found] = 1;
        continue;
      }
      this.#starts[n] = start;
      this.#ends[n] = end;
      this.#marks[n] = this.#marks[i] ?? 0;
      this.#hashes[n] = keyHash;
      this.#table[this.#slotFree(keyHash)] = n + 1;
      n += 1;
    }
    this.size = n;
  }

  has(key: string): boolean {
    return this.#find(key, this.#hash(key)) >= 0;
  }

  /** Whether `key` is here and marked. */
  marked(key: string): boolean {
    const found = this.#find(key, this.#hash(key));
    return found >= 0 && this.#marks[found] === 1;
  }

  /** Whether a key whose hash is `hash` may be here: false means it is not. */
  hasHash(hash: number): boolean {
    const mask = this.#table.length - 1;
    for (let slot = this.#slot(hash); ; slot = (slot + 1) & mask) {
      const at = this.#table[slot] ?? 0;
      if (at === 0) return false;
      if (this.#hashes[at - 1] === hash) return true;
    }
  }

  /** The number of `key`, or -1. */
  #find(key: string, hash: number): number {
    const mask = this.#table.length - 1;
    for (let slot = this.#slot(hash); ; slot = (slot + 1) & mask) {
      const at = this.#table[slot] ?? 0;
      if (at === 0) return -1;
      const n = at - 1;
      if (this.#hashes[n] !== hash) continue;
      if (this.#equals(n, key)) return n;
    }
  }

  #equals(n: number, key: string): boolean {
    const start = this.#starts[n] ?? 0;
    return (this.#ends[n] ?? 0) - start === key.length && this.#text.startsWith(key, start);
  }

  #slotFree(hash: number): number {
    const mask = this.#table.length - 1;
    let slot = this.#slot(hash);
    while (this.#table[slot] !== 0) slot = (slot + 1) & mask;
    return slot;
  }

  /** Fibonacci hashing of the 30-bit hash onto the table. */
  #slot(hash: number): number {
    return Math.imul(hash, 0x9e3779b1) >>> this.#shift;
  }
}

/** `keys` one after another in one text. */
function pack(keys: readonly string[], marked: (i: number) => boolean): PackedKeys {
  const starts = new Int32Array(keys.length);
  const ends = new Int32Array(keys.length);
  const marks = new Uint8Array(keys.length);
  let end = 0;
  for (let i = 0; i < keys.length; i += 1) {
    starts[i] = end;
    end += (keys[i] ?? '').length;
    ends[i] = end;
    marks[i] = marked(i) ? 1 : 0;
  }
  return { text: keys.join(''), starts, ends, marks };
}

export const emptyKeySet = new KeySet([], () => 0);
