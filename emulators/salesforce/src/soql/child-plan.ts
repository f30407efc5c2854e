import { findChildRelationship, type ChildRelationship } from '../schema/child-relationships.js';
import type { ObjectDef } from '../schema/schema-types.js';
import type { StoredRecord } from '../store/sf-error.js';
import { bindPath, type BoundPath } from './bind-path.js';
import { compileCondition } from './compile-condition.js';
import { orderRows, type SortKey } from './order-rows.js';
import { checkOffset, scanRows, sortKeys, type QueryEnv } from './query-env.js';
import type { ChildRows, SelectColumn } from './query-result.js';
import type { SelectItem, SoqlQuery } from './soql-ast.js';
import { queryError } from './soql-error.js';

// The select list of a record query: fields, FIELDS(ALL|STANDARD|CUSTOM), and parent-to-child
// subqueries named by the parent's child relationship names (`(SELECT Id FROM OrderItems)`).
// Subqueries nest up to five levels; "A subquery can use OFFSET only if the parent query has a
// LIMIT 1 clause". https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_relationships_query_using.htm
// FIELDS(ALL) and FIELDS(CUSTOM) need a LIMIT of at most 200:
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_fields.htm

const MAX_LEVELS = 5;
const FIELDS_LIMIT = 200;

export type ColumnPlan =
  | { kind: 'field'; path: BoundPath }
  | {
      kind: 'child';
      relationship: ChildRelationship;
      def: ObjectDef;
      columns: ColumnPlan[];
      predicate: ((rec: StoredRecord) => boolean) | null;
      keys: Array<SortKey<StoredRecord>>;
      limit: number | null;
      offset: number;
    };

function fieldsOf(def: ObjectDef, item: Extract<SelectItem, { kind: 'fields' }>, q: SoqlQuery, soql: string) {
  if (item.which !== 'STANDARD' && (q.limit === null || q.limit > FIELDS_LIMIT)) {
    throw queryError(
      'MALFORMED_QUERY',
      `The SOQL FIELDS function must have a LIMIT of at most ${FIELDS_LIMIT} when it selects FIELDS(${item.which})`,
      soql,
      item.pos,
    );
  }
  return def.fields.filter((f) => item.which === 'ALL' || f.custom === (item.which === 'CUSTOM'));
}

function childPlan(
  env: QueryEnv,
  parent: ObjectDef,
  q: SoqlQuery,
  sub: SoqlQuery,
  depth: number,
): ColumnPlan {
  const soql = env.opts.soql;
  const relationship = findChildRelationship(env.store.schema, parent, sub.from);
  if (!relationship) {
    throw queryError(
      'INVALID_TYPE',
      `Didn't understand relationship '${sub.from}' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
      soql,
      sub.fromPos,
    );
  }
  if (depth >= MAX_LEVELS)
    throw queryError(
      'MALFORMED_QUERY',
      `Relationship queries can nest at most ${MAX_LEVELS} levels`,
      soql,
      sub.fromPos,
    );
  if (
    sub.groupBy.length > 0 ||
    sub.having ||
    sub.select.some((s) => s.kind === 'expr' && s.expr.kind !== 'field')
  )
    throw queryError(
      'MALFORMED_QUERY',
      'Aggregate queries are not supported in a relationship subquery',
      soql,
      sub.fromPos,
    );
  if (sub.offset !== null && q.limit !== 1)
    throw queryError(
      'MALFORMED_QUERY',
      'A subquery can use OFFSET only if the parent query has a LIMIT 1 clause',
      soql,
      sub.offsetPos,
    );
  checkOffset(sub, soql);
  const def = relationship.child;
  return {
    kind: 'child',
    relationship,
    def,
    columns: planColumns(env, def, sub, depth + 1),
    predicate: sub.where ? compileCondition(sub.where, env.conditions(def, sub.fromAlias)) : null,
    keys: sortKeys(env, def, sub),
    limit: sub.limit,
    offset: sub.offset ?? 0,
  };
}

export function planColumns(env: QueryEnv, def: ObjectDef, q: SoqlQuery, depth: number): ColumnPlan[] {
  const soql = env.opts.soql;
  const plans: ColumnPlan[] = [];
  const seen = new Set<string>();
  const addField = (path: BoundPath, explicit: boolean, pos: number) => {
    const key = path.text.toLowerCase();
    if (seen.has(key)) {
      if (explicit) throw queryError('MALFORMED_QUERY', `duplicate field selected: ${path.text}`, soql, pos);
      return;
    }
    seen.add(key);
    plans.push({ kind: 'field', path });
  };
  for (const item of q.select) {
    if (item.kind === 'subquery') plans.push(childPlan(env, def, q, item.query, depth));
    else if (item.kind === 'fields')
      for (const field of fieldsOf(def, item, q, soql))
        addField({ text: field.name, hops: [], field }, false, item.pos);
    else if (item.expr.kind !== 'field')
      throw queryError('MALFORMED_QUERY', 'Field must be grouped or aggregated', soql, item.pos);
    else if (item.alias !== null)
      throw queryError('MALFORMED_QUERY', 'Only aggregate expressions use field aliasing', soql, item.pos);
    else addField(bindPath(env.store.schema, def, item.expr, soql, q.fromAlias), true, item.pos);
  }
  return plans;
}

/** Runs a child subquery for all parent rows at once: one pass over their children. */
export function executeChildren(
  env: QueryEnv,
  plan: Extract<ColumnPlan, { kind: 'child' }>,
  parents: StoredRecord[],
): ChildRows {
  const ids = new Set(parents.map((r) => String(r.Id)));
  const link = plan.relationship.field.name;
  const byParent = new Map<string, StoredRecord[]>();
  // Only the children of these parents can match: read them through the link's index (indexed-rows.ts).
  const candidates = env.store.table(plan.def).live.rowsWith(link, ids);
  for (const rec of scanRows(env, plan.def, plan.predicate, candidates)) {
    const parentId = rec[link];
    if (parentId === null || parentId === undefined || !ids.has(String(parentId))) continue;
    const list = byParent.get(String(parentId)) ?? [];
    list.push(rec);
    byParent.set(String(parentId), list);
  }
  const all: StoredRecord[] = [];
  for (const [id, list] of byParent) {
    const sorted = orderRows(list, plan.keys);
    const kept = sorted.slice(plan.offset, plan.limit === null ? undefined : plan.offset + plan.limit);
    byParent.set(id, kept);
    for (const rec of kept) all.push(rec);
  }
  return { def: plan.def, columns: toColumns(env, plan.columns, all), byParent };
}

export function toColumns(env: QueryEnv, plans: ColumnPlan[], rows: StoredRecord[]): SelectColumn[] {
  return plans.map((p) =>
    p.kind === 'field'
      ? p
      : { kind: 'child', relationship: p.relationship, rows: executeChildren(env, p, rows) },
  );
}
