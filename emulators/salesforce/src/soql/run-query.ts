import type { FieldDef, ObjectDef } from '../schema/schema-types.js';
import type { RecordStore } from '../store/record-store.js';
import type { SfValue, StoredRecord } from '../store/sf-error.js';
import { dateLiteralRange } from './date-literals.js';
import type { Condition, FieldPath, Literal, SoqlQuery } from './soql-ast.js';
import { queryError } from './soql-error.js';

// Binds a parsed query to the schema (unknown objects and fields fail as the API words it) and runs
// it over the store. Comparison rules from the SOQL reference: string equality and LIKE are
// case-insensitive; a comparison with a null value only matches `= null` / `!= null`.
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_comparisonoperators.htm

/** A resolved select-list or filter path: the field and, for `Parent__r.Field`, the relationship. */
export interface BoundPath {
  /** Output column name as written in the query (`Account__r.Name`). */
  text: string;
  relationship: { field: FieldDef; target: ObjectDef; name: string } | null;
  field: FieldDef;
}

export interface QueryResult {
  def: ObjectDef;
  columns: BoundPath[];
  rows: StoredRecord[];
  /** Total before LIMIT/OFFSET, or the COUNT() value. */
  totalSize: number;
  count: { alias: string | null; bare: boolean } | null;
}

export interface RunOptions {
  includeDeleted: boolean;
  soql: string;
}

export function bindObject(store: RecordStore, name: string, soql: string, pos: number): ObjectDef {
  const def = store.schema.byLower.get(name.toLowerCase());
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

export function bindPath(store: RecordStore, def: ObjectDef, p: FieldPath, soql: string): BoundPath {
  const parts = p.path.split('.');
  // A leading object name is allowed (`Account.Name` in a query FROM Account).
  if (parts.length > 1 && parts[0]?.toLowerCase() === def.name.toLowerCase()) parts.shift();
  if (parts.length === 1) {
    const field = def.fieldsByLower.get((parts[0] as string).toLowerCase());
    if (!field) {
      throw queryError(
        'INVALID_FIELD',
        `No such column '${parts[0]}' on entity '${def.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
        soql,
        p.pos,
      );
    }
    return { text: field.name, relationship: null, field };
  }
  if (parts.length > 2)
    throw queryError('MALFORMED_QUERY', 'the emulator supports one level of relationship path', soql, p.pos);
  const ref = def.relationshipsByLower.get((parts[0] as string).toLowerCase());
  const target = ref ? store.schema.byLower.get((ref.referenceTo[0] ?? '').toLowerCase()) : undefined;
  if (!ref || !target) {
    throw queryError(
      'INVALID_FIELD',
      `Didn't understand relationship '${parts[0]}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
      soql,
      p.pos,
    );
  }
  const field = target.fieldsByLower.get((parts[1] as string).toLowerCase());
  if (!field) {
    throw queryError(
      'INVALID_FIELD',
      `No such column '${parts[1]}' on entity '${target.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
      soql,
      p.pos,
    );
  }
  const relName = ref.relationshipName as string;
  return { text: `${relName}.${field.name}`, relationship: { field: ref, target, name: relName }, field };
}

type Getter = (rec: StoredRecord) => SfValue;

function getter(store: RecordStore, bound: BoundPath): Getter {
  const name = bound.field.name;
  if (!bound.relationship) return (rec) => rec[name] ?? null;
  const { field, target } = bound.relationship;
  const table = store.table(target);
  return (rec) => {
    const parentId = rec[field.name];
    if (parentId === null || parentId === undefined) return null;
    return table.live.get(String(parentId))?.[name] ?? null;
  };
}

const isTemporal = (f: FieldDef): boolean => f.type === 'date' || f.type === 'datetime';

function toMs(value: string): number {
  const iso = value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  return Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
}

function compareValues(field: FieldDef, a: SfValue, b: SfValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (field.type === 'datetime') return toMs(String(a)) - toMs(String(b));
  const x = String(a).toLowerCase();
  const y = String(b).toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

function literalValue(field: FieldDef, lit: Literal): SfValue {
  switch (lit.kind) {
    case 'null':
      return null;
    case 'dateLiteral':
      return null; // handled as a range
    case 'number':
    case 'boolean':
    case 'string':
    case 'date':
    case 'datetime':
      return field.type === 'date' && lit.kind === 'datetime' ? lit.value.slice(0, 10) : lit.value;
  }
}

function likeRegex(pattern: string): RegExp {
  const body = pattern
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/%/g, '.*')
    .replace(/_/g, '.');
  return new RegExp(`^${body}$`, 'is');
}

function rangeTest(
  field: FieldDef,
  op: string,
  lit: Extract<Literal, { kind: 'dateLiteral' }>,
): (v: SfValue) => boolean {
  const [start, end] = dateLiteralRange(lit.name, lit.n);
  return (v) => {
    if (v === null) return op === '!=';
    const ms = field.type === 'date' ? toMs(String(v).slice(0, 10)) : toMs(String(v));
    switch (op) {
      case '=':
        return ms >= start && ms < end;
      case '!=':
        return ms < start || ms >= end;
      case '<':
        return ms < start;
      case '<=':
        return ms < end;
      case '>':
        return ms >= end;
      case '>=':
        return ms >= start;
      default:
        return false;
    }
  };
}

function compileCondition(
  store: RecordStore,
  def: ObjectDef,
  c: Condition,
  opts: RunOptions,
): (rec: StoredRecord) => boolean {
  switch (c.kind) {
    case 'and': {
      const parts = c.parts.map((p) => compileCondition(store, def, p, opts));
      return (rec) => parts.every((p) => p(rec));
    }
    case 'or': {
      const parts = c.parts.map((p) => compileCondition(store, def, p, opts));
      return (rec) => parts.some((p) => p(rec));
    }
    case 'not': {
      const part = compileCondition(store, def, c.part, opts);
      return (rec) => !part(rec);
    }
    case 'includes': {
      const bound = bindPath(store, def, c.field, opts.soql);
      const get = getter(store, bound);
      // Each INCLUDES value may itself be `a;b` meaning "both selected".
      const wanted = c.values.map((v) => v.toLowerCase().split(';'));
      return (rec) => {
        const value = get(rec);
        const selected = new Set(value === null ? [] : String(value).toLowerCase().split(';'));
        const hit = wanted.some((all) => all.every((w) => selected.has(w)));
        return c.negated ? !hit : hit;
      };
    }
    case 'in': {
      const bound = bindPath(store, def, c.field, opts.soql);
      const get = getter(store, bound);
      let keys: Set<string>;
      if (Array.isArray(c.values)) {
        keys = new Set(c.values.map((l) => String(literalValue(bound.field, l)).toLowerCase()));
      } else {
        const inner = runQuery(store, c.values, { ...opts, includeDeleted: false });
        const column = inner.columns[0];
        if (!column) throw queryError('MALFORMED_QUERY', 'semi-join subquery must select one field');
        const innerGet = getter(store, column);
        keys = new Set(inner.rows.map((r) => String(innerGet(r)).toLowerCase()));
      }
      return (rec) => {
        const value = get(rec);
        if (value === null) return c.negated;
        const hit = keys.has(String(value).toLowerCase());
        return c.negated ? !hit : hit;
      };
    }
    case 'compare': {
      const bound = bindPath(store, def, c.field, opts.soql);
      const field = bound.field;
      const get = getter(store, bound);
      const lit = c.value;
      if (lit.kind === 'dateLiteral') {
        if (!isTemporal(field))
          throw queryError('INVALID_FIELD', `Date literal used on non-date field ${field.name}`);
        const test = rangeTest(field, c.op, lit);
        return (rec) => test(get(rec));
      }
      const target = literalValue(field, lit);
      if (c.op === 'like') {
        const re = likeRegex(String(target));
        return (rec) => {
          const v = get(rec);
          return v !== null && re.test(String(v));
        };
      }
      if (target === null) {
        if (c.op === '=') return (rec) => get(rec) === null;
        if (c.op === '!=') return (rec) => get(rec) !== null;
        return () => false;
      }
      const targetValue: SfValue =
        typeof target === 'string' && ['double', 'currency', 'percent', 'int'].includes(field.type)
          ? Number(target)
          : target;
      return (rec) => {
        const v = get(rec);
        if (v === null) return c.op === '!=';
        const cmp = compareValues(field, v, targetValue);
        switch (c.op) {
          case '=':
            return cmp === 0;
          case '!=':
            return cmp !== 0;
          case '<':
            return cmp < 0;
          case '<=':
            return cmp <= 0;
          case '>':
            return cmp > 0;
          default:
            return cmp >= 0;
        }
      };
    }
  }
}

export function runQuery(store: RecordStore, q: SoqlQuery, opts: RunOptions): QueryResult {
  const def = bindObject(store, q.from, opts.soql, q.fromPos);
  const countItem = q.select.find((s) => s.kind === 'count');
  if (countItem && q.select.length > 1) {
    throw queryError(
      'MALFORMED_QUERY',
      'COUNT() cannot be combined with other fields without GROUP BY',
      opts.soql,
      countItem.pos,
    );
  }
  const columns = q.select.flatMap((s) => (s.kind === 'field' ? [bindPath(store, def, s, opts.soql)] : []));
  const predicate = q.where ? compileCondition(store, def, q.where, opts) : () => true;
  const table = store.table(def);
  let rows: StoredRecord[] = [];
  for (const rec of table.live.values()) if (predicate(rec)) rows.push(rec);
  if (opts.includeDeleted) for (const rec of table.deleted.values()) if (predicate(rec)) rows.push(rec);
  if (q.orderBy.length > 0) {
    const keys = q.orderBy.map((o) => ({
      o,
      get: getter(store, bindPath(store, def, o.field, opts.soql)),
      field: bindPath(store, def, o.field, opts.soql).field,
    }));
    rows.sort((a, b) => {
      for (const { o, get, field } of keys) {
        const x = get(a);
        const y = get(b);
        if (x === y) continue;
        if (x === null || y === null) return (x === null) === o.nullsLast ? 1 : -1;
        const cmp = compareValues(field, x, y);
        if (cmp !== 0) return o.descending ? -cmp : cmp;
      }
      return 0;
    });
  }
  const matched = rows.length;
  const offset = q.offset ?? 0;
  if (offset > 2000) throw queryError('MALFORMED_QUERY', 'Maximum SOQL offset allowed is 2000', opts.soql);
  rows = rows.slice(offset, q.limit === null ? undefined : offset + q.limit);
  if (countItem && countItem.kind === 'count') {
    return {
      def,
      columns: [],
      rows: [],
      totalSize: Math.min(matched, q.limit ?? matched),
      count: { alias: countItem.alias, bare: countItem.field === null },
    };
  }
  return { def, columns, rows, totalSize: rows.length, count: null };
}
