import type { FieldDef } from '../schema/schema-types.js';
import type { IdCodec } from './id-codec.js';
import { KeyTable, NOT_ASCII } from './key-table.js';
import { ownCopy } from './own-copy.js';
import type { SfValue } from './sf-error.js';

// Index of one unique or external-ID field. External IDs that are not unique can match several
// records (upsert answers 300 Multiple Choices then), so an entry may hold a list. Generated Ids are
// held as their record numbers (id-codec.ts). A key with one generated Id lives in a typed-array hash
// table (key-table.ts); the rest (several Ids, a client's own Id, non-Latin-1 text) in a Map, keys as
// strings of their own (own-copy.ts). A key is in one of the two, never both.

type Ref = number | string;
export type Entry = Ref | Ref[];

export class UniqueIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly table = new KeyTable();

  constructor(
    readonly field: FieldDef,
    private readonly codec: IdCodec,
  ) {}

  key(value: SfValue): string | null {
    if (value === null || value === '') return null;
    const text = String(value);
    return this.field.caseSensitive ? text : text.toLowerCase();
  }

  private ref(id: string): Ref {
    const n = this.codec.numberOf(id);
    return n >= 0 ? n : ownCopy(id);
  }

  private id(ref: Ref): string {
    return typeof ref === 'number' ? this.codec.idOf(ref) : ref;
  }

  /** What the index holds for a key `key` gave: a record number, an Id, a list of them, or undefined. */
  lookup(key: string): Entry | undefined {
    const n = this.table.size > 0 ? this.table.get(key) : -1;
    return n >= 0 ? n : this.entries.get(key);
  }

  /**
   * `lookup` of the key of the text `src[start, end)` (at least one character; case-folded unless the field
   * is case-sensitive) without cutting it into a string; null when only the string can answer (a character
   * beyond ASCII, or keys held in the map).
   */
  lookupRange(src: string, start: number, end: number): Entry | undefined | null {
    if (this.entries.size > 0) return null;
    if (this.table.size === 0) return undefined;
    const n = this.table.getRange(src, start, end, !this.field.caseSensitive);
    if (n === NOT_ASCII) return null;
    return n >= 0 ? n : undefined;
  }

  /** Lets go of the text the last look-up that missed kept (key-table.ts: a Bulk upload it was read from). */
  letGo(): void {
    this.table.letGo();
  }

  /**
   * `find` of the text `src[start, end)` (at least one character) without cutting it into a string; null
   * when only the string can answer (a character beyond ASCII, or keys held in the map).
   */
  findRange(src: string, start: number, end: number): string[] | null {
    let n = -1;
    if (this.table.size > 0) {
      n = this.table.getRange(src, start, end, !this.field.caseSensitive);
      if (n === NOT_ASCII) return null;
    }
    if (n >= 0) {
      // Rows in a row often name the same parent (an invoice's items): the same answer, the same Id string.
      if (n !== this.lastRangeNumber) {
        this.lastRangeNumber = n;
        this.lastRangeHits = [this.codec.idOf(n)];
      }
      return this.lastRangeHits;
    }
    return this.entries.size === 0 ? [] : null;
  }

  /** findRange's last record number found and its answer (a record number spells one Id for good). */
  private lastRangeNumber = -1;
  private lastRangeHits: string[] = [];

  find(value: SfValue): string[] {
    const key = this.key(value);
    return key === null ? [] : this.findKey(key);
  }

  /** `find` by a key `key` gave. */
  findKey(key: string): string[] {
    const hit = this.lookup(key);
    if (hit === undefined) return [];
    return Array.isArray(hit) ? hit.map((r) => this.id(r)) : [this.id(hit)];
  }

  /** An Id other than `selfId` holding `value`, without allocating when there is none (inserts). */
  other(value: SfValue, selfId: string | null): string | undefined {
    const key = this.key(value);
    const hit = key === null ? undefined : this.lookup(key);
    if (hit === undefined) return undefined;
    const self = selfId === null ? null : this.ref(selfId);
    if (!Array.isArray(hit)) return hit === self ? undefined : this.id(hit);
    const other = hit.find((r) => r !== self);
    return other === undefined ? undefined : this.id(other);
  }

  add(value: SfValue, id: string): void {
    const key = this.key(value);
    if (key === null) return;
    const ref = this.ref(id);
    const hit = this.lookup(key);
    if (hit === undefined) {
      if (typeof ref !== 'number' || !this.table.tryAdd(key, ref)) this.entries.set(ownCopy(key), ref);
    } else if (typeof hit === 'number' && this.table.get(key) === hit) {
      this.table.remove(key);
      this.entries.set(ownCopy(key), [hit, ref]);
    } else this.entries.set(key, Array.isArray(hit) ? [...hit, ref] : [hit, ref]);
  }

  /** `add` of generated record number `n` under a key `key` gave that no record holds yet. */
  addNew(key: string, n: number): void {
    if (!this.table.tryAdd(key, n)) this.entries.set(ownCopy(key), n);
  }

  /**
   * `addNew` of the key of the text `src[start, end)` (as lookupRange reads it, which found no record holding
   * it) without a string; false (nothing added) when only its string can be added.
   */
  addNewRange(src: string, start: number, end: number, n: number): boolean {
    return this.table.tryAddRange(src, start, end, !this.field.caseSensitive, n);
  }

  remove(value: SfValue, id: string): void {
    const key = this.key(value);
    if (key === null) return;
    const ref = this.ref(id);
    if (typeof ref === 'number' && this.table.size > 0 && this.table.get(key) === ref) {
      this.table.remove(key);
      return;
    }
    const hit = this.entries.get(key);
    if (hit === ref) this.entries.delete(key);
    else if (Array.isArray(hit)) {
      const rest = hit.filter((x) => x !== ref);
      if (rest.length === 0) this.entries.delete(key);
      else this.entries.set(key, rest.length === 1 ? (rest[0] as Ref) : rest);
    }
  }

  /** Bytes held, about (Map entries at about 100 bytes with their key). */
  get bytes(): number {
    return this.table.bytes + this.entries.size * 100;
  }

  clear(): void {
    this.entries.clear();
    this.table.clear();
  }
}
