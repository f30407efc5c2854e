import { clauseWords, parseCondition, parseExpr } from './parse-condition.js';
import type { Expr, OrderItem, SelectItem, SoqlQuery } from './soql-ast.js';
import { queryError } from './soql-error.js';
import { tokenize } from './soql-lexer.js';
import { TokenCursor } from './token-cursor.js';

// Recursive-descent SOQL parser: SELECT (fields, aggregates, date functions, FIELDS(), child
// relationship subqueries) FROM [alias] WHERE WITH GROUP BY HAVING ORDER BY LIMIT OFFSET FOR.
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select.htm

/** "By default, SOQL statements can't exceed 100,000 characters." */
export const MAX_SOQL_LENGTH = 100_000;
const wrappers = new Set(['TOLABEL', 'FORMAT', 'CONVERTCURRENCY']);
const accessModes = new Set(['SECURITY_ENFORCED', 'USER_MODE', 'SYSTEM_MODE']);

function unsupported(c: TokenCursor, what: string): never {
  throw queryError('MALFORMED_QUERY', `${what} is not supported by the emulator`, c.soql, c.peek().pos);
}

function alias(c: TokenCursor): string | null {
  const t = c.peek();
  if (t.kind !== 'ident' || clauseWords.has(t.text.toUpperCase()) || t.text.includes('.')) return null;
  return c.next().text;
}

function selectItem(c: TokenCursor): SelectItem {
  const t = c.peek();
  if (c.isPunct('(')) {
    c.next();
    const query = c.nest(() => parseQuery(c, true));
    c.expectPunct(')');
    return { kind: 'subquery', query, pos: t.pos };
  }
  if (c.isWord('TYPEOF')) unsupported(c, 'TYPEOF');
  if (c.isWord('FIELDS') && c.isPunct('(', 1)) {
    c.next();
    c.next();
    const which = c.next().text.toUpperCase();
    if (which !== 'ALL' && which !== 'STANDARD' && which !== 'CUSTOM') c.fail(c.peek(-1));
    c.expectPunct(')');
    return { kind: 'fields', which, pos: t.pos };
  }
  const wrapper = wrappers.has(t.text.toUpperCase()) && c.isPunct('(', 1) ? t.text.toUpperCase() : null;
  if (wrapper) {
    c.next();
    c.next();
  }
  const expr = parseExpr(c);
  if (wrapper) c.expectPunct(')');
  return { kind: 'expr', expr, alias: alias(c), wrapper, pos: t.pos };
}

function list<T>(c: TokenCursor, item: () => T): T[] {
  const items = [item()];
  while (c.isPunct(',')) {
    c.next();
    items.push(item());
  }
  return items;
}

function orderItem(c: TokenCursor): OrderItem {
  const expr = parseExpr(c);
  let descending = false;
  if (c.accept('DESC')) descending = true;
  else c.accept('ASC');
  // Default: nulls first ascending, nulls last descending (SOQL ORDER BY reference).
  let nullsLast = descending;
  if (c.accept('NULLS')) {
    const which = c.next();
    if (!['FIRST', 'LAST'].includes(which.text.toUpperCase())) c.fail(which);
    nullsLast = which.text.toUpperCase() === 'LAST';
  }
  return { expr, descending, nullsLast };
}

function groupBy(c: TokenCursor): Expr[] {
  if (c.isWord('ROLLUP') || c.isWord('CUBE')) unsupported(c, `GROUP BY ${c.peek().text.toUpperCase()}`);
  return list(c, () => parseExpr(c));
}

function tail(c: TokenCursor, query: SoqlQuery): void {
  if (c.accept('ORDER')) {
    c.expectWord('BY');
    query.orderBy = list(c, () => orderItem(c));
  }
  if (c.accept('LIMIT')) query.limit = c.integer().value;
  if (c.isWord('OFFSET')) {
    query.offsetPos = c.next().pos;
    query.offset = c.integer().value;
  }
  if (c.accept('FOR')) {
    const which = c.next();
    if (!['VIEW', 'REFERENCE', 'UPDATE'].includes(which.text.toUpperCase())) c.fail(which);
  }
  if (c.accept('UPDATE')) {
    const which = c.next();
    if (!['TRACKING', 'VIEWSTAT'].includes(which.text.toUpperCase())) c.fail(which);
  }
}

export function parseQuery(c: TokenCursor, nested: boolean): SoqlQuery {
  c.expectWord('SELECT');
  const select = list(c, () => selectItem(c));
  c.expectWord('FROM');
  // Any name may follow FROM, keywords included (`FROM Order`).
  const from = c.next();
  if (from.kind !== 'ident') c.fail(from);
  const query: SoqlQuery = {
    select,
    from: from.text,
    fromPos: from.pos,
    fromAlias: alias(c),
    where: null,
    groupBy: [],
    having: null,
    orderBy: [],
    limit: null,
    offset: null,
    offsetPos: 0,
  };
  if (c.accept('USING')) {
    c.expectWord('SCOPE');
    c.next();
  }
  const sub = (inner: TokenCursor) => parseQuery(inner, true);
  if (c.accept('WHERE')) query.where = parseCondition(c, sub);
  if (c.accept('WITH')) {
    // Access modes the emulator does not enforce (it has no sharing or field-level security).
    if (!accessModes.has(c.peek().text.toUpperCase())) unsupported(c, `WITH ${c.peek().text}`);
    c.next();
  }
  if (c.accept('GROUP')) {
    c.expectWord('BY');
    query.groupBy = groupBy(c);
  }
  if (c.accept('HAVING')) query.having = parseCondition(c, sub);
  tail(c, query);
  if (!nested && c.peek().kind !== 'eof') c.fail();
  return query;
}

export function parseSoql(soql: string): SoqlQuery {
  if (soql.length > MAX_SOQL_LENGTH) {
    throw queryError(
      'MALFORMED_QUERY',
      `SOQL statements cannot be longer than ${MAX_SOQL_LENGTH} characters (this one has ${soql.length})`,
    );
  }
  return parseQuery(new TokenCursor(soql, tokenize(soql)), false);
}
