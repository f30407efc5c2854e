import type { FieldDef, ObjectDef, Schema } from './schema-types.js';

// Child relationships of an object as describe lists them (`childRelationships`), and as
// parent-to-child subqueries name them (`SELECT Id, (SELECT Id FROM OrderItems) FROM Order`).
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_relationships_and_custom_objects.htm

export interface ChildRelationship {
  child: ObjectDef;
  field: FieldDef;
  /** Null when the org gives the lookup no child relationship (it then cannot be subqueried). */
  relationshipName: string | null;
}

/** The declared name; package lookups without one keep the emulator's `<Child>s__r` naming. */
function nameOf(child: ObjectDef, field: FieldDef): string | null {
  if (field.childRelationshipName) return field.childRelationshipName;
  if (!field.custom) return null;
  return child.custom ? `${child.name.replace(/__c$/, '')}s__r` : `${child.name}s`;
}

export function childRelationshipsOf(schema: Schema, def: ObjectDef): ChildRelationship[] {
  const parent = def.name.toLowerCase();
  return schema.objects.flatMap((child) =>
    child.fields
      .filter((f) => f.type === 'reference' && f.referenceTo.some((t) => t.toLowerCase() === parent))
      .map((field) => ({ child, field, relationshipName: nameOf(child, field) })),
  );
}

/** Finds a child relationship by name (case-insensitive), for subqueries. */
export function findChildRelationship(
  schema: Schema,
  def: ObjectDef,
  name: string,
): ChildRelationship | undefined {
  const lower = name.toLowerCase();
  return childRelationshipsOf(schema, def).find((r) => r.relationshipName?.toLowerCase() === lower);
}
