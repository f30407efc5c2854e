import { queryError } from './soql-error.js';

// Tokens of the SOQL subset: https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select.htm

export type TokenKind = 'ident' | 'string' | 'number' | 'date' | 'datetime' | 'op' | 'punct' | 'eof';

export interface Token {
  kind: TokenKind;
  text: string;
  pos: number;
}

const datePattern = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2}))?/;
const numberPattern = /^[+-]?\d+(\.\d+)?/;
const identPattern = /^[A-Za-z_][A-Za-z0-9_.]*/;

export function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < soql.length) {
    const ch = soql[i] as string;
    if (/\s/.test(ch)) {
      i += 1;
      continue;
    }
    const rest = soql.slice(i, i + 40);
    const date = datePattern.exec(rest);
    if (date) {
      tokens.push({ kind: date[1] ? 'datetime' : 'date', text: date[0], pos: i });
      i += date[0].length;
      continue;
    }
    if (ch === "'") {
      let text = '';
      let j = i + 1;
      for (; j < soql.length && soql[j] !== "'"; j += 1) {
        if (soql[j] === '\\') {
          j += 1;
          const esc = soql[j];
          text += esc === 'n' ? '\n' : esc === 't' ? '\t' : esc === 'r' ? '\r' : (esc ?? '');
        } else text += soql[j];
      }
      if (j >= soql.length) throw queryError('MALFORMED_QUERY', 'unterminated string literal', soql, i);
      tokens.push({ kind: 'string', text, pos: i });
      i = j + 1;
      continue;
    }
    const num = numberPattern.exec(rest);
    if (
      num &&
      (/\d/.test(ch) ||
        tokens.at(-1)?.kind === 'op' ||
        tokens.at(-1)?.text === '(' ||
        tokens.at(-1)?.text === ',')
    ) {
      tokens.push({ kind: 'number', text: num[0], pos: i });
      i += num[0].length;
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
    if (ch === '(' || ch === ')' || ch === ',' || ch === ':') {
      tokens.push({ kind: 'punct', text: ch, pos: i });
      i += 1;
      continue;
    }
    const ident = identPattern.exec(soql.slice(i));
    if (ident) {
      tokens.push({ kind: 'ident', text: ident[0], pos: i });
      i += ident[0].length;
      continue;
    }
    throw queryError('MALFORMED_QUERY', `unexpected token: '${ch}'`, soql, i);
  }
  tokens.push({ kind: 'eof', text: '', pos: soql.length });
  return tokens;
}
