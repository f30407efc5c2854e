import { queryError } from './soql-error.js';

// Tokens of SOQL (and of the SOSL clauses that reuse them). Sticky regular expressions keep the scan
// linear in the query's length. https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select.htm

export type TokenKind = 'ident' | 'string' | 'number' | 'date' | 'datetime' | 'op' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  /** For strings: the raw text between the quotes, escapes not yet decoded. */
  text: string;
  pos: number;
}

const datePattern = /\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2}))?/y;
const numberPattern = /[+-]?\d+(\.\d+)?/y;
const identPattern = /[A-Za-z_][A-Za-z0-9_.]*/y;
const space = /\s+/y;

function match(pattern: RegExp, text: string, at: number): string | null {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0] ?? null;
}

/** A number may start with a sign only where a value is expected (after an operator, `(` or `,`). */
function numberAllowed(tokens: Token[], ch: string): boolean {
  if (ch >= '0' && ch <= '9') return true;
  const last = tokens.at(-1);
  return last?.kind === 'op' || last?.text === '(' || last?.text === ',' || last?.text === ':';
}

function stringEnd(soql: string, start: number): number {
  let j = start + 1;
  while (j < soql.length && soql[j] !== "'") j += soql[j] === '\\' ? 2 : 1;
  return j;
}

export function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < soql.length) {
    const blank = match(space, soql, i);
    if (blank) {
      i += blank.length;
      continue;
    }
    const ch = soql[i] as string;
    const date = match(datePattern, soql, i);
    if (date) {
      tokens.push({ kind: date.includes('T') ? 'datetime' : 'date', text: date, pos: i });
      i += date.length;
      continue;
    }
    if (ch === "'") {
      // Escapes are decoded where the literal is used: `\%` and `\_` mean something only in LIKE.
      const j = stringEnd(soql, i);
      if (j >= soql.length) throw queryError('MALFORMED_QUERY', 'unterminated string literal', soql, i);
      tokens.push({ kind: 'string', text: soql.slice(i + 1, j), pos: i });
      i = j + 1;
      continue;
    }
    const num = numberAllowed(tokens, ch) ? match(numberPattern, soql, i) : null;
    if (num) {
      tokens.push({ kind: 'number', text: num, pos: i });
      i += num.length;
      continue;
    }
    const two = soql.slice(i, i + 2);
    if (two === '!=' || two === '<=' || two === '>=' || two === '<>') {
      tokens.push({ kind: 'op', text: two === '<>' ? '!=' : two, pos: i });
      i += 2;
      continue;
    }
    if (ch === '=' || ch === '<' || ch === '>') {
      tokens.push({ kind: 'op', text: ch, pos: i });
      i += 1;
      continue;
    }
    if ('(),:{}'.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch, pos: i });
      i += 1;
      continue;
    }
    const ident = match(identPattern, soql, i);
    if (!ident) throw queryError('MALFORMED_QUERY', `unexpected token: '${ch}'`, soql, i);
    tokens.push({ kind: 'ident', text: ident, pos: i });
    i += ident.length;
  }
  tokens.push({ kind: 'eof', text: '', pos: soql.length });
  return tokens;
}
