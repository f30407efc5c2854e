// The parsed form shared by ZOQL, Export ZOQL and Data Query SQL; each dialect's parser admits a subset.
import type { Dialect } from './zoql-lexer.js';

export type Literal = string | number | boolean | null;

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=';

export type AggregateFn = 'count' | 'sum' | 'avg' | 'min' | 'max';

export interface FieldRef {
  kind: 'field';
  /** As written: `Name`, `Account.Name`, `BillToContact.City`. */
  ref: string;
}

export interface LiteralValue {
  kind: 'literal';
  value: Literal;
  /** A date or date-time written as such (quoted or not), checked against the calendar when compiled. */
  temporal: boolean;
}

export interface AggregateCall {
  kind: 'aggregate';
  fn: AggregateFn;
  /** `null` for count(*). */
  arg: FieldRef | null;
  distinct: boolean;
}

export type Value = FieldRef | LiteralValue | AggregateCall;

export type Expr =
  | { kind: 'compare'; left: Value; op: CompareOp; right: Value }
  | { kind: 'like'; left: Value; pattern: string; negated: boolean }
  | { kind: 'null'; left: Value; negated: boolean }
  | { kind: 'in'; left: Value; values: LiteralValue[]; negated: boolean }
  | { kind: 'and' | 'or'; items: Expr[] }
  | { kind: 'not'; item: Expr };

export type SelectItem =
  | { kind: 'star'; qualifier: string | null }
  | { kind: 'value'; value: FieldRef | AggregateCall; alias: string | null; text: string };

export interface OrderKey {
  value: FieldRef | AggregateCall;
  desc: boolean;
}

export interface ParsedQuery {
  dialect: Dialect;
  items: SelectItem[];
  object: string;
  where: Expr | null;
  /** Number of comparisons in the where clause (ZOQL allows at most 200). */
  conditions: number;
  groupBy: FieldRef[];
  having: Expr | null;
  orderBy: OrderKey[];
  limit: { offset: number; count: number } | null;
}
