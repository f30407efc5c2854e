// When several records share a key (subscription versions share a subscription number; one write must not
// carry a key twice) only the newest by UpdatedDate is sent; of equal dates, the first seen. Every record is
// offered before any is asked about, and they are asked about in the order they were offered (the routers
// stage them on disk meanwhile): the newest of a key is kept as its ordinal among the records offered, with a
// hash of its Id to check that order.
// Issue 19: at L the subscriptions' keys held this way took 13 MB as a Map of strings and arrays (about 160
// bytes a key). A key and its newest UpdatedDate are now kept as their characters in pages of bytes (one byte a
// character when all fit in one, else two), the rest in pages of numbers, found through an open-addressing
// table: about 40 bytes plus the characters a key, compared character by character as strings compare.

const pageBits = 12;
const pageSize = 1 << pageBits;
const textPageBytes = 1 << 16;

/** A string's characters in a byte page: where, how many, and whether two bytes each. */
class TextPages {
  readonly #pages: Uint8Array[] = [];
  #free = textPageBytes;

  /** Room for `bytes` bytes: answers its address (page * 2^16 + offset), or a page of its own when larger. */
  alloc(bytes: number): number {
    if (bytes > textPageBytes) {
      // The page after it starts a new one.
      this.#pages.push(new Uint8Array(bytes));
      this.#free = textPageBytes;
      return (this.#pages.length - 1) * textPageBytes;
    }
    if (this.#free + bytes > textPageBytes) {
      this.#pages.push(new Uint8Array(textPageBytes));
      this.#free = 0;
    }
    const at = (this.#pages.length - 1) * textPageBytes + this.#free;
    this.#free += bytes;
    return at;
  }

  write(at: number, text: string, wide: boolean): void {
    const page = this.#pages[Math.floor(at / textPageBytes)] as Uint8Array;
    let o = at % textPageBytes;
    for (let i = 0; i < text.length; i += 1) {
      const c = text.charCodeAt(i);
      page[o] = c & 0xff;
      o += 1;
      if (wide) {
        page[o] = c >>> 8;
        o += 1;
      }
    }
  }

  /** Compares `text` with the stored characters as strings compare: negative, 0 or positive. */
  compare(text: string, at: number, length: number, wide: boolean): number {
    const page = this.#pages[Math.floor(at / textPageBytes)] as Uint8Array;
    const o = at % textPageBytes;
    const n = Math.min(text.length, length);
    for (let i = 0; i < n; i += 1) {
      const stored = wide ? (page[o + 2 * i] ?? 0) | ((page[o + 2 * i + 1] ?? 0) << 8) : (page[o + i] ?? 0);
      const c = text.charCodeAt(i);
      if (c !== stored) return c - stored;
    }
    return text.length - length;
  }
}

/** Whether every character of `text` fits in one byte. */
function narrow(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

/** Numbers per key in pages of `pageSize`, so that growing never copies nor leaves half of an array unused. */
class Column {
  readonly #pages: Int32Array[] = [];

  get(i: number): number {
    return this.#pages[i >>> pageBits]?.[i & (pageSize - 1)] ?? 0;
  }

  set(i: number, value: number): void {
    const p = i >>> pageBits;
    while (this.#pages.length <= p) this.#pages.push(new Int32Array(pageSize));
    (this.#pages[p] as Int32Array)[i & (pageSize - 1)] = value;
  }
}

export class NewestPerKey {
  readonly #text = new TextPages();
  /** Per key: its hash, where its characters are and how many (times two, plus one when two bytes each). */
  readonly #hash = new Column();
  readonly #keyAt = new Column();
  readonly #keyLength = new Column();
  /** Per key: its newest UpdatedDate (where, length as for keys, and the bytes it may grow to in place). */
  readonly #updatedAt = new Column();
  readonly #updatedLength = new Column();
  readonly #updatedRoom = new Column();
  readonly #ordinal = new Column();
  readonly #idHash = new Column();
  /** Key number + 1 at each slot, 0 when free; at most half full. */
  #table = new Int32Array(1 << 10);
  #keys = 0;
  #offered = 0;
  #asked = 0;

  offer(key: string, record: Readonly<Record<string, string>>): void {
    if (key === '') return;
    const ordinal = this.#offered;
    this.#offered += 1;
    const updated = record.UpdatedDate ?? '';
    const hash = fnv31(key);
    const found = this.#find(key, hash);
    if (found < 0) {
      const n = this.#add(key, hash);
      this.#setUpdated(n, updated, true);
      this.#ordinal.set(n, ordinal);
      this.#idHash.set(n, idHash(record.Id ?? ''));
    } else if (this.#compareUpdated(found, updated) > 0) {
      this.#setUpdated(found, updated, false);
      this.#ordinal.set(found, ordinal);
      this.#idHash.set(found, idHash(record.Id ?? ''));
    }
  }

  isNewest(key: string, record: Readonly<Record<string, string>>): boolean {
    if (key === '') return true;
    const ordinal = this.#asked;
    this.#asked += 1;
    const found = this.#find(key, fnv31(key));
    if (found < 0 || this.#ordinal.get(found) !== ordinal) return false;
    if (this.#idHash.get(found) !== idHash(record.Id ?? ''))
      throw new Error(
        `NewestPerKey: record ${String(ordinal)} (${key}) asked about out of the order offered`,
      );
    return true;
  }

  #find(key: string, hash: number): number {
    const mask = this.#table.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = this.#table[slot] ?? 0;
      if (at === 0) return -1;
      const n = at - 1;
      if (this.#hash.get(n) !== hash) continue;
      const length = this.#keyLength.get(n);
      if (length >>> 1 !== key.length) continue;
      if (this.#text.compare(key, this.#keyAt.get(n), length >>> 1, (length & 1) === 1) === 0) return n;
    }
  }

  #add(key: string, hash: number): number {
    const n = this.#keys;
    this.#keys += 1;
    if (this.#keys * 2 > this.#table.length) this.#grow();
    const wide = !narrow(key);
    const at = this.#text.alloc(key.length * (wide ? 2 : 1));
    this.#text.write(at, key, wide);
    this.#hash.set(n, hash);
    this.#keyAt.set(n, at);
    this.#keyLength.set(n, key.length * 2 + (wide ? 1 : 0));
    this.#place(n, hash);
    return n;
  }

  #place(n: number, hash: number): void {
    const mask = this.#table.length - 1;
    let slot = hash & mask;
    while (this.#table[slot] !== 0) slot = (slot + 1) & mask;
    this.#table[slot] = n + 1;
  }

  #grow(): void {
    this.#table = new Int32Array(this.#table.length * 2);
    for (let n = 0; n < this.#keys - 1; n += 1) this.#place(n, this.#hash.get(n));
  }

  #compareUpdated(n: number, updated: string): number {
    const length = this.#updatedLength.get(n);
    return this.#text.compare(updated, this.#updatedAt.get(n), length >>> 1, (length & 1) === 1);
  }

  /** Stores a key's newest UpdatedDate: in place when it fits where the one before was, else anew. */
  #setUpdated(n: number, updated: string, first: boolean): void {
    const wide = !narrow(updated);
    const bytes = updated.length * (wide ? 2 : 1);
    let at = this.#updatedAt.get(n);
    if (first || bytes > this.#updatedRoom.get(n)) {
      at = this.#text.alloc(bytes);
      this.#updatedAt.set(n, at);
      this.#updatedRoom.set(n, bytes);
    }
    this.#text.write(at, updated, wide);
    this.#updatedLength.set(n, updated.length * 2 + (wide ? 1 : 0));
  }
}

/** A 31-bit FNV-1a hash of a string's characters (a small integer, stored unboxed). */
function fnv31(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 1;
}

const idHash = fnv31;
