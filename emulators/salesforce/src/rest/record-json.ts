import { compoundAddress } from '../schema/compound-address.js';
import type { FieldDef, ObjectDef } from '../schema/schema-types.js';
import type { BoundPath, QueryResult } from '../soql/run-query.js';
import type { RecordStore } from '../store/record-store.js';
import type { StoredRecord } from '../store/sf-error.js';

// Record JSON as the REST API returns it: an `attributes` header, then the fields; relationship
// columns nest the parent record (or null). https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_query.htm

export const recordUrl = (version: string, type: string, id: string): string =>
  `/services/data/v${version}/sobjects/${type}/${id}`;

export function wholeRecord(
  def: ObjectDef,
  rec: StoredRecord,
  version: string,
  fields?: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    attributes: { type: def.name, url: recordUrl(version, def.name, String(rec.Id)) },
  };
  for (const f of def.fields) if (!fields || fields.includes(f.name)) out[f.name] = fieldJson(f, rec);
  return out;
}

/** A field's JSON value; compound addresses are composed from their components. */
export function fieldJson(field: FieldDef, rec: StoredRecord): unknown {
  return field.type === 'address' ? compoundAddress(field, rec) : (rec[field.name] ?? null);
}

export function queryRecord(
  store: RecordStore,
  result: QueryResult,
  rec: StoredRecord,
  version: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    attributes: { type: result.def.name, url: recordUrl(version, result.def.name, String(rec.Id)) },
  };
  for (const column of result.columns) writeColumn(store, out, column, rec, version);
  return out;
}

function writeColumn(
  store: RecordStore,
  out: Record<string, unknown>,
  column: BoundPath,
  rec: StoredRecord,
  version: string,
): void {
  if (!column.relationship) {
    out[column.field.name] = fieldJson(column.field, rec);
    return;
  }
  const { field, target, name } = column.relationship;
  const parentId = rec[field.name];
  const parent =
    parentId === null || parentId === undefined ? undefined : store.table(target).live.get(String(parentId));
  if (!parent) {
    if (!(name in out)) out[name] = null;
    return;
  }
  let nested = out[name] as Record<string, unknown> | null | undefined;
  if (!nested) {
    nested = { attributes: { type: target.name, url: recordUrl(version, target.name, String(parent.Id)) } };
    out[name] = nested;
  }
  nested[column.field.name] = fieldJson(column.field, parent);
}

/** A flat row for CSV output (`Account__r.Name` columns). */
export function flatRow(store: RecordStore, result: QueryResult, rec: StoredRecord): unknown[] {
  return result.columns.map((column) => {
    if (!column.relationship) return rec[column.field.name] ?? null;
    const parentId = rec[column.relationship.field.name];
    if (parentId === null || parentId === undefined) return null;
    return store.table(column.relationship.target).live.get(String(parentId))?.[column.field.name] ?? null;
  });
}
