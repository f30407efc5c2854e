import {
  aggregateFunctions,
  dateFunctions,
  type AggregateFunction,
  type CompareOp,
  type Condition,
  type DateFunction,
  type Expr,
  type FieldPath,
  type Literal,
  type SoqlQuery,
} from './soql-ast.js';
import { queryError } from './soql-error.js';
import { decodeLikePattern, decodeString } from './string-literal.js';
import type { TokenCursor } from './token-cursor.js';

// Field expressions and conditions of WHERE and HAVING. "Parentheses are required whenever you mix
// the operators" AND and OR: https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_logicaloperators.htm
// Date literals: https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_dateformats.htm

export const clauseWords = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'ORDER',
  'LIMIT',
  'OFFSET',
  'WITH',
  'GROUP',
  'HAVING',
  'FOR',
  'USING',
  'AND',
  'OR',
  'NOT',
  'TYPEOF',
  'UPDATE',
]);

const dateLiteralNames = new Set([
  'YESTERDAY',
  'TODAY',
  'TOMORROW',
  'LAST_WEEK',
  'THIS_WEEK',
  'NEXT_WEEK',
  'LAST_MONTH',
  'THIS_MONTH',
  'NEXT_MONTH',
  'LAST_90_DAYS',
  'NEXT_90_DAYS',
  'THIS_YEAR',
  'LAST_YEAR',
  'NEXT_YEAR',
  'THIS_QUARTER',
  'LAST_QUARTER',
  'NEXT_QUARTER',
]);
const dateLiteralsWithN = new Set([
  'LAST_N_DAYS',
  'NEXT_N_DAYS',
  'N_DAYS_AGO',
  'LAST_N_WEEKS',
  'NEXT_N_WEEKS',
  'LAST_N_MONTHS',
  'NEXT_N_MONTHS',
  'LAST_N_YEARS',
  'NEXT_N_YEARS',
  'LAST_N_QUARTERS',
  'NEXT_N_QUARTERS',
]);

export type SubqueryParser = (c: TokenCursor) => SoqlQuery;

export function fieldPath(c: TokenCursor): FieldPath {
  const t = c.next();
  if (t.kind !== 'ident' || clauseWords.has(t.text.toUpperCase())) c.fail(t);
  if (t.text.endsWith('.') || t.text.includes('..')) c.fail(t);
  return { path: t.text, pos: t.pos };
}

/** A field path, a date function of one (`CALENDAR_YEAR(CreatedDate)`) or an aggregate call. */
export function parseExpr(c: TokenCursor): Expr {
  const t = c.peek();
  const name = t.text.toUpperCase();
  if (t.kind !== 'ident' || !c.isPunct('(', 1)) return { kind: 'field', ...fieldPath(c) };
  c.next();
  c.next();
  if ((aggregateFunctions as readonly string[]).includes(name)) {
    const arg = c.isPunct(')') ? null : c.nest(() => parseExpr(c));
    if (arg === null && name !== 'COUNT') c.fail();
    if (arg?.kind === 'aggregate') c.fail();
    const end = c.expectPunct(')');
    const text = c.soql.slice(t.pos, end.pos + 1);
    return { kind: 'aggregate', fn: name as AggregateFunction, arg, pos: t.pos, text };
  }
  if ((dateFunctions as readonly string[]).includes(name)) {
    // convertTimezone() only shifts to the user's time zone, which is GMT here.
    const wrapped = c.isWord('CONVERTTIMEZONE') && c.isPunct('(', 1);
    if (wrapped) {
      c.next();
      c.next();
    }
    const field = fieldPath(c);
    if (wrapped) c.expectPunct(')');
    c.expectPunct(')');
    return { kind: 'dateFn', fn: name as DateFunction, field, pos: t.pos };
  }
  throw queryError('MALFORMED_QUERY', `Unknown function ${t.text}`, c.soql, t.pos);
}

export function parseCondition(c: TokenCursor, subquery: SubqueryParser): Condition {
  const first = notCondition(c, subquery);
  const op = c.isWord('AND') ? 'and' : c.isWord('OR') ? 'or' : null;
  if (!op) return first;
  const parts = [first];
  while (c.isWord(op.toUpperCase())) {
    c.next();
    parts.push(notCondition(c, subquery));
  }
  if (c.isWord(op === 'and' ? 'OR' : 'AND')) {
    const t = c.peek();
    throw queryError(
      'MALFORMED_QUERY',
      `unexpected token: '${t.text}': parentheses are required whenever you mix AND and OR`,
      c.soql,
      t.pos,
    );
  }
  return { kind: op, parts };
}

function notCondition(c: TokenCursor, subquery: SubqueryParser): Condition {
  if (c.accept('NOT')) return { kind: 'not', part: c.nest(() => notCondition(c, subquery)) };
  if (c.isPunct('(')) {
    c.next();
    const inner = c.nest(() => parseCondition(c, subquery));
    c.expectPunct(')');
    return inner;
  }
  return comparison(c, subquery);
}

function comparison(c: TokenCursor, subquery: SubqueryParser): Condition {
  const left = parseExpr(c);
  const t = c.next();
  if (t.kind === 'op') return { kind: 'compare', left, op: t.text as CompareOp, value: literal(c) };
  const word = t.kind === 'ident' ? t.text.toUpperCase() : '';
  if (word === 'LIKE') {
    if (c.peek().kind !== 'string') return { kind: 'like', left, value: literal(c), pattern: null };
    const s = c.next();
    const pattern = decodeLikePattern(s.text, c.soql, s.pos);
    const text = pattern.map((u) => (typeof u === 'string' ? u : u.wildcard)).join('');
    return { kind: 'like', left, value: { kind: 'string', value: text, raw: s.text, pos: s.pos }, pattern };
  }
  const negated = word === 'NOT';
  const which = negated ? c.next().text.toUpperCase() : word;
  if (which === 'IN') {
    c.expectPunct('(');
    if (c.isWord('SELECT')) {
      const sub = c.nest(() => subquery(c));
      c.expectPunct(')');
      return { kind: 'in', left, negated, values: sub };
    }
    return { kind: 'in', left, negated, values: literalList(c) };
  }
  if (!negated && (word === 'INCLUDES' || word === 'EXCLUDES')) {
    c.expectPunct('(');
    return { kind: 'includes', left, negated: word === 'EXCLUDES', values: literalList(c) };
  }
  return c.fail(t);
}

function literalList(c: TokenCursor): Literal[] {
  const values: Literal[] = [literal(c)];
  while (c.isPunct(',')) {
    c.next();
    values.push(literal(c));
  }
  c.expectPunct(')');
  return values;
}

export function literal(c: TokenCursor): Literal {
  const t = c.next();
  const pos = t.pos;
  switch (t.kind) {
    case 'string':
      return { kind: 'string', value: decodeString(t.text, c.soql, pos), raw: t.text, pos };
    case 'number':
      return { kind: 'number', value: Number(t.text), pos };
    case 'date':
      return { kind: 'date', value: t.text, pos };
    case 'datetime':
      return { kind: 'datetime', value: t.text, pos };
    case 'ident': {
      const word = t.text.toUpperCase();
      if (word === 'NULL') return { kind: 'null', pos };
      if (word === 'TRUE' || word === 'FALSE') return { kind: 'boolean', value: word === 'TRUE', pos };
      if (dateLiteralNames.has(word)) return { kind: 'dateLiteral', name: word, n: 0, pos };
      if (dateLiteralsWithN.has(word)) {
        c.expectPunct(':');
        return { kind: 'dateLiteral', name: word, n: c.integer().value, pos };
      }
      return c.fail(t);
    }
    default:
      return c.fail(t);
  }
}
