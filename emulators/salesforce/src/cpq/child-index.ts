import type { ObjectDef } from '../schema/schema-types.js';
import type { RecordStore } from '../store/record-store.js';
import type { StoredRecord } from '../store/sf-error.js';

// Parent -> children lookups CPQ automation makes on every order (items of an order, subscriptions of
// a contract), kept by the save hook so a large org is not scanned per order. Entries are only ever
// added: a read checks each candidate is live and still points at the parent, so rolled-back inserts,
// moved children and deletes (whose rollback revives the child) never give a wrong answer.

export class ChildIndex {
  private readonly byKey = new Map<string, Map<string, Set<string>>>();
  private readonly fieldsByObject = new Map<string, string[]>();

  constructor(
    private readonly store: RecordStore,
    pairs: Array<[ObjectDef, string]>,
  ) {
    for (const [def, field] of pairs) {
      this.byKey.set(`${def.name}.${field}`, new Map());
      this.fieldsByObject.set(def.name, [...(this.fieldsByObject.get(def.name) ?? []), field]);
    }
  }

  /** Whether saves of `def` are indexed. */
  watches(def: ObjectDef): boolean {
    return this.fieldsByObject.has(def.name);
  }

  onSave(def: ObjectDef, rec: StoredRecord): void {
    for (const field of this.fieldsByObject.get(def.name) ?? []) {
      const parent = rec[field];
      if (typeof parent !== 'string') continue;
      const map = this.byKey.get(`${def.name}.${field}`) as Map<string, Set<string>>;
      let set = map.get(parent);
      if (!set) map.set(parent, (set = new Set()));
      set.add(String(rec.Id));
    }
  }

  /** The live children, or null when this lookup is not indexed. */
  children(def: ObjectDef, field: string, parentId: string): StoredRecord[] | null {
    const map = this.byKey.get(`${def.name}.${field}`);
    if (!map) return null;
    const live = this.store.table(def).live;
    const out: StoredRecord[] = [];
    for (const id of map.get(parentId) ?? []) {
      const rec = live.get(id);
      if (rec && rec[field] === parentId) out.push(rec);
    }
    return out;
  }

  clear(): void {
    for (const map of this.byKey.values()) map.clear();
  }
}
