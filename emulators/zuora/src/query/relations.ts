// Parent and child relations between objects, derived from the *Id fields; used by Object Query
// expand[] and by the v1 resources. Child lookups go through an index rebuilt when data changes.
import {
  objectFields,
  objectNames,
  resolveObjectName,
  type ObjectName,
} from '../model/object-definitions.js';
import type { StoredRecord, TenantStore } from '../store/tenant-store.js';

export interface Relation {
  name: string;
  kind: 'parent' | 'child';
  target: ObjectName;
  field: string;
}

const parentAliases: Record<string, ObjectName> = {
  BillTo: 'Contact',
  SoldTo: 'Contact',
  DefaultPaymentMethod: 'PaymentMethod',
  Parent: 'Account',
  InvoiceOwner: 'Account',
};

const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

export function relationsOf(object: ObjectName): Relation[] {
  const parents: Relation[] = objectFields[object]
    .filter((f) => f.endsWith('Id') && f.length > 2 && f !== 'Id')
    .flatMap((field) => {
      const name = field.slice(0, -2);
      const target = resolveObjectName(name) ?? parentAliases[name];
      return target === undefined ? [] : [{ name: lowerFirst(name), kind: 'parent' as const, target, field }];
    });
  const children: Relation[] = objectNames
    .filter((o) => objectFields[o].includes(`${object}Id`) && o !== object)
    .map((o) => ({ name: `${lowerFirst(o)}s`, kind: 'child' as const, target: o, field: `${object}Id` }));
  return [...parents, ...children];
}

export class ChildIndex {
  private readonly cache = new Map<
    string,
    { seq: number; size: number; index: Map<string, StoredRecord[]> }
  >();

  constructor(private readonly store: TenantStore) {}

  children(object: ObjectName, field: string, parentId: string): StoredRecord[] {
    const key = `${object}.${field}`;
    const table = this.store.table(object);
    let entry = this.cache.get(key);
    if (entry === undefined || entry.seq !== this.store.currentSequence || entry.size !== table.size) {
      const index = new Map<string, StoredRecord[]>();
      for (const stored of table.values()) {
        const p = stored.record[field];
        if (typeof p !== 'string') continue;
        const list = index.get(p);
        if (list) list.push(stored);
        else index.set(p, [stored]);
      }
      entry = { seq: this.store.currentSequence, size: table.size, index };
      this.cache.set(key, entry);
    }
    return entry.index.get(parentId) ?? [];
  }
}
