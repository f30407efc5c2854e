// The output columns of a query: `*` and `Joined.*` expanded to every field, joined fields followed,
// aliases checked (two columns may not share one: "Duplicate column aliases X were defined."), and an
// aggregate's value read from the grouped row it produces.
// https://docs.zuora.com/en/zuora-platform/data/legacy-query-methods/export-zoql/export-zoql-select-statements
import { objectFields, type ObjectName } from '../model/object-definitions.js';
import { fieldType, type FieldType } from '../model/field-types.js';
import type { FieldValue, ZRecord } from '../model/zuora-record.js';
import type { TenantStore } from '../store/tenant-store.js';
import { labelHeader } from './column-labels.js';
import { fieldGetter, findPath, type ResolvedField } from './field-paths.js';
import { excerpt, QueryError } from './query-error.js';
import type { AggregateCall, SelectItem } from './zoql-ast.js';

export type Row = Readonly<Record<string, FieldValue>>;
export type RowGetter = (row: Row) => FieldValue;

export interface Column {
  /** As written in the query (`Name`, `Account.Name`, `count(Id)`). */
  reference: string;
  /** Canonical: `AccountNumber`, `Account.AccountNumber`, `count(Id)`. */
  label: string;
  /** `<Object>.<Field>` (AQuA headers with useQueryLabels=true). */
  qualified: string;
  /** `Account: Account Number` (AQuA headers without useQueryLabels). */
  title: string;
  alias: string | null;
  type: FieldType;
  /** A record field or joined field, when the column is not an aggregate. */
  field: ResolvedField | null;
  aggregate: AggregateCall | null;
  /** Reads the column from a result row (a record, or a grouped row keyed c0, c1, ...). */
  getter: RowGetter;
  ownField?: string;
}

export function aggregateText(a: AggregateCall): string {
  return `${a.fn}(${a.distinct ? 'distinct ' : ''}${a.arg?.ref ?? '*'})`;
}

export function aggregateType(a: AggregateCall, argType: FieldType | null): FieldType {
  if (a.fn === 'count') return 'integer';
  if (a.fn === 'min' || a.fn === 'max') return argType ?? 'text';
  return 'decimal';
}

function fieldColumn(object: ObjectName, f: ResolvedField, reference: string, alias: string | null): Column {
  const recordGetter = f.getter;
  return {
    reference,
    label: f.label,
    qualified: `${f.qualifier ?? object}.${f.field}`,
    title: labelHeader(f.qualifier ?? object, f.field),
    alias,
    type: fieldType(f.target, f.field),
    field: f,
    aggregate: null,
    getter: (row) => recordGetter(row as ZRecord),
    ...(f.ownField === undefined ? {} : { ownField: f.ownField }),
  };
}

function expandStar(
  store: TenantStore,
  object: ObjectName,
  qualifier: string | null,
  joins: boolean,
): Column[] {
  if (qualifier === null || qualifier.toLowerCase() === object.toLowerCase())
    return objectFields[object].map((f) =>
      fieldColumn(object, fieldGetter(store, object, f, false), f, null),
    );
  if (!joins)
    throw new QueryError(
      'field',
      `invalid field for query: ${excerpt(qualifier)}.* (joins need Export ZOQL)`,
    );
  const path = findPath(object, qualifier);
  if (path === undefined)
    throw new QueryError(
      'field',
      `invalid field for query: ${excerpt(qualifier)}.* (not related to ${object})`,
    );
  return objectFields[path.target].map((f) => {
    const ref = `${qualifier}.${f}`;
    return fieldColumn(object, fieldGetter(store, object, ref, true), ref, null);
  });
}

export function selectColumns(
  store: TenantStore,
  object: ObjectName,
  items: readonly SelectItem[],
  joins: boolean,
): Column[] {
  // A field named again is the same column: build it once (a query may repeat one field thousands of times).
  const built = new Map<string, Column>();
  const columns = items.flatMap((item): Column[] => {
    if (item.kind === 'star') return expandStar(store, object, item.qualifier, joins);
    if (item.value.kind === 'field') {
      const known = item.alias === null ? built.get(item.text) : undefined;
      if (known !== undefined) return [known];
      const column = fieldColumn(
        object,
        fieldGetter(store, object, item.value.ref, joins),
        item.text,
        item.alias,
      );
      if (item.alias === null) built.set(item.text, column);
      return [column];
    }
    const agg = item.value;
    const arg = agg.arg === null ? null : fieldGetter(store, object, agg.arg.ref, joins);
    const text = aggregateText(agg);
    return [
      {
        reference: text,
        label: text,
        qualified: text,
        title: text,
        alias: item.alias,
        type: aggregateType(agg, arg === null ? null : fieldType(arg.target, arg.field)),
        field: null,
        aggregate: agg,
        getter: () => null,
      },
    ];
  });
  const seen = new Set<string>();
  for (const c of columns) {
    if (c.alias === null) continue;
    const key = c.alias.toLowerCase();
    if (seen.has(key))
      throw new QueryError('syntax', `Duplicate column aliases ${excerpt(c.alias)} were defined.`);
    seen.add(key);
  }
  return columns;
}
