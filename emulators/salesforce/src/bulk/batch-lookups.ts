import type { FieldDef, ObjectDef } from '../schema/schema-types.js';
import type { RecordStore } from '../store/record-store.js';
import { lookupError } from '../store/resolve-references.js';
import type { SfError } from '../store/sf-error.js';
import type { IngestColumn } from './ingest-columns.js';

// Parents by external ID and lookup targets for one batch of the Bulk column path (fast-insert.ts),
// each distinct value looked up once. A batch only inserts and updates records of its own object,
// without automation, so a parent of another object it found stays the one match, and a record it
// found live stays live; parents of its own object (a new row may be one) are looked up every time.

export class BatchLookups {
  /** Matches by external ID, per upload column, for parents of another object. */
  private readonly parents: Array<Map<string, string[]> | null>;
  private readonly live = new Map<FieldDef, Set<string>>();

  constructor(
    private readonly store: RecordStore,
    def: ObjectDef,
    private readonly columns: IngestColumn[],
  ) {
    this.parents = columns.map((c) => (c.kind === 'ref' && c.target !== def ? new Map() : null));
  }

  /** The records of the parent object whose external ID (the ref column `c`'s) is `value`. */
  parent(c: number, value: string | null): string[] {
    const column = this.columns[c] as Extract<IngestColumn, { kind: 'ref' }>;
    const cache = value === null ? null : this.parents[c];
    let hits = cache?.get(value as string);
    if (hits === undefined) {
      hits = this.store.findByExternalId(column.target, column.extField, value);
      cache?.set(value as string, hits);
    }
    return hits;
  }

  /** lookupError, remembering the targets found live. */
  check(field: FieldDef, id: string): SfError | null {
    let seen = this.live.get(field);
    if (seen?.has(id)) return null;
    const error = lookupError(this.store, field, id);
    if (error === null) {
      if (seen === undefined) this.live.set(field, (seen = new Set()));
      seen.add(id);
    }
    return error;
  }
}
