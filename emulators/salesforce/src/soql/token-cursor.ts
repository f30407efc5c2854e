import { queryError } from './soql-error.js';
import type { Token } from './soql-lexer.js';

/** Nesting (parentheses, NOT, subqueries) a query may have before it is "too complicated". */
export const MAX_NESTING = 100;

/** A position in a token list with the helpers every SOQL/SOSL parsing function shares. */
export class TokenCursor {
  private i = 0;
  private depth = 0;

  constructor(
    readonly soql: string,
    private readonly tokens: Token[],
  ) {}

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)] as Token;
  }

  next(): Token {
    const t = this.peek();
    this.i = Math.min(this.i + 1, this.tokens.length - 1);
    return t;
  }

  isWord(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'ident' && t.text.toUpperCase() === word;
  }

  isPunct(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'punct' && t.text === text;
  }

  /** Consumes `word` when it is next. */
  accept(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.next();
    return true;
  }

  fail(t: Token = this.peek()): never {
    throw queryError(
      'MALFORMED_QUERY',
      t.kind === 'eof' ? 'unexpected end of query' : `unexpected token: '${t.text}'`,
      this.soql,
      t.pos,
    );
  }

  expectWord(word: string): Token {
    if (!this.isWord(word)) {
      const t = this.peek();
      throw queryError(
        'MALFORMED_QUERY',
        `expecting '${word}', found '${t.text || 'EOF'}'`,
        this.soql,
        t.pos,
      );
    }
    return this.next();
  }

  expectPunct(text: string): Token {
    const t = this.next();
    if (t.text !== text || t.kind !== 'punct') this.fail(t);
    return t;
  }

  /** Runs a nested parse; refuses nesting deeper than MAX_NESTING (which would exhaust the stack). */
  nest<T>(parse: () => T): T {
    if (this.depth >= MAX_NESTING) {
      throw queryError(
        'QUERY_TOO_COMPLICATED',
        'Query is either selecting too many fields or the filter conditions are too complicated.',
        this.soql,
        this.peek().pos,
      );
    }
    this.depth += 1;
    try {
      return parse();
    } finally {
      this.depth -= 1;
    }
  }

  integer(): { value: number; pos: number } {
    const t = this.next();
    if (t.kind !== 'number' || !/^\d+$/.test(t.text)) this.fail(t);
    return { value: Number(t.text), pos: t.pos };
  }
}
