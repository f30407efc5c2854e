import type { FieldDef, ObjectDef, Schema } from './schema-types.js';

// The children of an object, seen from the parent: every reference field of any object that points
// to it, named by the reference field's child relationship name (null when it has none, as in an
// org's describe). Subqueries (`SELECT Id, (SELECT Id FROM OrderItems) FROM Order`), describe and
// sObject Tree requests read them from here.
// https://developer.salesforce.com/docs/atlas.en-us.api.meta/api/sforce_api_calls_describesobjects_describesobjectresult.htm (ChildRelationship)

export interface ChildRelationship {
  name: string | null;
  child: ObjectDef;
  field: FieldDef;
}

const cache = new WeakMap<Schema, Map<string, ChildRelationship[]>>();

function build(schema: Schema): Map<string, ChildRelationship[]> {
  const byParent = new Map<string, ChildRelationship[]>();
  for (const child of schema.objects) {
    for (const field of child.fields) {
      if (field.type !== 'reference') continue;
      for (const target of field.referenceTo) {
        const parent = schema.byLower.get(target.toLowerCase());
        if (!parent) continue;
        const list = byParent.get(parent.name) ?? [];
        list.push({ name: field.childRelationshipName, child, field });
        byParent.set(parent.name, list);
      }
    }
  }
  return byParent;
}

export function childRelationshipsOf(schema: Schema, parent: ObjectDef): ChildRelationship[] {
  let byParent = cache.get(schema);
  if (!byParent) {
    byParent = build(schema);
    cache.set(schema, byParent);
  }
  return byParent.get(parent.name) ?? [];
}

/** The named child relationship of `parent`, matched case-insensitively. */
export function findChildRelationship(
  schema: Schema,
  parent: ObjectDef,
  name: string,
): ChildRelationship | undefined {
  const lower = name.toLowerCase();
  return childRelationshipsOf(schema, parent).find((r) => r.name?.toLowerCase() === lower);
}
