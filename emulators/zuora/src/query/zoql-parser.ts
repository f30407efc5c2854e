// Statement parser for the three dialects.
// ZOQL (Action query, AQuA `zoql`): `select f1, f2 from Object [where ...]`; no `*`, joins, aggregates or
// order by, lower-case keywords, at most 200 conditions.
// https://knowledgecenter.zuora.com/Zuora_Central_Platform/Query/ZOQL
// Export ZOQL (AQuA `zoqlexport`, CRUD export): `*` and `Joined.*`, joined fields, aliases (`as "label"`),
// aggregates, group by (at most 5 fields), having, order by, `limit n` or `limit offset,count`.
// https://docs.zuora.com/en/zuora-platform/data/legacy-query-methods/export-zoql/export-zoql-select-statements ;
// https://docs.zuora.com/en/zuora-platform/data/legacy-query-methods/export-zoql/export-zoql-clauses
// SQL (Data Query): the single-table part of Trino's SELECT the emulator implements (see the README).
import type { Expr, FieldRef, OrderKey, ParsedQuery, SelectItem, Value } from './zoql-ast.js';
import { parseAggregate, parseExpression, reservedWords, type ExpressionContext } from './zoql-expression.js';
import { tokenize, type Dialect } from './zoql-lexer.js';
import { QueryError } from './query-error.js';
import { TokenCursor } from './token-cursor.js';

const zoqlMaxConditions = 200;
const maxGroupByFields = 5;

function parseSelectItem(c: TokenCursor): SelectItem {
  const start = c.peek();
  if (c.acceptPunct('*')) {
    if (c.dialect === 'zoql')
      throw new QueryError('syntax', "the wildcard '*' is not supported in ZOQL; name each field");
    return { kind: 'star', qualifier: null };
  }
  if (start?.kind !== 'word' || (reservedWords.has(start.text.toLowerCase()) && c.peek(1)?.text !== '('))
    throw new QueryError('syntax', `expected a field name but found ${c.here()}`);
  if (start.text.endsWith('.*')) {
    if (c.dialect === 'zoql')
      throw new QueryError('syntax', "the wildcard '*' is not supported in ZOQL; name each field");
    c.next();
    return { kind: 'star', qualifier: start.text.slice(0, -2) };
  }
  let value: SelectItem & { kind: 'value' };
  if (c.peek(1)?.text === '(') {
    if (c.dialect === 'zoql')
      throw new QueryError('syntax', `functions such as ${start.text}() are not supported in ZOQL`);
    if (!['count', 'sum', 'avg', 'min', 'max'].includes(start.text.toLowerCase()))
      throw new QueryError('syntax', `function ${start.text}() is not supported (position ${start.pos})`);
    value = { kind: 'value', value: parseAggregate(c), alias: null, text: '' };
  } else {
    c.next();
    value = { kind: 'value', value: { kind: 'field', ref: start.text }, alias: null, text: start.text };
  }
  if (c.dialect !== 'zoql' && c.acceptKeyword('as')) {
    const alias = c.next();
    if (alias === undefined || alias.kind === 'op' || alias.kind === 'punct')
      throw new QueryError('syntax', `expected an alias after 'as' but found ${c.here()}`);
    value.alias = alias.text;
  }
  return value;
}

function parseFieldList(c: TokenCursor, clause: string): FieldRef[] {
  const fields: FieldRef[] = [];
  do {
    const t = c.next();
    if (t?.kind !== 'word' || reservedWords.has(t.text.toLowerCase()))
      throw new QueryError(
        'syntax',
        `expected a field name in ${clause} but found ${t === undefined ? 'end of query' : `'${t.text}'`}`,
      );
    fields.push({ kind: 'field', ref: t.text });
  } while (c.acceptPunct(','));
  return fields;
}

function parseOrderBy(c: TokenCursor): OrderKey[] {
  const keys: OrderKey[] = [];
  do {
    const t = c.peek();
    const value =
      t?.kind === 'word' && c.peek(1)?.text === '('
        ? parseAggregate(c)
        : (parseFieldList(c, 'order by')[0] as FieldRef);
    const desc = c.acceptKeyword('desc');
    if (!desc) c.acceptKeyword('asc');
    keys.push({ value, desc });
  } while (c.acceptPunct(','));
  return keys;
}

function parseCount(c: TokenCursor, clause: string): number {
  const t = c.next();
  if (t?.kind !== 'number' || !/^\d+$/.test(t.text) || t.text.length > 9)
    throw new QueryError(
      'syntax',
      `${clause} needs a whole number, found ${t === undefined ? 'end of query' : `'${t.text}'`}`,
    );
  return Number(t.text);
}

function parseLimit(c: TokenCursor, q: ParsedQuery): void {
  if (c.acceptKeyword('offset'))
    q.limit = { offset: parseCount(c, 'offset'), count: q.limit?.count ?? Infinity };
  if (c.acceptKeyword('limit')) {
    const first = parseCount(c, 'limit');
    if (c.dialect === 'export' && c.acceptPunct(','))
      q.limit = { offset: first, count: parseCount(c, 'limit') };
    else q.limit = { offset: q.limit?.offset ?? 0, count: first };
  }
  if (c.dialect === 'sql' && c.acceptKeyword('offset'))
    q.limit = { offset: parseCount(c, 'offset'), count: q.limit?.count ?? Infinity };
}

/** Rewrites `alias.field` to `Object.field` everywhere a field is named. */
function renameQualifier(q: ParsedQuery, alias: string, object: string): void {
  const prefix = `${alias.toLowerCase()}.`;
  const field = (f: FieldRef): void => {
    if (f.ref.toLowerCase().startsWith(prefix)) f.ref = `${object}.${f.ref.slice(prefix.length)}`;
  };
  const value = (v: Value): void => {
    if (v.kind === 'field') field(v);
    else if (v.kind === 'aggregate' && v.arg !== null) field(v.arg);
  };
  const expr = (e: Expr | null): void => {
    if (e === null) return;
    if ('items' in e) e.items.forEach(expr);
    else if (e.kind === 'not') expr(e.item);
    else {
      value(e.left);
      if (e.kind === 'compare') value(e.right);
    }
  };
  for (const item of q.items) {
    if (item.kind === 'value') value(item.value);
    else if (item.qualifier?.toLowerCase() === alias.toLowerCase()) item.qualifier = object;
  }
  q.groupBy.forEach(field);
  q.orderBy.forEach((k) => value(k.value));
  expr(q.where);
  expr(q.having);
}

function refuseInZoql(c: TokenCursor): void {
  if (c.isKeyword('order'))
    throw new QueryError('syntax', 'ZOQL does not support order by; use Export ZOQL (AQuA zoqlexport)');
  if (c.isKeyword('group'))
    throw new QueryError('syntax', 'ZOQL does not support group by or aggregate functions');
  if (c.isKeyword('limit'))
    throw new QueryError('syntax', 'ZOQL does not support limit; page with queryMore');
}

export function parseQuery(query: string, dialect: Dialect): ParsedQuery {
  if (query.trim() === '') throw new QueryError('syntax', 'the query string is empty');
  const c = new TokenCursor(tokenize(query, dialect), dialect);
  c.expectKeyword('select');
  const items: SelectItem[] = [];
  do items.push(parseSelectItem(c));
  while (c.acceptPunct(','));
  c.expectKeyword('from');
  const object = c.next();
  // `Order` is both an object and a keyword: a word naming a clause cannot be an object, any other word can.
  const clause = ['where', 'group', 'having', 'limit', 'offset', 'join', 'select', 'from'];
  if (object?.kind !== 'word' || object.text.includes('.') || clause.includes(object.text.toLowerCase()))
    throw new QueryError(
      'syntax',
      `expected an object name after from but found ${object === undefined ? 'end of query' : `'${object.text}'`}`,
    );
  // SQL names the table by an alias too: `from account a` makes `a.id` the table's own id.
  let alias: string | null = null;
  if (dialect === 'sql') {
    const named = c.acceptKeyword('as');
    const t = c.peek();
    if (t?.kind === 'word' && !t.text.includes('.') && (named || !reservedWords.has(t.text.toLowerCase()))) {
      alias = t.text;
      c.next();
    }
  }
  const q: ParsedQuery = {
    dialect,
    items,
    object: object.text,
    where: null,
    conditions: 0,
    groupBy: [],
    having: null,
    orderBy: [],
    limit: null,
  };
  if (c.isPunct(',') || ['join', 'inner', 'left', 'right', 'cross', 'full'].some((k) => c.isKeyword(k)))
    throw new QueryError(
      'syntax',
      `a query reads one object; ${dialect === 'sql' ? 'joins are not supported by this emulator' : 'name joined fields as Object.Field'} (${c.here()})`,
    );
  const ctx: ExpressionContext = { allowAggregates: false, conditions: 0 };
  if (c.acceptKeyword('where')) q.where = parseExpression(c, ctx);
  q.conditions = ctx.conditions;
  if (dialect === 'zoql') {
    if (q.conditions > zoqlMaxConditions)
      throw new QueryError(
        'limit',
        `a where clause allows at most ${zoqlMaxConditions} conditions (got ${q.conditions})`,
      );
    refuseInZoql(c);
  } else {
    if (c.acceptKeyword('group')) {
      c.expectKeyword('by');
      q.groupBy = parseFieldList(c, 'group by');
      if (dialect === 'export' && q.groupBy.length > maxGroupByFields)
        throw new QueryError(
          'limit',
          `group by takes at most ${maxGroupByFields} fields (got ${q.groupBy.length})`,
        );
    }
    if (c.acceptKeyword('having')) q.having = parseExpression(c, { allowAggregates: true, conditions: 0 });
    if (c.acceptKeyword('order')) {
      c.expectKeyword('by');
      q.orderBy = parseOrderBy(c);
    }
    parseLimit(c, q);
    c.acceptPunct(';');
  }
  if (!c.atEnd()) throw new QueryError('syntax', `unexpected ${c.here()}`);
  if (alias !== null) renameQualifier(q, alias, q.object);
  return q;
}
