// Key -> record number for one unique or external-ID index (unique-index.ts), held in typed arrays:
// open addressing with linear probing over slots of (hash, key bytes position, key length, number),
// the keys' Latin-1 bytes in shared buffers (a 32-character hex key as its 16 bytes). A Map<string, number> cost a key string, an entry and
// its share of the table, 100-140 bytes a key on the heap, and millions of objects for the garbage
// collector to mark; this costs 14 bytes a slot (at most 70% used) plus the key's bytes, and no heap object. Removed keys leave a
// tombstone; growing (or too many tombstones) rebuilds the slots, where the key bytes stay unless the
// removed keys' bytes outweigh the live ones (then the live keys' bytes are copied to new buffers).

const EMPTY = -1;
const TOMBSTONE = -2;
const MAX_BUFFER = 4 * 1024 * 1024;
/** Positions are 32-bit: at most this many key buffers (4 GB of keys). */
const MAX_BUFFERS = 2 ** 32 / MAX_BUFFER;
/** A length with this bit: a 32-character lower-case hex key (Zuora's Ids) kept as its 16 bytes. */
const HEX = 0x8000;
const HEX_LENGTH = 32;
/** Int32 cells per slot of KeyTable.probe: record number, hash, key bytes' position. */
const STRIDE = 3;

function nibble(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** A character as toLowerCase turns an ASCII one, with `fold`. */
function folded(c: number, fold: boolean): number {
  return fold && c >= 65 && c <= 90 ? c + 32 : c;
}

function isHex(key: string): boolean {
  if (key.length !== HEX_LENGTH) return false;
  for (let i = 0; i < HEX_LENGTH; i += 1) if (nibble(key.charCodeAt(i)) < 0) return false;
  return true;
}

function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i += 1) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const EMPTY_HASH = hashOf('');

/** getRange of a text with a character beyond ASCII: only its string (lower-cased) can be looked up. */
export const NOT_ASCII = -2;

export class KeyTable {
  /**
   * Per slot, side by side from STRIDE * slot: its record number (EMPTY or TOMBSTONE), its key's hash and its key
   * bytes' position (buffer index * MAX_BUFFER + offset; both as int32s), so a probe reads one cache line, not one in each of three arrays (a look-up
   * that misses, as every new key's does, probes a few slots of a table of millions: each line read is a cache
   * miss, as is each line an add writes).
   */
  private probe = new Int32Array(0);
  /** Slots in `probe` (a power of two, or 0). */
  private capacity = 0;
  /** Bytes of the key, | HEX for a hex key. */
  private lengths = new Uint16Array(0);
  private buffers: Buffer[] = [];
  private free = 0;
  private used = 0;
  private tombstones = 0;
  /** Bytes of the live keys and of the removed keys left in the buffers. */
  private liveBytes = 0;
  private deadBytes = 0;

  get size(): number {
    return this.used;
  }

  /**
   * The key of the last look-up that missed, and its hash: the add after a miss (upserts, unique
   * checks) hashes once. Let go on the add or the next hit: a key cut from a Bulk upload is a slice
   * that keeps the whole upload alive.
   */
  private lastKey = '';
  private lastHash = EMPTY_HASH;

  /**
   * The range of the last getRange that missed (its source, bounds, folding), its hash and whether it is a hex
   * key: tryAddRange of the same range (an upsert's new key) reads its characters once more to copy them, not
   * twice. Let go as `lastKey` is (the source is a whole Bulk upload).
   */
  private rangeSrc = '';
  private rangeStart = 0;
  private rangeEnd = 0;
  private rangeFold = false;
  private rangeHash = 0;
  /** Whether the text rangeHashOf last read is a hex key (32 lower-case hex digits once folded). */
  private rangeHex = false;

  private forget(): void {
    this.lastKey = '';
    this.lastHash = EMPTY_HASH;
    this.rangeSrc = '';
  }

  /** Lets go of the last missed key and range (a caller done with its upload). */
  letGo(): void {
    this.forget();
  }

  private hash(key: string): number {
    if (key !== this.lastKey) {
      this.lastKey = key;
      this.lastHash = hashOf(key);
    }
    return this.lastHash;
  }

  /** The record number held for `key` (Latin-1), or -1. */
  get(key: string): number {
    const slot = this.find(key, this.hash(key));
    if (slot < 0) return -1;
    this.forget();
    return this.probe[STRIDE * slot] as number;
  }

  /**
   * `get` of the key `src[start, end)` (with `fold`, lower-cased as toLowerCase does ASCII), without
   * cutting it into a string: the record number, -1, or NOT_ASCII (the text has a character above U+007F).
   */
  getRange(src: string, start: number, end: number, fold: boolean): number {
    const hash = this.rangeHashOf(src, start, end, fold);
    if (hash < 0) return NOT_ASCII;
    const probe = this.probe;
    const mask = this.capacity - 1;
    const h = hash | 0;
    for (let slot = hash & mask; mask >= 0; slot = (slot + 1) & mask) {
      const ref = probe[STRIDE * slot] as number;
      if (ref === EMPTY) break;
      if (ref >= 0 && probe[STRIDE * slot + 1] === h && this.equalsRange(slot, src, start, end, fold)) {
        this.forget();
        return ref;
      }
    }
    this.rangeSrc = src;
    this.rangeStart = start;
    this.rangeEnd = end;
    this.rangeFold = fold;
    this.rangeHash = hash;
    return -1;
  }

  /**
   * hashOf the text `src[start, end)` (with `fold`, lower-cased as toLowerCase does ASCII), or -1 when it has a
   * character above U+007F; sets rangeHex.
   */
  private rangeHashOf(src: string, start: number, end: number, fold: boolean): number {
    let h = 0x811c9dc5;
    let hex = end - start === HEX_LENGTH;
    for (let i = start; i < end; i += 1) {
      let c = src.charCodeAt(i);
      if (c > 127) return -1;
      if (fold && c >= 65 && c <= 90) c += 32;
      if (hex && nibble(c) < 0) hex = false;
      h = Math.imul(h ^ c, 0x01000193);
    }
    this.rangeHex = hex;
    return h >>> 0;
  }

  private equalsRange(slot: number, src: string, from: number, to: number, fold: boolean): boolean {
    const length = this.lengths[slot] as number;
    const hex = (length & HEX) !== 0;
    if (hex ? to - from !== HEX_LENGTH : length !== to - from) return false;
    const position = (this.probe[STRIDE * slot + 2] as number) >>> 0;
    const buffer = this.buffers[Math.floor(position / MAX_BUFFER)] as Buffer;
    const start = position % MAX_BUFFER;
    // No closure over the characters: one made per call (and, under tsx, named by a property write) cost
    // more than the comparison itself on an update's look-up.
    if (hex) {
      for (let i = 0; i < HEX_LENGTH / 2; i += 1) {
        const high = nibble(folded(src.charCodeAt(from + 2 * i), fold));
        const low = nibble(folded(src.charCodeAt(from + 2 * i + 1), fold));
        if (high < 0 || low < 0 || buffer[start + i] !== ((high << 4) | low)) return false;
      }
      return true;
    }
    for (let i = 0; i < length; i += 1)
      if (buffer[start + i] !== folded(src.charCodeAt(from + i), fold)) return false;
    return true;
  }

  /** Holds `ref` for a key not in the table. */
  add(key: string, ref: number): void {
    if (!this.tryAdd(key, ref)) throw new Error('KeyTable: a key beyond Latin-1');
  }

  /**
   * `add` of a Latin-1 key; false (nothing held) for a key with a character above U+00FF, of 32,768
   * characters or more, or past 4 GB of keys.
   */
  tryAdd(key: string, ref: number): boolean {
    if ((this.used + this.tombstones + 1) * 10 > this.capacity * 7) this.rebuild();
    const hash = this.hash(key);
    this.forget();
    if (key.length >= HEX) return false;
    const hex = isHex(key);
    const position = hex ? this.writeHex(key) : this.write(key);
    if (position < 0) return false;
    this.slot(hash, ref, position, hex ? (HEX_LENGTH / 2) | HEX : key.length);
    this.used += 1;
    return true;
  }

  /**
   * `tryAdd` of the key `src[start, end)` (with `fold`, lower-cased as toLowerCase does ASCII) without cutting
   * it into a string; false (nothing held) for a text with a character above U+007F or of 32,768 characters or
   * more (the caller then adds its string), or past 4 GB of keys.
   */
  tryAddRange(src: string, start: number, end: number, fold: boolean, ref: number): boolean {
    const length = end - start;
    if (length >= HEX) return false;
    // A range getRange just missed: its characters are ASCII, its hash (and rangeHex) known.
    const missed =
      src === this.rangeSrc &&
      start === this.rangeStart &&
      end === this.rangeEnd &&
      fold === this.rangeFold &&
      src !== '';
    const h = missed ? this.rangeHash : this.rangeHashOf(src, start, end, fold);
    if (h < 0) return false;
    const hex = this.rangeHex;
    if ((this.used + this.tombstones + 1) * 10 > this.capacity * 7) this.rebuild();
    this.forget();
    const buffer = this.room(hex ? HEX_LENGTH / 2 : length);
    if (buffer === null) return false;
    const at = this.free;
    // The folded characters as the hash read them: no string, no closure.
    if (hex) {
      for (let i = 0; i < HEX_LENGTH / 2; i += 1) {
        const high = src.charCodeAt(start + 2 * i);
        const low = src.charCodeAt(start + 2 * i + 1);
        buffer[at + i] = (nibble(folded(high, fold)) << 4) | nibble(folded(low, fold));
      }
    } else if (fold) {
      for (let i = 0; i < length; i += 1) {
        buffer[at + i] = folded(src.charCodeAt(start + i), true);
      }
    } else for (let i = 0; i < length; i += 1) buffer[at + i] = src.charCodeAt(start + i);
    const position = this.took(hex ? HEX_LENGTH / 2 : length);
    this.slot(h, ref, position, hex ? (HEX_LENGTH / 2) | HEX : length);
    this.used += 1;
    return true;
  }

  /** Drops `key`; returns the record number it held, or -1. */
  remove(key: string): number {
    const slot = this.find(key, hashOf(key));
    if (slot < 0) return -1;
    const ref = this.probe[STRIDE * slot] as number;
    const bytes = (this.lengths[slot] as number) & ~HEX;
    this.probe[STRIDE * slot] = TOMBSTONE;
    this.used -= 1;
    this.tombstones += 1;
    this.liveBytes -= bytes;
    this.deadBytes += bytes;
    return ref;
  }

  private find(key: string, hash: number): number {
    const probe = this.probe;
    const mask = this.capacity - 1;
    if (mask < 0) return -1;
    const h = hash | 0;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const ref = probe[STRIDE * slot] as number;
      if (ref === EMPTY) return -1;
      if (ref >= 0 && probe[STRIDE * slot + 1] === h && this.equals(slot, key)) return slot;
    }
  }

  private equals(slot: number, key: string): boolean {
    const length = this.lengths[slot] as number;
    const hex = (length & HEX) !== 0;
    if (hex ? key.length !== HEX_LENGTH : length !== key.length) return false;
    const position = (this.probe[STRIDE * slot + 2] as number) >>> 0;
    const buffer = this.buffers[Math.floor(position / MAX_BUFFER)] as Buffer;
    const start = position % MAX_BUFFER;
    if (hex) {
      for (let i = 0; i < HEX_LENGTH / 2; i += 1) {
        const high = nibble(key.charCodeAt(2 * i));
        const low = nibble(key.charCodeAt(2 * i + 1));
        if (high < 0 || low < 0 || buffer[start + i] !== ((high << 4) | low)) return false;
      }
      return true;
    }
    for (let i = 0; i < key.length; i += 1) if (buffer[start + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  /** A buffer with `length` bytes free from `this.free`, or null past 4 GB of keys. */
  private room(length: number): Buffer | null {
    let buffer = this.buffers[this.buffers.length - 1];
    if (buffer === undefined || buffer.length - this.free < length) {
      if (this.buffers.length >= MAX_BUFFERS) return null;
      const size = Math.min(MAX_BUFFER, Math.max(4096, (buffer?.length ?? 0) * 2));
      buffer = Buffer.allocUnsafeSlow(Math.max(size, length));
      this.buffers.push(buffer);
      this.free = 0;
    }
    return buffer;
  }

  /** Takes the `length` bytes just written at `this.free`; their position. */
  private took(length: number): number {
    const start = this.free;
    this.free += length;
    this.liveBytes += length;
    return (this.buffers.length - 1) * MAX_BUFFER + start;
  }

  /** Writes the key's bytes to the buffers; their position, or -1 (nothing kept) for a key beyond Latin-1. */
  private write(key: string): number {
    const buffer = this.room(key.length);
    if (buffer === null) return -1;
    // Byte by byte: keys are short, and a native write a key cost more than the loop.
    const start = this.free;
    for (let i = 0; i < key.length; i += 1) {
      const c = key.charCodeAt(i);
      if (c > 255) return -1;
      buffer[start + i] = c;
    }
    return this.took(key.length);
  }

  /** Writes a hex key as its 16 bytes; their position, or -1. */
  private writeHex(key: string): number {
    const buffer = this.room(HEX_LENGTH / 2);
    if (buffer === null) return -1;
    const start = this.free;
    for (let i = 0; i < HEX_LENGTH / 2; i += 1)
      buffer[start + i] = (nibble(key.charCodeAt(2 * i)) << 4) | nibble(key.charCodeAt(2 * i + 1));
    return this.took(HEX_LENGTH / 2);
  }

  /** Copies stored key bytes (compaction); their new position. */
  private copy(from: Buffer, start: number, length: number): number {
    const buffer = this.room(length) as Buffer;
    from.copy(buffer, this.free, start, start + length);
    return this.took(length);
  }

  /** Holds `ref` in the first free slot from the hash's. */
  private slot(hash: number, ref: number, position: number, length: number): void {
    const probe = this.probe;
    const mask = this.capacity - 1;
    let slot = hash & mask;
    while ((probe[STRIDE * slot] as number) >= 0) slot = (slot + 1) & mask;
    if (probe[STRIDE * slot] === TOMBSTONE) this.tombstones -= 1;
    probe[STRIDE * slot] = ref;
    probe[STRIDE * slot + 1] = hash;
    probe[STRIDE * slot + 2] = position;
    this.lengths[slot] = length;
  }

  /** New slots (at least twice the live keys, and 1,024); the key bytes move only to drop removed keys'. */
  private rebuild(): void {
    const { probe, capacity: old, lengths, buffers } = this;
    let capacity = 1024;
    while (capacity < (this.used + 1) * 2) capacity *= 2;
    const fresh = new Int32Array(STRIDE * capacity);
    for (let slot = 0; slot < capacity; slot += 1) fresh[STRIDE * slot] = EMPTY;
    this.probe = fresh;
    this.capacity = capacity;
    this.lengths = new Uint16Array(capacity);
    this.tombstones = 0;
    const compact = this.deadBytes > this.liveBytes;
    if (compact) {
      this.buffers = [];
      this.free = 0;
      this.liveBytes = 0;
      this.deadBytes = 0;
    }
    for (let slot = 0; slot < old; slot += 1) {
      const ref = probe[STRIDE * slot] as number;
      if (ref < 0) continue;
      let position = (probe[STRIDE * slot + 2] as number) >>> 0;
      const length = lengths[slot] as number;
      if (compact) {
        const buffer = buffers[Math.floor(position / MAX_BUFFER)] as Buffer;
        position = this.copy(buffer, position % MAX_BUFFER, length & ~HEX);
      }
      this.slot(probe[STRIDE * slot + 1] as number, ref, position, length);
    }
  }

  /** Bytes of the slots and the key buffers. */
  get bytes(): number {
    const slots = this.probe.byteLength;
    return this.buffers.reduce((sum, buffer) => sum + buffer.length, slots + this.lengths.byteLength);
  }

  clear(): void {
    this.probe = new Int32Array(0);
    this.capacity = 0;
    this.lengths = new Uint16Array(0);
    this.buffers = [];
    this.free = 0;
    this.used = 0;
    this.tombstones = 0;
    this.liveBytes = 0;
    this.deadBytes = 0;
  }
}
