// Query parameters of Object Query: `fields[]` (or `<object>.fields[]`) and `<expand>.fields[]` name the
// fields returned, case-insensitively and in any order (the response keeps no order and adds nothing that
// was not asked, Id included); `filter[]` conditions are ANDed, EQ, NE and IN match strings
// case-insensitively, SW too, and `field.EQ:%02%03` asks for the empty string; `sort[]` takes one field.
// https://developer.zuora.com/docs/guides/expand-filter-fields-sort
import { objectFields, type ObjectName } from '../model/object-definitions.js';
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import { compareValues } from '../query/compare-values.js';
import { camel, fieldForCamel } from './object-query-names.js';

export type QueryParams = Record<string, string | string[] | undefined>;

export class QueryParamError extends Error {}

const operators = ['EQ', 'NE', 'LT', 'GT', 'LE', 'GE', 'SW', 'IN'] as const;
const emptyString = '\u0002\u0003';

export const list = (v: string | string[] | undefined): string[] =>
  (v === undefined ? [] : Array.isArray(v) ? v : [v])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter((s) => s !== '');

/**
 * The values of every parameter whose name matches one of `names`, ignoring case; comma-separated lists
 * are split unless `whole` (a filter's IN list has commas of its own: `name.IN:[Amy,Bella]`).
 */
export function paramValues(query: QueryParams, names: readonly string[], whole = false): string[] {
  const wanted = names.map((n) => n.toLowerCase());
  return Object.entries(query)
    .filter(([k]) => wanted.includes(k.toLowerCase()))
    .flatMap(([, v]) =>
      whole ? (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== '') : list(v),
    );
}

/** The fields to return; every field when none is named. */
export function parseFields(object: ObjectName, names: string[]): string[] {
  if (names.length === 0) return [...objectFields[object]];
  const fields = names.map((n) => {
    const f = fieldForCamel(object, n);
    if (f === undefined)
      throw new QueryParamError(`invalid field '${n.slice(0, 64)}' in fields[] for ${object}`);
    return f;
  });
  return [...new Set(fields)];
}

export function project(record: ZRecord, fields: string[]): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {};
  for (const f of fields) out[camel(f)] = record[f] ?? null;
  return out;
}

const sameText = (a: FieldValue, b: FieldValue): boolean =>
  typeof a === 'string' && typeof b === 'string'
    ? a.toLowerCase() === b.toLowerCase()
    : compareValues(a, b) === 0;

export function parseFilter(object: ObjectName, raw: string): (r: ZRecord) => boolean {
  const m = /^([A-Za-z0-9_]+)\.([A-Za-z]+):(.*)$/s.exec(raw);
  if (m === null)
    throw new QueryParamError(
      `invalid filter '${raw.slice(0, 64)}': expected field.OPERATOR:value, e.g. accountNumber.EQ:A00000001`,
    );
  const [, name = '', opRaw = '', value = ''] = m;
  const op = opRaw.toUpperCase() as (typeof operators)[number];
  if (!operators.includes(op))
    throw new QueryParamError(
      `invalid filter operator '${opRaw.slice(0, 20)}': use one of ${operators.join(', ')}`,
    );
  const field = fieldForCamel(object, name);
  if (field === undefined)
    throw new QueryParamError(`invalid filter field '${name.slice(0, 64)}' for ${object}`);
  const literal = (s: string): FieldValue =>
    s === 'null' ? null : s === emptyString ? '' : s === 'true' ? true : s === 'false' ? false : s;
  if (op === 'IN') {
    const values = value
      .replace(/^\[|\]$/g, '')
      .split(',')
      .map((s) => literal(s.trim()));
    return (r) => values.some((v) => (v === null ? r[field] == null : sameText(r[field] ?? null, v)));
  }
  const v = literal(value);
  if (op === 'SW')
    return (r) =>
      String(r[field] ?? '')
        .toLowerCase()
        .startsWith(value.toLowerCase());
  if (v === null) return op === 'EQ' ? (r) => r[field] == null : (r) => r[field] != null;
  if (op === 'EQ') return (r) => r[field] != null && sameText(r[field] ?? null, v);
  if (op === 'NE') return (r) => r[field] == null || !sameText(r[field] ?? null, v);
  const test = {
    LT: (n: number) => n < 0,
    GT: (n: number) => n > 0,
    LE: (n: number) => n <= 0,
    GE: (n: number) => n >= 0,
  }[op];
  return (r) => {
    const c = compareValues(r[field] ?? null, v);
    return c !== null && test(c);
  };
}

/** One sort key: Zuora sorts on a single base-object field. */
export function parseSort(object: ObjectName, raw: string[]): { field: string; dir: 1 | -1 } | undefined {
  if (raw.length > 1)
    throw new QueryParamError(
      `sort[] takes one field; ${raw.length} were given (${raw.join(', ').slice(0, 80)})`,
    );
  const s = raw[0];
  if (s === undefined) return undefined;
  const m = /^([A-Za-z0-9_]+)\.(ASC|DESC)$/i.exec(s);
  const field = m ? fieldForCamel(object, m[1] ?? '') : undefined;
  if (m === null || field === undefined)
    throw new QueryParamError(`invalid sort '${s.slice(0, 64)}': expected field.ASC or field.DESC`);
  return { field, dir: (m[2] ?? '').toUpperCase() === 'DESC' ? -1 : 1 };
}
