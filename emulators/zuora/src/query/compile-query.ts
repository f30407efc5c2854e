// Compiles a parsed ZOQL query against the store: resolved object, column getters and a row predicate.
import { resolveObjectName, type ObjectName } from '../model/object-definitions.js';
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import type { TenantStore } from '../store/tenant-store.js';
import { fieldGetter, FieldError, type Getter } from './field-paths.js';
import { parseZoql, type Condition, type Literal } from './zoql-parser.js';

export class UnknownObjectError extends Error {}
export { FieldError };

export interface CompiledQuery {
  object: ObjectName;
  columns: { label: string; reference: string; getter: Getter; ownField?: string }[];
  matches: (record: ZRecord) => boolean;
}

const isoLike = /^\d{4}-\d{2}-\d{2}/;

export function compareValues(a: FieldValue, b: Literal): number | null {
  if (a === null || b === null) return null;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a);
    const y = Number(b);
    return Number.isNaN(x) || Number.isNaN(y) ? null : x - y;
  }
  if (typeof a === 'boolean' || typeof b === 'boolean')
    return String(a).toLowerCase() === String(b).toLowerCase() ? 0 : 1;
  if (isoLike.test(a) && isoLike.test(b) && (a.length > 10 || b.length > 10)) {
    // Date-times compare as instants; a bare date literal means midnight UTC.
    return (
      Date.parse(a.length === 10 ? `${a}T00:00:00Z` : a) - Date.parse(b.length === 10 ? `${b}T00:00:00Z` : b)
    );
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function predicate(getter: Getter, c: Condition): (r: ZRecord) => boolean {
  const v = c.value;
  switch (c.op) {
    case 'is null':
      return (r) => getter(r) === null || getter(r) === '';
    case 'is not null':
      return (r) => getter(r) !== null && getter(r) !== '';
    case 'like': {
      const source = String(v)
        .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
        .replace(/%/g, '.*')
        .replace(/_/g, '.');
      const re = new RegExp(`^${source}$`, 'i');
      return (r) => re.test(String(getter(r) ?? ''));
    }
    case '=':
      return (r) => (v === null ? getter(r) === null : compareValues(getter(r), v) === 0);
    case '!=':
      return (r) => (v === null ? getter(r) !== null : compareValues(getter(r), v) !== 0);
    default: {
      const test = {
        '<': (n: number) => n < 0,
        '<=': (n: number) => n <= 0,
        '>': (n: number) => n > 0,
        '>=': (n: number) => n >= 0,
      }[c.op];
      return (r) => {
        const cmp = compareValues(getter(r), v);
        return cmp !== null && test(cmp);
      };
    }
  }
}

export function compileQuery(store: TenantStore, query: string, allowJoins: boolean): CompiledQuery {
  const parsed = parseZoql(query);
  const object = resolveObjectName(parsed.object);
  if (object === undefined) throw new UnknownObjectError(`invalid object type: ${parsed.object}`);
  const columns = parsed.fields.map((reference) => ({
    reference,
    ...fieldGetter(store, object, reference, allowJoins),
  }));
  const groups = parsed.where.map((group) =>
    group.map((c) => predicate(fieldGetter(store, object, c.field, allowJoins).getter, c)),
  );
  const matches =
    groups.length === 0 ? () => true : (r: ZRecord) => groups.some((group) => group.every((p) => p(r)));
  return { object, columns, matches };
}
