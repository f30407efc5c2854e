import { likeMatcher } from '../soql/like-matcher.js';
import type { LikeUnit } from '../soql/soql-ast.js';
import { queryError } from '../soql/soql-error.js';

// The search text of SOSL's FIND {...} and of parameterized search: words, "quoted phrases", the
// wildcards * (any run) and ? (one character), AND, OR, AND NOT and parentheses; words side by side
// mean AND; a backslash makes a reserved character literal. A document is a record's searched fields,
// each as its words; a word term matches a whole word, a phrase consecutive words of one field.
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_sosl_find.htm

export type Doc = string[][];
type Matcher = (doc: Doc) => boolean;

const wordPattern = /[\p{L}\p{N}]+/gu;
export const wordsOf = (text: string): string[] => text.toLowerCase().match(wordPattern) ?? [];

type Token =
  { kind: 'word' | 'phrase'; text: string } | { kind: 'op'; text: 'AND' | 'OR' | 'NOT' | '(' | ')' };

function tokens(search: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < search.length) {
    const ch = search[i] as string;
    if (/\s/.test(ch)) i += 1;
    else if (ch === '(' || ch === ')') {
      out.push({ kind: 'op', text: ch });
      i += 1;
    } else if (ch === '"') {
      const end = search.indexOf('"', i + 1);
      const text = search.slice(i + 1, end < 0 ? search.length : end);
      out.push({ kind: 'phrase', text });
      i = end < 0 ? search.length : end + 1;
    } else {
      let text = '';
      while (i < search.length && !/[\s()"]/.test(search[i] as string)) {
        if (search[i] === '\\' && i + 1 < search.length) i += 1;
        text += search[i];
        i += 1;
      }
      const upper = text.toUpperCase();
      out.push(
        upper === 'AND' || upper === 'OR' || upper === 'NOT'
          ? { kind: 'op', text: upper }
          : { kind: 'word', text },
      );
    }
  }
  return out;
}

function termMatcher(text: string, phrase: boolean, fail: (m: string) => never): Matcher {
  if (!phrase && /[*?]/.test(text)) {
    if (text.replace(/[*?]/g, '').length < 2) fail('search term must be longer than one character');
    const units: LikeUnit[] = [...text.toLowerCase()].map((c) =>
      c === '*' ? { wildcard: '%' } : c === '?' ? { wildcard: '_' } : c,
    );
    const match = likeMatcher(units);
    return (doc) => doc.some((field) => field.some((w) => match(w)));
  }
  const words = wordsOf(text);
  if (words.join('').length < 2 && !phrase) fail('search term must be longer than one character');
  if (words.length === 0) return () => false;
  return (doc) =>
    doc.some((field) => {
      for (let i = 0; i + words.length <= field.length; i += 1)
        if (words.every((w, k) => field[i + k] === w)) return true;
      return false;
    });
}

export function compileSearch(search: string, source: string): Matcher {
  const fail = (message: string): never => {
    throw queryError('INVALID_SEARCH', message, source, 0);
  };
  const list = tokens(search);
  let at = 0;
  let depth = 0;
  const peek = () => list[at];
  const primary = (): Matcher => {
    const t = list[at++];
    if (!t) return fail('search expression ends too early');
    if (t.kind === 'op' && t.text === '(') {
      // Deeper nesting would exhaust the stack when the expression is built or matched.
      if ((depth += 1) > 100) fail('the search expression is nested too deeply');
      const inner = or();
      depth -= 1;
      if (peek()?.text !== ')') fail('missing closing parenthesis in the search expression');
      at += 1;
      return inner;
    }
    if (t.kind === 'op') return fail(`unexpected ${t.text} in the search expression`);
    return termMatcher(t.text, t.kind === 'phrase', fail);
  };
  const and = (): Matcher => {
    const parts: Array<{ m: Matcher; negated: boolean }> = [{ m: primary(), negated: false }];
    for (;;) {
      const t = peek();
      if (!t || (t.kind === 'op' && (t.text === 'OR' || t.text === ')'))) break;
      let negated = false;
      if (t.kind === 'op' && t.text === 'AND') at += 1;
      if (peek()?.kind === 'op' && peek()?.text === 'NOT') {
        at += 1;
        negated = true;
      }
      parts.push({ m: primary(), negated });
    }
    return (doc) => parts.every((p) => p.m(doc) !== p.negated);
  };
  const or = (): Matcher => {
    const parts = [and()];
    while (peek()?.kind === 'op' && peek()?.text === 'OR') {
      at += 1;
      parts.push(and());
    }
    return (doc) => parts.some((p) => p(doc));
  };
  if (list.length === 0) fail('search term must be longer than one character');
  const matcher = or();
  if (at < list.length) fail(`unexpected ${list[at]?.text ?? ''} in the search expression`);
  return matcher;
}
