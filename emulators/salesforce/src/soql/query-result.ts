import type { ChildRelationship } from '../schema/child-relationships.js';
import type { FieldDef, ObjectDef } from '../schema/schema-types.js';
import type { SfValue, StoredRecord } from '../store/sf-error.js';
import type { BoundPath } from './bind-path.js';

// What a query yields, before the REST or Bulk layer renders it.

export type SelectColumn =
  { kind: 'field'; path: BoundPath } | { kind: 'child'; relationship: ChildRelationship; rows: ChildRows };

/** A parent-to-child subquery's records for every parent row, already filtered, ordered and limited. */
export interface ChildRows {
  def: ObjectDef;
  columns: SelectColumn[];
  byParent: Map<string, StoredRecord[]>;
}

export interface RecordsResult {
  kind: 'records';
  def: ObjectDef;
  columns: SelectColumn[];
  rows: StoredRecord[];
  totalSize: number;
}

/** One output column of an aggregate query: a grouped field or an aggregate / date function. */
export interface AggregateColumn {
  name: string;
  aggregate: boolean;
  field: FieldDef;
  /** As written in the query, for column metadata (`COUNT(Id)`). */
  display: string;
}

export interface AggregateQueryResult {
  kind: 'aggregate';
  def: ObjectDef;
  columns: AggregateColumn[];
  rows: Array<Record<string, SfValue>>;
  groupBy: boolean;
}

/** `SELECT COUNT() FROM ...`: only a total, no records. */
export interface CountResult {
  kind: 'count';
  def: ObjectDef;
  totalSize: number;
}

export type QueryResult = RecordsResult | AggregateQueryResult | CountResult;

export interface RunOptions {
  includeDeleted: boolean;
  soql: string;
}
