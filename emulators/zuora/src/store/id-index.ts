// Row of a record by its Id. A Map from 14 million id strings would cost more than the records
// themselves, so packed ids (columns.ts) are found through an open-addressing table of row numbers
// hashed from the id's words and checked against the Id column; an id that is not 32 hex digits (a
// test's own id) goes through a plain map.
import { parseHex, type HexColumn } from './columns.js';

const EMPTY = 0;
/** The words of the id being looked up (one lookup at a time: no allocation per lookup). */
const scratch = new Uint32Array(4);
const wordsOf = (id: string): Uint32Array | undefined => (parseHex(id, scratch) ? scratch : undefined);
const TOMBSTONE = -1;

function hashOf(w: Uint32Array): number {
  let h = Math.imul((w[3] ?? 0) ^ 0x9e3779b9, 0x85ebca6b);
  h = Math.imul(h ^ (w[2] ?? 0) ^ (h >>> 13), 0xc2b2ae35);
  h = Math.imul(h ^ (w[1] ?? 0) ^ (h >>> 16), 0x27d4eb2f);
  h ^= (w[0] ?? 0) ^ (h >>> 15);
  return h >>> 0;
}

export class IdIndex {
  /** row + 1, EMPTY or TOMBSTONE. */
  private slots = new Int32Array(1024);
  private used = 0;
  private readonly others = new Map<string, number>();

  constructor(private readonly ids: () => HexColumn) {}

  find(id: string): number | undefined {
    const words = wordsOf(id);
    if (words === undefined) return this.others.get(id);
    const mask = this.slots.length - 1;
    const column = this.ids();
    for (let i = hashOf(words) & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i] ?? EMPTY;
      if (slot === EMPTY) return undefined;
      if (slot > 0 && column.holds(slot - 1, words)) return slot - 1;
    }
  }

  /** Records the row of an id not in the index. */
  add(id: string, row: number): void {
    const words = wordsOf(id);
    if (words === undefined) {
      this.others.set(id, row);
      return;
    }
    if ((this.used + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    this.place(words, row);
  }

  remove(id: string): void {
    const words = wordsOf(id);
    if (words === undefined) {
      this.others.delete(id);
      return;
    }
    const mask = this.slots.length - 1;
    const column = this.ids();
    for (let i = hashOf(words) & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i] ?? EMPTY;
      if (slot === EMPTY) return;
      if (slot > 0 && column.holds(slot - 1, words)) {
        this.slots[i] = TOMBSTONE;
        return;
      }
    }
  }

  private place(words: Uint32Array, row: number): void {
    const mask = this.slots.length - 1;
    let i = hashOf(words) & mask;
    while ((this.slots[i] ?? EMPTY) > 0) i = (i + 1) & mask;
    if (this.slots[i] === EMPTY) this.used += 1;
    this.slots[i] = row + 1;
  }

  /** A larger table with the live rows only (tombstones dropped). */
  private rehash(size: number): void {
    const old = this.slots;
    this.slots = new Int32Array(size);
    this.used = 0;
    const column = this.ids();
    for (const slot of old) {
      if (slot <= 0) continue;
      const words = column.wordsAt(slot - 1);
      if (words !== undefined) this.place(words, slot - 1);
    }
  }
}
