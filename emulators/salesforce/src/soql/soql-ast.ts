// The parsed form of a SOQL query, before it is bound to the schema.
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select.htm

/** One unit of a LIKE pattern: a literal character, `%` (any run) or `_` (one character). */
export type LikeUnit = string | { wildcard: '%' | '_' };

export type Literal =
  | { kind: 'string'; value: string; raw: string; pos: number }
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'boolean'; value: boolean; pos: number }
  | { kind: 'null'; pos: number }
  | { kind: 'date'; value: string; pos: number }
  | { kind: 'datetime'; value: string; pos: number }
  | { kind: 'dateLiteral'; name: string; n: number; pos: number };

export interface FieldPath {
  path: string;
  pos: number;
}

export const aggregateFunctions = ['COUNT', 'COUNT_DISTINCT', 'MIN', 'MAX', 'SUM', 'AVG'] as const;
export type AggregateFunction = (typeof aggregateFunctions)[number];

/** Date functions usable in SELECT, WHERE, GROUP BY and HAVING. */
export const dateFunctions = [
  'CALENDAR_MONTH',
  'CALENDAR_QUARTER',
  'CALENDAR_YEAR',
  'DAY_IN_MONTH',
  'DAY_IN_WEEK',
  'DAY_IN_YEAR',
  'DAY_ONLY',
  'FISCAL_MONTH',
  'FISCAL_QUARTER',
  'FISCAL_YEAR',
  'HOUR_IN_DAY',
  'WEEK_IN_MONTH',
  'WEEK_IN_YEAR',
] as const;
export type DateFunction = (typeof dateFunctions)[number];

/** A value expression: a field path, a date function of one, or an aggregate (`field` null: COUNT()). */
export type Expr =
  | ({ kind: 'field' } & FieldPath)
  | { kind: 'dateFn'; fn: DateFunction; field: FieldPath; pos: number }
  | { kind: 'aggregate'; fn: AggregateFunction; arg: Expr | null; pos: number; text: string };

export type SelectItem =
  | { kind: 'expr'; expr: Expr; alias: string | null; wrapper: string | null; pos: number }
  | { kind: 'subquery'; query: SoqlQuery; pos: number }
  | { kind: 'fields'; which: 'ALL' | 'STANDARD' | 'CUSTOM'; pos: number };

export type CompareOp = '=' | '!=' | '<' | '>' | '<=' | '>=';

export type Condition =
  | { kind: 'and' | 'or'; parts: Condition[] }
  | { kind: 'not'; part: Condition }
  | { kind: 'compare'; left: Expr; op: CompareOp; value: Literal }
  | { kind: 'like'; left: Expr; value: Literal; pattern: LikeUnit[] | null }
  | { kind: 'in'; left: Expr; negated: boolean; values: Literal[] | SoqlQuery }
  | { kind: 'includes'; left: Expr; negated: boolean; values: Literal[] };

export interface OrderItem {
  expr: Expr;
  descending: boolean;
  nullsLast: boolean;
}

export interface SoqlQuery {
  select: SelectItem[];
  from: string;
  fromPos: number;
  /** `FROM Account a`: fields may then be written `a.Name`. */
  fromAlias: string | null;
  where: Condition | null;
  groupBy: Expr[];
  having: Condition | null;
  orderBy: OrderItem[];
  limit: number | null;
  offset: number | null;
  offsetPos: number;
}
