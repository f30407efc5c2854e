import type { FieldDef, ObjectDef } from '../schema/schema-types.js';
import { queryRecord } from '../rest/record-json.js';
import { bindObject, bindPath } from '../soql/bind-path.js';
import { compileCondition } from '../soql/compile-condition.js';
import { checkSortable, orderRows } from '../soql/order-rows.js';
import type { SelectColumn } from '../soql/query-result.js';
import { recordOperand } from '../soql/record-operand.js';
import { queryError } from '../soql/soql-error.js';
import { queryEnv } from '../soql/run-query.js';
import type { RecordStore } from '../store/record-store.js';
import type { StoredRecord } from '../store/sf-error.js';
import { compileSearch, wordsOf, type Doc } from './search-expression.js';
import type { ReturningSpec, SearchScope, SoslQuery } from './sosl-parser.js';

// Runs a search over the objects named in RETURNING (all searchable objects otherwise, answering Ids
// only). Field scopes: ALL (text, email, phone and URL fields), NAME, EMAIL, PHONE, SIDEBAR (name,
// email and phone). At most 2,000 results in all; OFFSET is allowed with one object only and up to
// 2,000 ("SOSL offset should be between 0 to 2000").
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_sosl_in.htm
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_sosl_offset.htm
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_sosl_limits.htm

export const MAX_SEARCH_RESULTS = 2000;
const textTypes = new Set(['string', 'textarea', 'email', 'phone', 'url']);
const unsearchable = new Set(['Organization', 'Profile']);

function scopeFields(def: ObjectDef, scope: SearchScope): FieldDef[] {
  return def.fields.filter((f) => {
    if (scope === 'NAME') return f.name === 'Name';
    if (scope === 'EMAIL') return f.type === 'email';
    if (scope === 'PHONE') return f.type === 'phone';
    if (scope === 'SIDEBAR') return f.name === 'Name' || f.type === 'email' || f.type === 'phone';
    return textTypes.has(f.type) && f.name !== 'Id';
  });
}

const searchable = (def: ObjectDef) => !def.isEvent && !def.isMetadataType && !unsearchable.has(def.name);

function specsOf(
  store: RecordStore,
  query: SoslQuery,
  source: string,
): Array<{ def: ObjectDef; spec: ReturningSpec }> {
  if (query.returning.length === 0)
    return store.schema.objects.filter(searchable).map((def) => ({
      def,
      spec: { object: def.name, pos: 0, fields: [], where: null, orderBy: [], limit: null, offset: null },
    }));
  const offsets = query.returning.filter((r) => r.offset !== null);
  for (const r of offsets) {
    if (query.returning.length > 1 || (r.offset ?? 0) > MAX_SEARCH_RESULTS)
      throw queryError(
        'MALFORMED_SEARCH',
        'SOSL offset should be between 0 to 2000 and used with one object only',
        source,
        r.pos,
      );
  }
  return query.returning.map((spec) => ({
    def: bindObject(store.schema, spec.object, source, spec.pos),
    spec,
  }));
}

function matches(store: RecordStore, def: ObjectDef, spec: ReturningSpec, query: SoslQuery, source: string) {
  const env = queryEnv(store, { includeDeleted: false, soql: source });
  const predicate = spec.where ? compileCondition(spec.where, env.conditions(def, null)) : null;
  const operand = recordOperand(store, def, null, source);
  const keys = spec.orderBy.map((o) => {
    const { field, get } = operand(o.expr);
    checkSortable(field, source, o.expr.pos);
    return { field, get, descending: o.descending, nullsLast: o.nullsLast };
  });
  const fields = scopeFields(def, query.scope);
  const search = compileSearch(query.search, source);
  const rows: StoredRecord[] = [];
  for (const rec of store.table(def).live.values()) {
    const doc: Doc = fields.map((f) =>
      rec[f.name] === null || rec[f.name] === undefined ? [] : wordsOf(String(rec[f.name])),
    );
    if (search(doc) && (!predicate || predicate(rec))) rows.push(rec);
  }
  const offset = spec.offset ?? 0;
  return orderRows(rows, keys).slice(offset, spec.limit === null ? undefined : offset + spec.limit);
}

export function runSearch(store: RecordStore, query: SoslQuery, source: string, version: string) {
  const overall = Math.min(query.limit ?? MAX_SEARCH_RESULTS, MAX_SEARCH_RESULTS);
  const out: Array<Record<string, unknown>> = [];
  for (const { def, spec } of specsOf(store, query, source)) {
    const paths = spec.fields.length > 0 ? spec.fields : [{ path: 'Id', pos: spec.pos }];
    const columns: SelectColumn[] = paths.map((p) => ({
      kind: 'field',
      path: bindPath(store.schema, def, p, source),
    }));
    for (const rec of matches(store, def, spec, query, source)) {
      if (out.length >= overall) return out;
      out.push(queryRecord(store, def, columns, rec, version));
    }
  }
  return out;
}
