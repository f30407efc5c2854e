import { compoundAddress } from '../schema/compound-address.js';
import type { FieldDef, ObjectDef } from '../schema/schema-types.js';
import { pathGetter, type BoundPath } from '../soql/bind-path.js';
import type { ChildRows, SelectColumn } from '../soql/query-result.js';
import type { RecordStore } from '../store/record-store.js';
import type { StoredRecord } from '../store/sf-error.js';

// Record JSON as the REST API returns it: an `attributes` header, then the fields. Parent paths nest
// the parent records (null where a parent is missing); a child subquery is a query result
// (`{totalSize, done, records}`) or null when the parent has no children.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_query.htm
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_relationships_query_using.htm

export const recordUrl = (version: string, type: string, id: string): string =>
  `/services/data/v${version}/sobjects/${type}/${id}`;

const attributesOf = (def: ObjectDef, rec: StoredRecord, version: string) => ({
  type: def.name,
  url: recordUrl(version, def.name, String(rec.Id)),
});

export function wholeRecord(
  def: ObjectDef,
  rec: StoredRecord,
  version: string,
  fields?: string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: attributesOf(def, rec, version) };
  for (const f of def.fields) if (!fields || fields.includes(f.name)) out[f.name] = fieldJson(f, rec);
  return out;
}

/** A field's JSON value; compound addresses are composed from their components. */
export function fieldJson(field: FieldDef, rec: StoredRecord): unknown {
  return field.type === 'address' ? compoundAddress(field, rec) : (rec[field.name] ?? null);
}

function writePath(
  store: RecordStore,
  out: Record<string, unknown>,
  path: BoundPath,
  rec: StoredRecord,
  version: string,
) {
  let target = out;
  let current = rec;
  for (const hop of path.hops) {
    const parentId = current[hop.field.name];
    const parent =
      parentId === null || parentId === undefined
        ? undefined
        : store.table(hop.target).live.get(String(parentId));
    const existing = target[hop.name];
    if (!parent) {
      if (existing === undefined) target[hop.name] = null;
      return;
    }
    if (existing === null || typeof existing !== 'object') {
      target[hop.name] = { attributes: attributesOf(hop.target, parent, version) };
    }
    target = target[hop.name] as Record<string, unknown>;
    current = parent;
  }
  target[path.field.name] = fieldJson(path.field, current);
}

function childResult(store: RecordStore, rows: ChildRows, rec: StoredRecord, version: string) {
  const list = rows.byParent.get(String(rec.Id));
  if (!list || list.length === 0) return null;
  return {
    totalSize: list.length,
    done: true,
    records: list.map((r) => queryRecord(store, rows.def, rows.columns, r, version)),
  };
}

export function queryRecord(
  store: RecordStore,
  def: ObjectDef,
  columns: SelectColumn[],
  rec: StoredRecord,
  version: string,
): Record<string, unknown> {
  const out: Record<string, unknown> = { attributes: attributesOf(def, rec, version) };
  for (const column of columns) {
    if (column.kind === 'field') writePath(store, out, column.path, rec, version);
    else if (column.relationship.name)
      out[column.relationship.name] = childResult(store, column.rows, rec, version);
  }
  return out;
}

/** Flat CSV values (`Account__r.Name` columns) for Bulk query results, which have no child subqueries. */
export function flatRowReader(store: RecordStore, columns: SelectColumn[]): (rec: StoredRecord) => unknown[] {
  const getters = columns.flatMap((c) => (c.kind === 'field' ? [pathGetter(store, c.path)] : []));
  return (rec) => getters.map((get) => get(rec));
}
