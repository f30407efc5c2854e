import type { Coerced } from '../store/coerce-value.js';
import { ownCopy } from '../store/own-copy.js';

// The coerced value of each distinct text of one upload column (picklists, dates, owners, parent
// keys repeat), found from the cell's characters in the upload: a repeated value costs a hash and a
// compare, no string. Coercion depends on the field and the text only, so a cached result is the result.

const SLOTS = 8192;
const MAX_ENTRIES = 4096;

export class RangeCache<T = Coerced> {
  private keys: Array<string | undefined> = new Array<string | undefined>(SLOTS);
  private readonly hashes = new Int32Array(SLOTS);
  private values: Array<T | undefined> = new Array<T | undefined>(SLOTS);
  private size = 0;
  /** The slot the last miss ended on, for `put`. */
  private slot = 0;
  private hash = 0;

  get(src: string, start: number, end: number): T | undefined {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i += 1) h = Math.imul(h ^ src.charCodeAt(i), 0x01000193);
    const length = end - start;
    for (let slot = h & (SLOTS - 1); ; slot = (slot + 1) & (SLOTS - 1)) {
      const key = this.keys[slot];
      if (key === undefined) {
        this.slot = slot;
        this.hash = h;
        return undefined;
      }
      if (this.hashes[slot] === h && key.length === length && same(key, src, start)) return this.values[slot];
    }
  }

  /** Caches `value` for the text the last `get` missed. */
  put(key: string, value: T): void {
    if (this.size >= MAX_ENTRIES) {
      this.keys = new Array<string | undefined>(SLOTS);
      this.values = new Array<T | undefined>(SLOTS);
      this.size = 0;
      this.slot = this.hash & (SLOTS - 1);
    }
    // A flat copy: a key cut from the upload is a slice of it (own-copy.ts), slower to compare and keeping it alive.
    this.keys[this.slot] = ownCopy(key);
    this.hashes[this.slot] = this.hash;
    this.values[this.slot] = value;
    this.size += 1;
  }
}

function same(key: string, src: string, start: number): boolean {
  for (let i = 0; i < key.length; i += 1) if (key.charCodeAt(i) !== src.charCodeAt(start + i)) return false;
  return true;
}
