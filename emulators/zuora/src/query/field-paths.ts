// Resolves ZOQL field references to getters. Plain fields are the object's own; export ZOQL joins
// (`Account.Name` from InvoiceItem, `BillToContact.City` from Account) follow the *Id fields, as Zuora's
// data sources do: https://knowledgecenter.zuora.com/Zuora_Central_Platform/Reporting/D_Data_Sources_and_Exports
import {
  objectFields,
  objectNames,
  resolveFieldName,
  resolveObjectName,
  type ObjectName,
} from '../model/object-definitions.js';
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import type { RecordTable } from '../store/record-table.js';
import type { TenantStore } from '../store/tenant-store.js';
import { excerpt, QueryError } from './query-error.js';

interface Edge {
  name: string;
  field: string;
  target: ObjectName;
}

const aliases: Record<string, ObjectName> = {
  BillTo: 'Contact',
  SoldTo: 'Contact',
  BillToContact: 'Contact',
  SoldToContact: 'Contact',
  DefaultPaymentMethod: 'PaymentMethod',
  Parent: 'Account',
  InvoiceOwner: 'Account',
  AppliedToInvoiceItem: 'InvoiceItem',
};

const edges = new Map<ObjectName, Edge[]>(
  objectNames.map((o) => [
    o,
    objectFields[o]
      .filter((f) => f.endsWith('Id') && f !== 'Id' && f.length > 2)
      .flatMap((field) => {
        const name = field.slice(0, -2);
        const target = resolveObjectName(name) ?? aliases[name];
        return target === undefined ? [] : [{ name, field, target }];
      }),
  ]),
);

/** The objects directly joined to an object, named as Export ZOQL names them (BillToContact, Account). */
export function directJoins(object: ObjectName): { name: string; target: ObjectName }[] {
  return (edges.get(object) ?? []).map((e) => ({
    name: e.name === 'BillTo' || e.name === 'SoldTo' ? `${e.name}Contact` : e.name,
    target: e.target,
  }));
}

export function findPath(
  base: ObjectName,
  qualifier: string,
): { path: Edge[]; target: ObjectName } | undefined {
  const q = qualifier.toLowerCase();
  let frontier: { object: ObjectName; path: Edge[] }[] = [{ object: base, path: [] }];
  for (let depth = 0; depth < 4; depth += 1) {
    const next: typeof frontier = [];
    for (const node of frontier) {
      for (const edge of edges.get(node.object) ?? []) {
        const path = [...node.path, edge];
        // Export ZOQL names the contact joins BillToContact/SoldToContact though the fields are BillToId/SoldToId.
        const named = edge.name.toLowerCase() === q || `${edge.name}Contact`.toLowerCase() === q;
        if (named || (edge.target.toLowerCase() === q && edge.name === edge.target))
          return { path, target: edge.target };
        next.push({ object: edge.target, path });
      }
    }
    frontier = next;
  }
  return undefined;
}

export type Getter = (record: ZRecord) => FieldValue;

export interface ResolvedField {
  getter: Getter;
  /** `Field` for the object's own fields, `Qualifier.Field` for joined ones (canonical spelling). */
  label: string;
  /** The object holding the field and its canonical name. */
  target: ObjectName;
  field: string;
  /** The join as written (`BillToContact`), null for an own field. */
  qualifier: string | null;
  ownField?: string;
  /** A joined field: the *Id fields followed from the base record and the tables they lead to. */
  join?: JoinPath;
}

export interface JoinPath {
  readonly hops: readonly { readonly field: string; readonly table: RecordTable }[];
  /** The field read from the last hop's record. */
  readonly field: string;
}

export function fieldGetter(
  store: TenantStore,
  base: ObjectName,
  reference: string,
  allowJoins: boolean,
): ResolvedField {
  const dot = reference.lastIndexOf('.');
  const qualifier = dot < 0 ? null : reference.slice(0, dot);
  const name = dot < 0 ? reference : reference.slice(dot + 1);
  if (qualifier === null || qualifier.toLowerCase() === base.toLowerCase()) {
    const field = resolveFieldName(base, name);
    if (field === undefined)
      throw new QueryError('field', `invalid field for query: ${base}.${excerpt(name)}`);
    return {
      getter: (r) => r[field] ?? null,
      label: field,
      target: base,
      field,
      qualifier: null,
      ownField: field,
    };
  }
  if (!allowJoins)
    throw new QueryError(
      'field',
      `invalid field for query: ${base}.${excerpt(reference)} (joined fields need Export ZOQL)`,
    );
  const found = findPath(base, qualifier);
  if (found === undefined)
    throw new QueryError(
      'field',
      `invalid field for query: ${excerpt(reference)} (${excerpt(qualifier)} is not related to ${base})`,
    );
  const field = resolveFieldName(found.target, name);
  if (field === undefined)
    throw new QueryError('field', `invalid field for query: ${excerpt(qualifier)}.${excerpt(name)}`);
  const hops = found.path.map((e) => ({ field: e.field, table: store.table(e.target) }));
  const last = found.path[found.path.length - 1];
  const canonical =
    [last?.name, `${last?.name ?? ''}Contact`, last?.target].find(
      (n) => n !== undefined && n.toLowerCase() === qualifier.toLowerCase(),
    ) ?? qualifier;
  return {
    label: `${qualifier}.${field}`,
    target: found.target,
    field,
    qualifier: canonical,
    join: { hops, field },
    getter: (r) => {
      let current: ZRecord | undefined = r;
      for (const hop of hops) {
        const id: FieldValue = current[hop.field] ?? null;
        current = typeof id === 'string' ? hop.table.get(id)?.record : undefined;
        if (current === undefined) return null;
      }
      return current[field] ?? null;
    },
  };
}
