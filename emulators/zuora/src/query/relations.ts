// Parent and child relations between objects, derived from the *Id fields; used by Object Query
// expand[] and by the v1 resources. Child lookups go through the tables' value indexes, kept in step with
// every write (they were an index rebuilt whenever any data had changed: a scan of the table per order).
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

/** Child look-ups, through the tables' value indexes (record-table.ts withValue): live children in insertion order. */
export class ChildIndex {
  constructor(private readonly store: TenantStore) {}

  children(object: ObjectName, field: string, parentId: string): StoredRecord[] {
    return this.store
      .table(object)
      .withValue(field, parentId)
      .filter((stored) => typeof stored.record[field] === 'string');
  }
}
