import type { FieldDef, ObjectDef, Schema } from '../schema/schema-types.js';
import type { RecordStore } from '../store/record-store.js';
import type { SfValue, StoredRecord } from '../store/sf-error.js';
import type { FieldPath } from './soql-ast.js';
import { queryError } from './soql-error.js';

// Field paths bound to the schema: `Name`, `Account__r.Name`, up to five relationship hops
// (`Account__r.Owner.Profile.Name`). "No more than five levels can be specified in a
// child-to-parent relationship."
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_relationships_query_limits.htm

export const MAX_PARENT_HOPS = 5;

export interface Hop {
  field: FieldDef;
  target: ObjectDef;
  name: string;
}

export interface BoundPath {
  /** Canonical path: relationship names then the field name (`Account__r.Name`). */
  text: string;
  hops: Hop[];
  field: FieldDef;
}

const customHint =
  "If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.";
const relationshipHint =
  "If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.";

export function bindObject(schema: Schema, name: string, soql: string, pos: number): ObjectDef {
  const def = schema.byLower.get(name.toLowerCase());
  if (!def || def.isEvent) {
    throw queryError(
      'INVALID_TYPE',
      `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
      soql,
      pos,
    );
  }
  return def;
}

/** Binds `p` on `def`; a leading object name or FROM alias (`Account.Name`, `a.Name`) is dropped. */
export function bindPath(
  schema: Schema,
  def: ObjectDef,
  p: FieldPath,
  soql: string,
  alias: string | null = null,
): BoundPath {
  const parts = p.path.split('.');
  const first = parts[0]?.toLowerCase();
  if (parts.length > 1 && (first === def.name.toLowerCase() || first === alias?.toLowerCase())) parts.shift();
  if (parts.length - 1 > MAX_PARENT_HOPS) {
    throw queryError(
      'MALFORMED_QUERY',
      `${p.path}: no more than ${MAX_PARENT_HOPS} levels can be specified in a child-to-parent relationship`,
      soql,
      p.pos,
    );
  }
  const hops: Hop[] = [];
  let current = def;
  for (const part of parts.slice(0, -1)) {
    const ref = current.relationshipsByLower.get(part.toLowerCase());
    const target = ref ? schema.byLower.get((ref.referenceTo[0] ?? '').toLowerCase()) : undefined;
    if (!ref || !target) {
      throw queryError(
        'INVALID_FIELD',
        `Didn't understand relationship '${part}' in field path. ${relationshipHint}`,
        soql,
        p.pos,
      );
    }
    hops.push({ field: ref, target, name: ref.relationshipName as string });
    current = target;
  }
  const last = parts.at(-1) as string;
  const field = current.fieldsByLower.get(last.toLowerCase());
  if (!field) {
    throw queryError(
      'INVALID_FIELD',
      `No such column '${last}' on entity '${current.name}'. ${customHint}`,
      soql,
      p.pos,
    );
  }
  return { text: [...hops.map((h) => h.name), field.name].join('.'), hops, field };
}

/** Reads a bound path from a record, following parents through the store (null past a missing one). */
export function pathGetter(store: RecordStore, bound: BoundPath): (rec: StoredRecord) => SfValue {
  const name = bound.field.name;
  if (bound.hops.length === 0) return (rec) => rec[name] ?? null;
  const tables = bound.hops.map((h) => ({ field: h.field.name, live: store.table(h.target).live }));
  return (rec) => {
    let current: StoredRecord | undefined = rec;
    for (const { field, live } of tables) {
      const id: SfValue | undefined = current[field];
      current = id === null || id === undefined ? undefined : live.get(String(id));
      if (!current) return null;
    }
    return current[name] ?? null;
  };
}
