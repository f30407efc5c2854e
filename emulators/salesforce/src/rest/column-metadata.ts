import { isNumeric } from '../schema/field-capabilities.js';
import type { FieldDef } from '../schema/schema-types.js';
import type { QueryResult, SelectColumn } from '../soql/query-result.js';

// `GET /query?q=...&columns=true`: the column description the sf CLI requests to lay out `data query`
// output. Not in the REST reference; the shape follows what the CLI reads (columnName, joinColumns,
// aggregate, and a subquery as an aggregate column with its own joinColumns).

interface ColumnMeta {
  aggregate: boolean;
  apexType: string | null;
  booleanType: boolean;
  columnName: string;
  custom: boolean;
  displayName: string;
  foreignKeyName: null;
  insertable: boolean;
  joinColumns: ColumnMeta[];
  numberType: boolean;
  textType: boolean;
  updatable: boolean;
}

function meta(name: string, field: FieldDef | null, aggregate = false, display = name): ColumnMeta {
  const numeric = field !== null && isNumeric(field);
  return {
    aggregate,
    apexType: null,
    booleanType: field?.type === 'boolean',
    columnName: name,
    custom: field?.custom ?? false,
    displayName: display,
    foreignKeyName: null,
    insertable: !aggregate && (field?.createable ?? false),
    joinColumns: [],
    numberType: numeric,
    textType: field !== null && !numeric && field.type !== 'boolean',
    updatable: !aggregate && (field?.updateable ?? false),
  };
}

function recordColumns(columns: SelectColumn[]): ColumnMeta[] {
  const top: ColumnMeta[] = [];
  for (const c of columns) {
    if (c.kind === 'child') {
      const name = c.relationship.name ?? c.rows.def.name;
      top.push({ ...meta(name, null, true), joinColumns: recordColumns(c.rows.columns) });
      continue;
    }
    let level = top;
    for (const hop of c.path.hops) {
      let parent = level.find((t) => t.columnName === hop.name);
      if (!parent) {
        parent = meta(hop.name, hop.field);
        level.push(parent);
      }
      level = parent.joinColumns;
    }
    level.push(meta(c.path.field.name, c.path.field));
  }
  return top;
}

export function columnMetadata(result: QueryResult) {
  const columns =
    result.kind === 'records'
      ? recordColumns(result.columns)
      : result.kind === 'aggregate'
        ? result.columns.map((c) => meta(c.name, c.field, c.aggregate, c.display))
        : [];
  return {
    columnMetadata: columns,
    entityName: result.def.name,
    groupBy: result.kind === 'aggregate' && result.groupBy,
    idSelected:
      result.kind === 'records' && result.columns.some((c) => c.kind === 'field' && c.path.text === 'Id'),
    keyPrefix: result.kind === 'records' ? result.def.keyPrefix : null,
  };
}
