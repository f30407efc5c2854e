import type { FieldDef, ObjectDef, Schema } from '../schema/schema-types.js';

// CSV header of an ingest job: a field, the Id, or a relationship by external ID
// (`Parent__r.External_Id__c`). An unknown column fails the whole job ("InvalidBatch : Field name
// not found : X"). https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/datafiles_csv_rel_field_header_row.htm

export type IngestColumn =
  | { kind: 'field'; field: FieldDef }
  | { kind: 'ref'; field: FieldDef; target: ObjectDef; extField: FieldDef };

export function resolveColumns(schema: Schema, def: ObjectDef, header: string[]): IngestColumn[] | string {
  const columns: IngestColumn[] = [];
  for (const raw of header) {
    const name = raw.trim();
    const field = def.fieldsByLower.get(name.toLowerCase());
    if (field) {
      columns.push({ kind: 'field', field });
      continue;
    }
    const [rel, ext] = name.split('.');
    const ref = rel ? def.relationshipsByLower.get(rel.toLowerCase()) : undefined;
    const target = ref ? schema.byLower.get((ref.referenceTo[0] ?? '').toLowerCase()) : undefined;
    const extField = target && ext ? target.fieldsByLower.get(ext.toLowerCase()) : undefined;
    if (!ref || !target || !extField) return `InvalidBatch : Field name not found : ${name}`;
    if (!(extField.externalId || extField.unique || extField.name === 'Id')) {
      return `InvalidBatch : Field name provided, ${extField.name} is not an External ID or indexed field for ${target.name}`;
    }
    columns.push({ kind: 'ref', field: ref, target, extField });
  }
  const seen = new Set<string>();
  for (const c of columns) {
    const key = c.kind === 'field' ? c.field.name : `${c.field.name}`;
    if (seen.has(key)) return `InvalidBatch : Duplicate field: ${key}`;
    seen.add(key);
  }
  return columns;
}
