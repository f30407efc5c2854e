// ZOQL: `select f1, f2 from Object [where cond (and|or cond)*]`. No parentheses, `and` binds tighter
// than `or`, no `*`, no order by, at most 200 conditions; operators =, !=, <, <=, >, >=, like,
// is null, is not null. https://docs.zuora.com/en/zuora-platform/data/legacy-query-methods/zoql/filter-statements
// Export ZOQL (AQuA "zoqlexport") also allows joined fields such as `Account.Name`.
export type Literal = string | number | boolean | null;

export interface Condition {
  field: string;
  op: '=' | '!=' | '<' | '<=' | '>' | '>=' | 'like' | 'is null' | 'is not null';
  value: Literal;
}

export interface ParsedZoql {
  fields: string[];
  object: string;
  /** Disjunction of conjunctions. */
  where: Condition[][];
}

export class ZoqlSyntaxError extends Error {}

const tokenPattern =
  /\s*(?:('(?:[^'\\]|\\.|'')*')|(!=|<=|>=|=|<|>)|(,)|([A-Za-z_][A-Za-z0-9_.]*(?:__[A-Za-z]+)?)|(-?\d+(?:\.\d+)?))/y;

interface Token {
  kind: 'string' | 'op' | 'comma' | 'word' | 'number';
  text: string;
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  tokenPattern.lastIndex = 0;
  let pos = 0;
  while (pos < query.length) {
    if (/^\s*$/.test(query.slice(pos))) break;
    tokenPattern.lastIndex = pos;
    const m = tokenPattern.exec(query);
    if (m === null) {
      throw new ZoqlSyntaxError(
        `unexpected character at position ${pos}: '${query.slice(pos).trim().slice(0, 20)}'`,
      );
    }
    pos = tokenPattern.lastIndex;
    if (m[1] !== undefined)
      tokens.push({
        kind: 'string',
        text: m[1].slice(1, -1).replace(/\\(.)|''/g, (s, c: string | undefined) => c ?? "'"),
      });
    else if (m[2] !== undefined) tokens.push({ kind: 'op', text: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'comma', text: ',' });
    else if (m[4] !== undefined) tokens.push({ kind: 'word', text: m[4] });
    else if (m[5] !== undefined) tokens.push({ kind: 'number', text: m[5] });
  }
  return tokens;
}

export function parseZoql(query: string): ParsedZoql {
  if (typeof query !== 'string' || query.trim() === '')
    throw new ZoqlSyntaxError('the query string is empty');
  if (query.includes('*')) throw new ZoqlSyntaxError("the wildcard '*' is not supported; name each field");
  const tokens = tokenize(query);
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const word = (w: string): boolean => peek()?.kind === 'word' && peek()?.text.toLowerCase() === w;
  const expectWord = (w: string): void => {
    if (!word(w)) throw new ZoqlSyntaxError(`expected '${w}' but found '${peek()?.text ?? 'end of query'}'`);
    i += 1;
  };
  expectWord('select');
  const fields: string[] = [];
  for (;;) {
    const t = peek();
    if (t?.kind !== 'word' || t.text.toLowerCase() === 'from') {
      throw new ZoqlSyntaxError(`expected a field name but found '${t?.text ?? 'end of query'}'`);
    }
    fields.push(t.text);
    i += 1;
    if (peek()?.kind === 'comma') {
      i += 1;
      continue;
    }
    break;
  }
  expectWord('from');
  const objectToken = peek();
  if (objectToken?.kind !== 'word') throw new ZoqlSyntaxError('expected an object name after from');
  i += 1;
  const where: Condition[][] = [];
  if (i < tokens.length) {
    expectWord('where');
    let group: Condition[] = [];
    let count = 0;
    for (;;) {
      group.push(parseCondition());
      count += 1;
      if (count > 200) throw new ZoqlSyntaxError('a where clause allows at most 200 conditions');
      if (word('and')) {
        i += 1;
      } else if (word('or')) {
        i += 1;
        where.push(group);
        group = [];
      } else break;
    }
    where.push(group);
  }
  if (i < tokens.length)
    throw new ZoqlSyntaxError(
      `unexpected '${peek()?.text ?? ''}' (order by, joins and parentheses are not supported)`,
    );
  return { fields, object: objectToken.text, where };

  function parseCondition(): Condition {
    const f = peek();
    if (f?.kind !== 'word')
      throw new ZoqlSyntaxError(
        `expected a field name in the where clause but found '${f?.text ?? 'end of query'}'`,
      );
    i += 1;
    if (word('is')) {
      i += 1;
      const not = word('not');
      if (not) i += 1;
      expectWord('null');
      return { field: f.text, op: not ? 'is not null' : 'is null', value: null };
    }
    let op: Condition['op'];
    const o = peek();
    if (o?.kind === 'op') op = o.text as Condition['op'];
    else if (word('like')) op = 'like';
    else
      throw new ZoqlSyntaxError(
        `expected an operator after '${f.text}' but found '${o?.text ?? 'end of query'}'`,
      );
    i += 1;
    const v = peek();
    i += 1;
    if (v === undefined) throw new ZoqlSyntaxError(`expected a value after '${f.text} ${op}'`);
    if (v.kind === 'string') return { field: f.text, op, value: v.text };
    if (v.kind === 'number') return { field: f.text, op, value: Number(v.text) };
    if (v.kind === 'word' && ['true', 'false'].includes(v.text.toLowerCase()))
      return { field: f.text, op, value: v.text.toLowerCase() === 'true' };
    if (v.kind === 'word' && v.text.toLowerCase() === 'null') return { field: f.text, op, value: null };
    throw new ZoqlSyntaxError(
      `'${v.text}' is not a valid value for ${f.text}; quote strings with single quotes`,
    );
  }
}
