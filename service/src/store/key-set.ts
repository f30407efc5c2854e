// A set of keys read from the store (open failures a spool part is screened against, turbo/screen-basis.ts),
// held compactly: the keys in one string, and per key its end, its textHash and a mark, found through an
// open-addressing table of key numbers. About 16 bytes and the key's characters a key, where a Set of strings
// and a Set of their hashes cost about 110 bytes for a 32-character Zuora id (issue 19: at L a part's sets
// held over 100,000 keys). A field's hash is asked about without decoding it (csv/copy-csv-fields.ts): the hash
// is the caller's (csv/text-hash.ts, a room above this one), at most 30 bits.

/** A key's hash, 0 to 2^30 - 1. */
export type KeyHash = (key: string) => number;

export class KeySet {
  readonly size: number;
  readonly #text: string;
  /** Where key i ends in #text (it starts where key i - 1 ends). */
  readonly #ends: Int32Array;
  readonly #hashes: Int32Array;
  readonly #marks: Uint8Array;
  /** Key number + 1 at each slot, 0 when free; its size a power of two at least twice the keys. */
  readonly #table: Int32Array;
  readonly #shift: number;
  readonly #hash: KeyHash;

  /** `keys` with `marked(i)` saying whether the i-th is marked (a key given twice is kept once). */
  constructor(keys: readonly string[], hash: KeyHash, marked: (i: number) => boolean = () => false) {
    this.#hash = hash;
    let bits = 3;
    while (1 << bits < keys.length * 2) bits += 1;
    this.#shift = 32 - bits;
    this.#table = new Int32Array(1 << bits);
    this.#ends = new Int32Array(keys.length);
    this.#hashes = new Int32Array(keys.length);
    this.#marks = new Uint8Array(keys.length);
    const kept: string[] = [];
    let end = 0;
    for (let i = 0; i < keys.length; i += 1) {
      const key = keys[i] ?? '';
      const keyHash = hash(key);
      const found = this.#find(key, keyHash, kept);
      if (found >= 0) {
        if (marked(i)) this.#marks[found] = 1;
        continue;
      }
      const n = kept.length;
      kept.push(key);
      end += key.length;
      this.#ends[n] = end;
      this.#hashes[n] = keyHash;
      this.#marks[n] = marked(i) ? 1 : 0;
      this.#table[this.#slotFree(keyHash)] = n + 1;
    }
    this.size = kept.length;
    this.#text = kept.join('');
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

  /** The number of `key`, or -1. While building, keys are compared with `kept` (#text is not joined yet). */
  #find(key: string, hash: number, kept?: readonly string[]): number {
    const mask = this.#table.length - 1;
    for (let slot = this.#slot(hash); ; slot = (slot + 1) & mask) {
      const at = this.#table[slot] ?? 0;
      if (at === 0) return -1;
      const n = at - 1;
      if (this.#hashes[n] !== hash) continue;
      if (kept !== undefined ? kept[n] === key : this.#equals(n, key)) return n;
    }
  }

  #equals(n: number, key: string): boolean {
    const start = n === 0 ? 0 : (this.#ends[n - 1] ?? 0);
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

export const emptyKeySet = new KeySet([], () => 0);
