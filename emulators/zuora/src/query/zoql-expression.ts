// Filter expressions of the where and having clauses. ZOQL: `field op literal` joined by and/or, `and`
// binding tighter, no parentheses, no field-to-field comparison
// (https://docs.zuora.com/en/zuora-platform/data/legacy-query-methods/zoql/filter-statements). Export ZOQL
// adds not, parentheses, `!= null` and comparing two fields
// (https://docs.zuora.com/en/zuora-platform/data/legacy-query-methods/export-zoql/export-zoql-filter-statements);
// SQL adds in (...). and/or chains are read in loops; only parentheses and not recurse, to a bounded depth.
import type {
  AggregateCall,
  AggregateFn,
  CompareOp,
  Expr,
  FieldRef,
  LiteralValue,
  Value,
} from './zoql-ast.js';
import { QueryError } from './query-error.js';
import type { TokenCursor } from './token-cursor.js';

const maxDepth = 50;
const aggregateFns: readonly AggregateFn[] = ['count', 'sum', 'avg', 'min', 'max'];

export const reservedWords = new Set(
  'select from where and or not like is null true false order by asc desc group having limit offset as in distinct join inner left right outer cross full on union'.split(
    ' ',
  ),
);

export interface ExpressionContext {
  allowAggregates: boolean;
  /** Counts comparisons as they are read (ZOQL allows at most 200). */
  conditions: number;
}

export function parseExpression(c: TokenCursor, ctx: ExpressionContext, depth = 0): Expr {
  if (depth > maxDepth) throw new QueryError('limit', `filters are nested more than ${maxDepth} levels deep`);
  const ors: Expr[] = [];
  for (;;) {
    const ands: Expr[] = [];
    for (;;) {
      ands.push(parseUnary(c, ctx, depth));
      if (!c.acceptKeyword('and')) break;
    }
    ors.push(ands.length === 1 ? (ands[0] as Expr) : { kind: 'and', items: ands });
    if (!c.acceptKeyword('or')) break;
  }
  return ors.length === 1 ? (ors[0] as Expr) : { kind: 'or', items: ors };
}

function parseUnary(c: TokenCursor, ctx: ExpressionContext, depth: number): Expr {
  if (c.dialect !== 'zoql') {
    if (c.acceptKeyword('not')) return { kind: 'not', item: parseUnary(c, ctx, depth + 1) };
    if (c.acceptPunct('(')) {
      const inner = parseExpression(c, ctx, depth + 1);
      c.expectPunct(')');
      return inner;
    }
  } else if (c.isPunct('(')) {
    throw new QueryError('syntax', `parentheses are not supported in ZOQL filters (${c.here()})`);
  }
  return parseCondition(c, ctx);
}

function parseCondition(c: TokenCursor, ctx: ExpressionContext): Expr {
  ctx.conditions += 1;
  const left = parseValue(c, ctx, 'left');
  if (c.acceptKeyword('is')) {
    const negated = c.acceptKeyword('not');
    c.expectKeyword('null');
    return { kind: 'null', left, negated };
  }
  const negated = c.dialect === 'sql' && c.acceptKeyword('not');
  if (c.acceptKeyword('like')) {
    const t = c.next();
    if (t?.kind !== 'string')
      throw new QueryError('syntax', `like needs a quoted pattern, found ${describe(t)}`);
    return { kind: 'like', left, pattern: t.text, negated };
  }
  if (c.dialect === 'sql' && c.acceptKeyword('in')) {
    c.expectPunct('(');
    const values: LiteralValue[] = [];
    do values.push(parseLiteral(c));
    while (c.acceptPunct(','));
    c.expectPunct(')');
    return { kind: 'in', left, values, negated };
  }
  if (negated) throw new QueryError('syntax', `expected like or in after not, found ${c.here()}`);
  const op = c.peek();
  if (op?.kind !== 'op')
    throw new QueryError('syntax', `expected an operator after ${describeValue(left)} but found ${c.here()}`);
  c.next();
  const right = parseValue(c, ctx, 'right');
  return { kind: 'compare', left, op: op.text as CompareOp, right };
}

function parseValue(c: TokenCursor, ctx: ExpressionContext, side: 'left' | 'right'): Value {
  const t = c.peek();
  if (t?.kind === 'word' && !reservedWords.has(t.text.toLowerCase()) && c.peek(1)?.text === '(') {
    if (!ctx.allowAggregates || !aggregateFns.includes(t.text.toLowerCase() as AggregateFn))
      throw new QueryError('syntax', `function ${t.text}() is not supported here (position ${t.pos})`);
    return parseAggregate(c);
  }
  const sqlTemporal =
    c.dialect === 'sql' &&
    ['date', 'timestamp'].includes(t?.text.toLowerCase() ?? '') &&
    c.peek(1)?.kind === 'string';
  const isField =
    t?.kind === 'word' && !sqlTemporal && !['true', 'false', 'null'].includes(t.text.toLowerCase());
  if (isField && (side === 'left' || c.dialect !== 'zoql')) {
    if (reservedWords.has(t.text.toLowerCase()) && !t.text.includes('.'))
      throw new QueryError('syntax', `expected a field name but found ${c.here()}`);
    c.next();
    return { kind: 'field', ref: t.text };
  }
  if (side === 'left' && c.dialect === 'zoql')
    throw new QueryError('syntax', `expected a field name in the where clause but found ${c.here()}`);
  if (isField && c.dialect === 'zoql')
    throw new QueryError(
      'syntax',
      `'${t.text}' is not a valid value: ZOQL compares a field with a literal; quote strings with single quotes`,
    );
  return parseLiteral(c);
}

export function parseAggregate(c: TokenCursor): AggregateCall {
  const fn = (c.next()?.text ?? '').toLowerCase() as AggregateFn;
  c.expectPunct('(');
  let arg: FieldRef | null = null;
  const distinct = c.acceptKeyword('distinct');
  if (c.acceptPunct('*')) {
    if (fn !== 'count' || distinct) throw new QueryError('syntax', `only count() takes '*' (${fn})`);
  } else {
    const t = c.next();
    if (t?.kind !== 'word' || reservedWords.has(t.text.toLowerCase()))
      throw new QueryError('syntax', `${fn}() needs a field name, found ${describe(t)}`);
    if (c.peek()?.text === '(') throw new QueryError('syntax', 'aggregate functions cannot be nested');
    arg = { kind: 'field', ref: t.text };
  }
  if (distinct && fn !== 'count')
    throw new QueryError('syntax', 'Invalid Distinct column, without Count function.');
  c.expectPunct(')');
  return { kind: 'aggregate', fn, arg, distinct };
}

export function parseLiteral(c: TokenCursor): LiteralValue {
  const t = c.next();
  if (t === undefined) throw new QueryError('syntax', 'expected a value but the query ended');
  if (t.kind === 'string') return { kind: 'literal', value: t.text, temporal: false };
  if (t.kind === 'datetime') return { kind: 'literal', value: t.text, temporal: true };
  if (t.kind === 'number') return { kind: 'literal', value: Number(t.text), temporal: false };
  const w = t.kind === 'word' ? t.text.toLowerCase() : '';
  if (w === 'true' || w === 'false') return { kind: 'literal', value: w === 'true', temporal: false };
  if (w === 'null') return { kind: 'literal', value: null, temporal: false };
  if (c.dialect === 'sql' && (w === 'date' || w === 'timestamp') && c.peek()?.kind === 'string')
    return { kind: 'literal', value: c.next()?.text ?? '', temporal: true };
  throw new QueryError('syntax', `expected a value but found ${describe(t)}`);
}

function describe(t: { text: string; pos: number } | undefined): string {
  return t === undefined ? 'end of query' : `'${t.text.slice(0, 40)}' at position ${t.pos}`;
}

function describeValue(v: Value): string {
  return v.kind === 'field' ? `'${v.ref}'` : v.kind === 'aggregate' ? `${v.fn}()` : 'the value';
}
