// `like` patterns without regular expressions: `%` is any run of characters, `_` one character. The
// pattern is cut at each `%` into pieces; the first must match at the start, the last at the end, and the
// others are found leftmost in between (greedy leftmost is exact when `%` is the only variable-length
// wildcard). Time is proportional to the value's length times the pattern's, never exponential: a pattern
// with many `%` used to become a backtracking regular expression that spun.
// ZOQL allows `%` once, at the start or the end; Export ZOQL and SQL anywhere:
// https://docs.zuora.com/en/zuora-platform/data/legacy-query-methods/zoql/filter-statements
import { excerpt, QueryError } from './query-error.js';

export type LikeMatcher = (value: string) => boolean;

/** ZOQL's rule on `%`: at most once, and only as the first or last character. */
export function checkZoqlLikePattern(pattern: string): void {
  const first = pattern.indexOf('%');
  if (first < 0) return;
  const onlyOnce = first === pattern.lastIndexOf('%');
  if (!onlyOnce || (first !== 0 && first !== pattern.length - 1))
    throw new QueryError(
      'syntax',
      `ZOQL like patterns take '%' once, at the beginning or end of the pattern: '${excerpt(pattern)}'`,
    );
}

function pieceAt(value: string, piece: string, at: number): boolean {
  if (at + piece.length > value.length) return false;
  for (let i = 0; i < piece.length; i += 1) {
    const p = piece.charCodeAt(i);
    if (p !== 95 /* _ */ && p !== value.charCodeAt(at + i)) return false;
  }
  return true;
}

function findPiece(value: string, piece: string, from: number, limit: number): number {
  for (let at = from; at + piece.length <= limit; at += 1) if (pieceAt(value, piece, at)) return at;
  return -1;
}

/** A case-insensitive matcher (ZOQL string comparison ignores case, as the emulator's `=` does). */
export function likeMatcher(pattern: string): LikeMatcher {
  const pieces = pattern.toLowerCase().split('%');
  if (pieces.length === 1) {
    const only = pieces[0] as string;
    return (raw) => raw.length === only.length && pieceAt(raw.toLowerCase(), only, 0);
  }
  const head = pieces[0] as string;
  const tail = pieces[pieces.length - 1] as string;
  const middle = pieces.slice(1, -1).filter((p) => p !== '');
  const minimum = pieces.reduce((n, p) => n + p.length, 0);
  return (raw) => {
    if (raw.length < minimum) return false;
    const value = raw.toLowerCase();
    if (!pieceAt(value, head, 0)) return false;
    const end = value.length - tail.length;
    if (!pieceAt(value, tail, end)) return false;
    let at = head.length;
    for (const piece of middle) {
      const found = findPiece(value, piece, at, end);
      if (found < 0) return false;
      at = found + piece.length;
    }
    return true;
  };
}
