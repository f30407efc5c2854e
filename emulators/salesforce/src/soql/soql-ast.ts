// The parsed form of a SOQL query (subset used by the project).

export type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'date'; value: string }
  | { kind: 'datetime'; value: string }
  | { kind: 'dateLiteral'; name: string; n: number };

export interface FieldPath {
  path: string;
  pos: number;
}

export type SelectItem =
  | ({ kind: 'field' } & FieldPath)
  | { kind: 'count'; field: FieldPath | null; alias: string | null; pos: number };

export type Condition =
  | { kind: 'and' | 'or'; parts: Condition[] }
  | { kind: 'not'; part: Condition }
  | { kind: 'compare'; field: FieldPath; op: '=' | '!=' | '<' | '>' | '<=' | '>=' | 'like'; value: Literal }
  | { kind: 'in'; field: FieldPath; negated: boolean; values: Literal[] | SoqlQuery }
  | { kind: 'includes'; field: FieldPath; negated: boolean; values: string[] };

export interface OrderItem {
  field: FieldPath;
  descending: boolean;
  nullsLast: boolean;
}

export interface SoqlQuery {
  select: SelectItem[];
  from: string;
  fromPos: number;
  where: Condition | null;
  orderBy: OrderItem[];
  limit: number | null;
  offset: number | null;
}
