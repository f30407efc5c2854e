import { filterable, isIdLike } from '../schema/field-capabilities.js';
import type { FieldDef } from '../schema/schema-types.js';
import type { SfValue } from '../store/sf-error.js';
import { dateLiteralRange } from './date-literals.js';
import { compareValues, datetimeMs, equalityKey, filterValue } from './filter-value.js';
import { likeMatcher } from './like-matcher.js';
import type { CompareOp, Condition, Expr, Literal, SoqlQuery } from './soql-ast.js';
import { queryError } from './soql-error.js';

// Compiles a WHERE or HAVING condition to a predicate. Rows are records (WHERE) or groups (HAVING);
// `operand` says how to read an expression from a row. Comparison rules from the SOQL reference:
// strings compare without case, a null only matches `= null` / `!= null` (and `!=` any value).
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_comparisonoperators.htm

export interface Operand<T> {
  field: FieldDef;
  get: (row: T) => SfValue;
}

export interface ConditionContext<T> {
  soql: string;
  /** The org's clock, for date literals such as TODAY. */
  now: () => number;
  operand: (expr: Expr) => Operand<T>;
  /** Runs a semi-join subquery; returns the equality keys of its single column. */
  semiJoin: (query: SoqlQuery, left: FieldDef) => Set<string>;
}

type Predicate<T> = (row: T) => boolean;

function checkFilterable(field: FieldDef, soql: string, pos: number): void {
  if (!filterable(field))
    throw queryError('INVALID_FIELD', `field '${field.name}' can not be filtered in a query call`, soql, pos);
}

function rangePredicate<T>(
  o: Operand<T>,
  op: CompareOp,
  lit: Extract<Literal, { kind: 'dateLiteral' }>,
  nowMs: number,
) {
  const [start, end] = dateLiteralRange(lit.name, lit.n, nowMs);
  return (row: T): boolean => {
    const v = o.get(row);
    if (v === null) return op === '!=';
    const ms = o.field.type === 'date' ? datetimeMs(String(v).slice(0, 10)) : datetimeMs(String(v));
    const tests: Record<CompareOp, boolean> = {
      '=': ms >= start && ms < end,
      '!=': ms < start || ms >= end,
      '<': ms < start,
      '<=': ms < end,
      '>': ms >= end,
      '>=': ms >= start,
    };
    return tests[op];
  };
}

function comparePredicate<T>(
  o: Operand<T>,
  op: CompareOp,
  lit: Literal,
  ctx: ConditionContext<T>,
): Predicate<T> {
  const temporal = o.field.type === 'date' || o.field.type === 'datetime';
  if (lit.kind === 'dateLiteral' && temporal) return rangePredicate(o, op, lit, ctx.now());
  const target = filterValue(o.field, lit, ctx.soql);
  if (target === null) {
    if (op === '=') return (row) => o.get(row) === null;
    if (op === '!=') return (row) => o.get(row) !== null;
    return () => false;
  }
  const outcome = (cmp: number): boolean =>
    op === '='
      ? cmp === 0
      : op === '!='
        ? cmp !== 0
        : op === '<'
          ? cmp < 0
          : op === '<='
            ? cmp <= 0
            : op === '>'
              ? cmp > 0
              : cmp >= 0;
  return (row) => {
    const v = o.get(row);
    if (v === null) return op === '!=';
    return outcome(compareValues(o.field, v, target));
  };
}

function likePredicate<T>(
  o: Operand<T>,
  c: Extract<Condition, { kind: 'like' }>,
  soql: string,
): Predicate<T> {
  if (
    isIdLike(o.field) ||
    !['string', 'textarea', 'picklist', 'email', 'phone', 'url'].includes(o.field.type)
  ) {
    throw queryError(
      'INVALID_QUERY_FILTER_OPERATOR',
      `invalid operator on ${isIdLike(o.field) ? 'id' : o.field.type} field: ${o.field.name}`,
      soql,
      c.value.pos,
    );
  }
  if (!c.pattern) {
    // Not a string: refused with the field's type error; `LIKE null` matches nothing.
    filterValue(o.field, c.value, soql);
    return () => false;
  }
  const matches = likeMatcher(c.pattern);
  return (row) => {
    const v = o.get(row);
    return v !== null && matches(String(v));
  };
}

function inPredicate<T>(
  o: Operand<T>,
  c: Extract<Condition, { kind: 'in' }>,
  ctx: ConditionContext<T>,
): Predicate<T> {
  const keys = Array.isArray(c.values)
    ? new Set(c.values.map((l) => equalityKey(o.field, filterValue(o.field, l, ctx.soql))))
    : ctx.semiJoin(c.values, o.field);
  return (row) => {
    const v = o.get(row);
    return keys.has(equalityKey(o.field, v)) !== c.negated;
  };
}

function includesPredicate<T>(o: Operand<T>, c: Extract<Condition, { kind: 'includes' }>, soql: string) {
  if (o.field.type !== 'multipicklist') {
    throw queryError(
      'INVALID_QUERY_FILTER_OPERATOR',
      `includes or excludes operator only valid on multipicklist field: ${o.field.name}`,
      soql,
      c.values[0]?.pos,
    );
  }
  // Each INCLUDES value may itself be `a;b`, meaning both selected.
  const wanted = c.values.map((l) =>
    String(filterValue(o.field, l, soql) ?? '')
      .toLowerCase()
      .split(';'),
  );
  return (row: T): boolean => {
    const v = o.get(row);
    const selected = new Set(v === null ? [] : String(v).toLowerCase().split(';'));
    const hit = wanted.some((all) => all.every((w) => selected.has(w)));
    return c.negated ? !hit : hit;
  };
}

export function compileCondition<T>(c: Condition, ctx: ConditionContext<T>): Predicate<T> {
  switch (c.kind) {
    case 'and': {
      const parts = c.parts.map((p) => compileCondition(p, ctx));
      return (row) => parts.every((p) => p(row));
    }
    case 'or': {
      const parts = c.parts.map((p) => compileCondition(p, ctx));
      return (row) => parts.some((p) => p(row));
    }
    case 'not': {
      const part = compileCondition(c.part, ctx);
      return (row) => !part(row);
    }
    default: {
      const o = ctx.operand(c.left);
      checkFilterable(o.field, ctx.soql, c.left.pos);
      if (c.kind === 'compare') return comparePredicate(o, c.op, c.value, ctx);
      if (c.kind === 'like') return likePredicate(o, c, ctx.soql);
      if (c.kind === 'in') return inPredicate(o, c, ctx);
      return includesPredicate(o, c, ctx.soql);
    }
  }
}
