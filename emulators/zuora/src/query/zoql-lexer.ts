// Tokenizer for the three query dialects (ZOQL, Export ZOQL, Data Query SQL). A single forward pass with
// character tests and sticky regular expressions that cannot backtrack, so any input, including a 10 MB
// string literal, is read in linear time without recursion.
// String escapes differ by dialect: ZOQL takes backslash escapes (\' \" \\ \b \f \n \r \t); Export ZOQL and
// SQL double a quote ('San Francisco''s Finest').
// https://docs.zuora.com/en/zuora-platform/data/legacy-query-methods/zoql/filter-statements ;
// https://docs.zuora.com/en/zuora-platform/data/legacy-query-methods/export-zoql/export-zoql-select-statements
import { excerpt, QueryError } from './query-error.js';

export type Dialect = 'zoql' | 'export' | 'sql';

export type TokenKind = 'word' | 'string' | 'quoted' | 'number' | 'datetime' | 'op' | 'punct';

export interface Token {
  kind: TokenKind;
  /** Decoded text: a string literal without its quotes and escapes. */
  text: string;
  pos: number;
}

const word = /[A-Za-z_][A-Za-z0-9_]*(?:\.(?:[A-Za-z_][A-Za-z0-9_]*|\*))*/y;
const number = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// An unquoted ZOQL date-time: `CreatedDate <= 2012-09-12T05:07:32`. Fixed-width pieces: no backtracking.
const datetime = /\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?/y;
const operators = ['!=', '<>', '<=', '>=', '=', '<', '>'];
const zoqlEscapes: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function sticky(re: RegExp, text: string, pos: number): string | undefined {
  re.lastIndex = pos;
  return re.exec(text)?.[0];
}

/** Reads a quoted run starting at `start` (the opening quote); returns the decoded text and the end. */
function readQuoted(query: string, start: number, dialect: Dialect): { text: string; end: number } {
  const quote = query[start] as string;
  const parts: string[] = [];
  let from = start + 1;
  let i = from;
  while (i < query.length) {
    const c = query[i];
    if (c === '\\' && dialect === 'zoql') {
      const next = query[i + 1];
      if (next === undefined) break;
      parts.push(query.slice(from, i), zoqlEscapes[next] ?? next);
      i += 2;
      from = i;
    } else if (c === quote) {
      if (dialect !== 'zoql' && query[i + 1] === quote) {
        parts.push(query.slice(from, i + 1));
        i += 2;
        from = i;
        continue;
      }
      parts.push(query.slice(from, i));
      return { text: parts.join(''), end: i + 1 };
    } else i += 1;
  }
  throw new QueryError(
    'syntax',
    `unterminated string starting at position ${start}: ${excerpt(query.slice(start))}`,
  );
}

export function tokenize(query: string, dialect: Dialect): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  while (pos < query.length) {
    const c = query[pos] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      pos += 1;
      continue;
    }
    if (c === "'" || (c === '"' && dialect !== 'zoql')) {
      const { text, end } = readQuoted(query, pos, dialect);
      tokens.push({ kind: c === "'" ? 'string' : 'quoted', text, pos });
      pos = end;
      continue;
    }
    if (c >= '0' && c <= '9') {
      const dt = sticky(datetime, query, pos);
      const num = sticky(number, query, pos) ?? '';
      const text = dt !== undefined && dt.length > num.length ? dt : num;
      tokens.push({ kind: text === dt ? 'datetime' : 'number', text, pos });
      pos += text.length;
      continue;
    }
    if (c === '-' && /\d/.test(query[pos + 1] ?? '') && startsOperand(tokens.at(-1))) {
      const num = sticky(number, query, pos + 1) ?? '';
      tokens.push({ kind: 'number', text: `-${num}`, pos });
      pos += 1 + num.length;
      continue;
    }
    const w = sticky(word, query, pos);
    if (w !== undefined) {
      tokens.push({ kind: 'word', text: w, pos });
      pos += w.length;
      continue;
    }
    const op = operators.find((o) => query.startsWith(o, pos));
    if (op !== undefined) {
      tokens.push({ kind: 'op', text: op === '<>' ? '!=' : op, pos });
      pos += op.length;
      continue;
    }
    if ('(),*;'.includes(c)) {
      tokens.push({ kind: 'punct', text: c, pos });
      pos += 1;
      continue;
    }
    throw new QueryError(
      'syntax',
      `unexpected character '${c}' at position ${pos}: ${excerpt(query.slice(pos))}`,
    );
  }
  return tokens;
}

/** A minus sign is a negative number's sign only where an operand may start (no arithmetic in any dialect). */
function startsOperand(previous: Token | undefined): boolean {
  return previous === undefined || previous.kind === 'op' || previous.text === '(' || previous.text === ',';
}
