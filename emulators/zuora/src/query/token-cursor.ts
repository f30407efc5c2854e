// Reading position over a token list, with the keyword rules of each dialect: ZOQL keywords must be lower
// case ("All ZOQL keywords must be in lower case": https://developer.zuora.com/v1-api-reference/api/operation/Action_POSTquery/);
// Export ZOQL and SQL keywords are case-insensitive (the export guide writes `SELECT ... FROM ... WHERE`).
import { excerpt, QueryError } from './query-error.js';
import type { Dialect, Token } from './zoql-lexer.js';

export class TokenCursor {
  private i = 0;

  constructor(
    private readonly tokens: readonly Token[],
    readonly dialect: Dialect,
  ) {}

  peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }

  next(): Token | undefined {
    const t = this.tokens[this.i];
    this.i += 1;
    return t;
  }

  atEnd(): boolean {
    return this.i >= this.tokens.length;
  }

  /** Describes the current token for an error message. */
  here(): string {
    const t = this.peek();
    return t === undefined ? 'end of query' : `'${excerpt(t.text)}' at position ${t.pos}`;
  }

  /** True when the current token is the keyword (refusing an upper-case ZOQL keyword). */
  isKeyword(keyword: string, offset = 0): boolean {
    const t = this.peek(offset);
    if (t?.kind !== 'word' || t.text.toLowerCase() !== keyword) return false;
    if (this.dialect === 'zoql' && t.text !== keyword)
      throw new QueryError('syntax', `ZOQL keywords must be in lower case: '${t.text}' at position ${t.pos}`);
    return true;
  }

  acceptKeyword(keyword: string): boolean {
    if (!this.isKeyword(keyword)) return false;
    this.i += 1;
    return true;
  }

  expectKeyword(keyword: string): void {
    if (!this.acceptKeyword(keyword))
      throw new QueryError('syntax', `expected '${keyword}' but found ${this.here()}`);
  }

  isPunct(p: string): boolean {
    const t = this.peek();
    return t?.kind === 'punct' && t.text === p;
  }

  acceptPunct(p: string): boolean {
    if (!this.isPunct(p)) return false;
    this.i += 1;
    return true;
  }

  expectPunct(p: string): void {
    if (!this.acceptPunct(p)) throw new QueryError('syntax', `expected '${p}' but found ${this.here()}`);
  }
}
