import { fieldPath, parseCondition, parseExpr } from '../soql/parse-condition.js';
import type { Condition, FieldPath, OrderItem } from '../soql/soql-ast.js';
import { queryError } from '../soql/soql-error.js';
import { tokenize } from '../soql/soql-lexer.js';
import { TokenCursor } from '../soql/token-cursor.js';
import { RequestError } from '../store/sf-error.js';

// SOSL: FIND {search} [IN ALL|NAME|EMAIL|PHONE|SIDEBAR FIELDS] [RETURNING Object[(fields [WHERE]
// [ORDER BY] [LIMIT n] [OFFSET n])], ...] [WITH SPELL_CORRECTION = bool] [LIMIT n]. Syntax errors are
// MALFORMED_SEARCH. https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_sosl_syntax.htm

export type SearchScope = 'ALL' | 'NAME' | 'EMAIL' | 'PHONE' | 'SIDEBAR';

export interface ReturningSpec {
  object: string;
  pos: number;
  fields: FieldPath[];
  where: Condition | null;
  orderBy: OrderItem[];
  limit: number | null;
  offset: number | null;
}

export interface SoslQuery {
  search: string;
  scope: SearchScope;
  returning: ReturningSpec[];
  limit: number | null;
}

function braces(sosl: string): { search: string; rest: number } {
  const open = /^\s*FIND\s*\{/i.exec(sosl);
  if (!open) throw queryError('MALFORMED_SEARCH', 'SOSL must start with FIND {', sosl, 0);
  let i = open[0].length;
  let search = '';
  for (; i < sosl.length && sosl[i] !== '}'; i += 1) {
    if (sosl[i] === '\\' && i + 1 < sosl.length) search += sosl[i++];
    search += sosl[i];
  }
  if (i >= sosl.length)
    throw queryError('MALFORMED_SEARCH', 'missing } after the search expression', sosl, open[0].length);
  return { search, rest: i + 1 };
}

function returningSpec(c: TokenCursor): ReturningSpec {
  const name = c.next();
  if (name.kind !== 'ident') c.fail(name);
  const spec: ReturningSpec = {
    object: name.text,
    pos: name.pos,
    fields: [],
    where: null,
    orderBy: [],
    limit: null,
    offset: null,
  };
  if (!c.isPunct('(')) return spec;
  c.next();
  spec.fields.push(fieldPath(c));
  while (c.isPunct(',')) {
    c.next();
    spec.fields.push(fieldPath(c));
  }
  const noSemiJoin = () => c.fail();
  if (c.accept('WHERE')) spec.where = parseCondition(c, noSemiJoin);
  if (c.accept('ORDER')) {
    c.expectWord('BY');
    do {
      if (spec.orderBy.length > 0) c.next();
      const expr = parseExpr(c);
      const descending = c.accept('DESC');
      if (!descending) c.accept('ASC');
      let nullsLast = descending;
      if (c.accept('NULLS')) nullsLast = c.next().text.toUpperCase() === 'LAST';
      spec.orderBy.push({ expr, descending, nullsLast });
    } while (c.isPunct(','));
  }
  if (c.accept('LIMIT')) spec.limit = c.integer().value;
  if (c.accept('OFFSET')) spec.offset = c.integer().value;
  c.expectPunct(')');
  return spec;
}

function clauses(c: TokenCursor, query: SoslQuery): void {
  if (c.accept('IN')) {
    const scope = c.next().text.toUpperCase();
    if (!['ALL', 'NAME', 'EMAIL', 'PHONE', 'SIDEBAR'].includes(scope)) c.fail(c.peek(-1));
    c.expectWord('FIELDS');
    query.scope = scope as SearchScope;
  }
  if (c.accept('RETURNING')) {
    query.returning.push(returningSpec(c));
    while (c.isPunct(',')) {
      c.next();
      query.returning.push(returningSpec(c));
    }
  }
  while (c.accept('WITH')) {
    if (!c.accept('SPELL_CORRECTION')) c.fail();
    if (c.peek().text !== '=') c.fail();
    c.next();
    c.next();
  }
  if (c.accept('LIMIT')) query.limit = c.integer().value;
  if (c.peek().kind !== 'eof') c.fail();
}

export function parseSosl(sosl: string): SoslQuery {
  const { search, rest } = braces(sosl);
  const query: SoslQuery = { search, scope: 'ALL', returning: [], limit: null };
  try {
    const c = new TokenCursor(
      sosl,
      tokenize(sosl.slice(rest)).map((t) => ({ ...t, pos: t.pos + rest })),
    );
    clauses(c, query);
  } catch (error) {
    if (error instanceof RequestError && error.errorCode === 'MALFORMED_QUERY')
      throw new RequestError('MALFORMED_SEARCH', error.message);
    throw error;
  }
  return query;
}
