import type { FieldDef, ObjectDef } from '../schema/schema-types.js';
import type { RecordStore } from '../store/record-store.js';
import { lookupError, pointsTo } from '../store/resolve-references.js';
import type { SfError } from '../store/sf-error.js';
import type { UniqueIndex } from '../store/unique-index.js';
import type { IngestColumn } from './ingest-columns.js';
import { RangeCache } from './range-cache.js';

// Parents by external ID and lookup targets for one batch of the Bulk column path (fast-insert.ts),
// each distinct value looked up once. A batch only inserts and updates records of its own object,
// without automation, so a parent of another object it found stays the one match, and a record it
// found live stays live; parents of its own object (a new row may be one) are looked up every time,
// and so are a column's parents once they turn out mostly distinct (the cache would only cost).

export class BatchLookups {
  /** Matches by external ID, per upload column, for parents of another object. */
  private readonly parents: Array<Map<string, string[]> | null>;
  /** The same by the key's characters (parentKey), and the keys each has missed. */
  private readonly parentKeys: Array<RangeCache<string[]> | null>;
  private readonly keyMisses: number[];
  /** Per upload column of a parent by external ID: the index of its external ID field (not Id), or null. */
  private readonly indexes: Array<UniqueIndex | null>;
  /** Look-ups per upload column, against which a cache's size tells whether it pays. */
  private readonly reads: number[];
  private readonly live = new Map<FieldDef, Set<string>>();
  /**
   * Per upload column of a parent of another object: the key prefix of the Ids lookupError passes
   * when they are live, or null (a same-object parent, or a field the target's Ids may not fill).
   */
  private readonly foundPrefix: Array<string | null>;

  constructor(
    private readonly store: RecordStore,
    def: ObjectDef,
    private readonly columns: IngestColumn[],
  ) {
    this.parents = columns.map((c) => (c.kind === 'ref' && c.target !== def ? new Map() : null));
    this.parentKeys = columns.map((c) => (c.kind === 'ref' && c.target !== def ? new RangeCache() : null));
    this.keyMisses = columns.map(() => 0);
    this.indexes = columns.map((c) =>
      c.kind === 'ref' && c.extField.name !== 'Id'
        ? (store.table(c.target).indexByField.get(c.extField.name) ?? null)
        : null,
    );
    this.reads = columns.map(() => 0);
    // lookupError's type check of an Id with the target's key prefix, made once per column.
    this.foundPrefix = columns.map((c) =>
      c.kind === 'ref' &&
      c.target !== def &&
      c.field.type === 'reference' &&
      store.schema.byKeyPrefix.get(c.target.keyPrefix) === c.target &&
      pointsTo(c.field, c.target)
        ? c.target.keyPrefix
        : null,
    );
  }

  /** The records of the parent object whose external ID (the ref column `c`'s) is `value`. */
  parent(c: number, value: string | null): string[] {
    const column = this.columns[c] as Extract<IngestColumn, { kind: 'ref' }>;
    const cache = value === null ? null : this.parents[c];
    let hits = cache?.get(value as string);
    if (hits === undefined) {
      hits = this.store.findByExternalId(column.target, column.extField, value);
      if (cache != null) {
        cache.set(value as string, hits);
        // Parents that are mostly distinct (an invoice per item): the map only costs; look each up.
        if (cache.size === 2048 && (this.reads[c] as number) < 4096) this.parents[c] = null;
      }
    }
    this.reads[c] = (this.reads[c] as number) + 1;
    return hits;
  }

  /**
   * `parent(c, src.slice(start, end))` (a key of at least one character) from the key's characters:
   * repeated keys through a cache by the characters, the others in the parent's index by them, so a key
   * is cut into a string only when the index needs it (a character beyond ASCII, a key of several records).
   */
  parentKey(c: number, src: string, start: number, end: number): string[] {
    const cache = this.parentKeys[c] ?? null;
    let hits = cache === null ? undefined : cache.get(src, start, end);
    if (hits === undefined) {
      const index = this.indexes[c] ?? null;
      const found = index === null ? null : index.findRange(src, start, end);
      const column = this.columns[c] as Extract<IngestColumn, { kind: 'ref' }>;
      hits = found ?? this.store.findByExternalId(column.target, column.extField, src.slice(start, end));
      if (cache !== null) {
        cache.put(src.slice(start, end), hits);
        this.keyMisses[c] = (this.keyMisses[c] as number) + 1;
        // Parents that are mostly distinct (an invoice per item): the cache only costs; look each up.
        if (this.keyMisses[c] === 2048 && (this.reads[c] as number) < 4096) this.parentKeys[c] = null;
      }
    }
    this.reads[c] = (this.reads[c] as number) + 1;
    return hits;
  }

  /**
   * lookupError of the parent `id` that `parent(c, ...)` just found (its only match). The index holds
   * live records only (RecordStore adds a record to it on insert and takes it out on delete), and a
   * batch writes records of its own object only, without automation, so a parent of another object it
   * found is live until the batch ends: only the type check is left, answered once per column.
   */
  checkFound(c: number, id: string): SfError | null {
    const prefix = this.foundPrefix[c];
    if (prefix != null && id.startsWith(prefix)) return null;
    return this.check((this.columns[c] as IngestColumn).field, id);
  }

  /** The field and Id `check` last found live: rows in a row mostly name the same one (an owner). */
  private lastField: FieldDef | null = null;
  private lastId = '';

  /** lookupError, remembering the targets found live. */
  check(field: FieldDef, id: string): SfError | null {
    if (id === this.lastId && field === this.lastField) return null;
    let seen = this.live.get(field);
    if (seen?.has(id)) {
      this.lastField = field;
      this.lastId = id;
      return null;
    }
    const error = lookupError(this.store, field, id);
    if (error === null) {
      if (seen === undefined) this.live.set(field, (seen = new Set()));
      seen.add(id);
      this.lastField = field;
      this.lastId = id;
    }
    return error;
  }
}
