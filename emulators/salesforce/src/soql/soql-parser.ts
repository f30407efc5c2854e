import type { Condition, FieldPath, Literal, OrderItem, SelectItem, SoqlQuery } from './soql-ast.js';
import { queryError } from './soql-error.js';
import { tokenize, type Token } from './soql-lexer.js';

// Recursive-descent parser for the SOQL subset the project uses; grammar from the SOQL reference:
// https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select.htm

const dateLiteralNames = new Set([
  'YESTERDAY',
  'TODAY',
  'TOMORROW',
  'LAST_WEEK',
  'THIS_WEEK',
  'NEXT_WEEK',
  'LAST_MONTH',
  'THIS_MONTH',
  'NEXT_MONTH',
  'LAST_90_DAYS',
  'NEXT_90_DAYS',
  'THIS_YEAR',
  'LAST_YEAR',
  'NEXT_YEAR',
]);
const dateLiteralsWithN = new Set([
  'LAST_N_DAYS',
  'NEXT_N_DAYS',
  'N_DAYS_AGO',
  'LAST_N_WEEKS',
  'NEXT_N_WEEKS',
  'LAST_N_MONTHS',
  'NEXT_N_MONTHS',
]);
const clauseWords = new Set(['FROM', 'WHERE', 'ORDER', 'LIMIT', 'OFFSET', 'WITH', 'GROUP', 'FOR', 'USING']);

class Parser {
  private i = 0;

  constructor(
    private readonly soql: string,
    private readonly tokens: Token[],
  ) {}

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.i + offset, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const t = this.peek();
    this.i += 1;
    return t;
  }

  private isWord(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'ident' && t.text.toUpperCase() === word;
  }

  private fail(t: Token = this.peek()): never {
    throw queryError(
      'MALFORMED_QUERY',
      t.kind === 'eof' ? 'unexpected end of query' : `unexpected token: '${t.text}'`,
      this.soql,
      t.pos,
    );
  }

  private expectWord(word: string): Token {
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

  private expectPunct(text: string): void {
    const t = this.next();
    if (t.text !== text || (t.kind !== 'punct' && t.kind !== 'op')) this.fail(t);
  }

  private fieldPath(): FieldPath {
    const t = this.next();
    if (t.kind !== 'ident' || clauseWords.has(t.text.toUpperCase())) this.fail(t);
    return { path: t.text, pos: t.pos };
  }

  query(nested = false): SoqlQuery {
    this.expectWord('SELECT');
    const select: SelectItem[] = [];
    do {
      if (select.length > 0) this.next();
      select.push(this.selectItem());
    } while (this.peek().text === ',');
    this.expectWord('FROM');
    const from = this.next();
    if (from.kind !== 'ident') this.fail(from);
    const query: SoqlQuery = {
      select,
      from: from.text,
      fromPos: from.pos,
      where: null,
      orderBy: [],
      limit: null,
      offset: null,
    };
    if (this.isWord('WHERE')) {
      this.next();
      query.where = this.orCondition();
    }
    if (this.isWord('WITH')) {
      // WITH SECURITY_ENFORCED / USER_MODE / SYSTEM_MODE: access modes the emulator does not enforce.
      this.next();
      this.next();
    }
    if (this.isWord('GROUP'))
      throw queryError(
        'MALFORMED_QUERY',
        'GROUP BY is not supported by the emulator',
        this.soql,
        this.peek().pos,
      );
    if (this.isWord('ORDER')) {
      this.next();
      this.expectWord('BY');
      query.orderBy = this.orderList();
    }
    if (this.isWord('LIMIT')) {
      this.next();
      query.limit = this.integer();
    }
    if (this.isWord('OFFSET')) {
      this.next();
      query.offset = this.integer();
    }
    if (this.isWord('FOR')) {
      this.next();
      this.next(); // FOR VIEW / FOR REFERENCE / FOR UPDATE
    }
    if (!nested && this.peek().kind !== 'eof') this.fail();
    return query;
  }

  private integer(): number {
    const t = this.next();
    if (t.kind !== 'number' || !/^\d+$/.test(t.text)) this.fail(t);
    return Number(t.text);
  }

  private selectItem(): SelectItem {
    const t = this.peek();
    if (t.text === '(') {
      throw queryError(
        'MALFORMED_QUERY',
        'relationship subqueries are not supported by the emulator',
        this.soql,
        t.pos,
      );
    }
    if (this.isWord('COUNT') && this.peek(1).text === '(') {
      this.next();
      this.next();
      const field = this.peek().text === ')' ? null : this.fieldPath();
      this.expectPunct(')');
      const alias =
        this.peek().kind === 'ident' && !clauseWords.has(this.peek().text.toUpperCase())
          ? this.next().text
          : null;
      return { kind: 'count', field, alias, pos: t.pos };
    }
    return { kind: 'field', ...this.fieldPath() };
  }

  private orderList(): OrderItem[] {
    const items: OrderItem[] = [];
    do {
      if (items.length > 0) this.next();
      const field = this.fieldPath();
      let descending = false;
      if (this.isWord('ASC')) this.next();
      else if (this.isWord('DESC')) {
        this.next();
        descending = true;
      }
      // Default: nulls first ascending, nulls last descending (SOQL ORDER BY reference).
      let nullsLast = descending;
      if (this.isWord('NULLS')) {
        this.next();
        const which = this.next().text.toUpperCase();
        if (which !== 'FIRST' && which !== 'LAST') this.fail(this.peek(-1));
        nullsLast = which === 'LAST';
      }
      items.push({ field, descending, nullsLast });
    } while (this.peek().text === ',');
    return items;
  }

  private orCondition(): Condition {
    const parts = [this.andCondition()];
    while (this.isWord('OR')) {
      this.next();
      parts.push(this.andCondition());
    }
    return parts.length === 1 ? (parts[0] as Condition) : { kind: 'or', parts };
  }

  private andCondition(): Condition {
    const parts = [this.notCondition()];
    while (this.isWord('AND')) {
      this.next();
      parts.push(this.notCondition());
    }
    return parts.length === 1 ? (parts[0] as Condition) : { kind: 'and', parts };
  }

  private notCondition(): Condition {
    if (this.isWord('NOT')) {
      this.next();
      return { kind: 'not', part: this.notCondition() };
    }
    if (this.peek().text === '(') {
      this.next();
      const inner = this.orCondition();
      this.expectPunct(')');
      return inner;
    }
    return this.comparison();
  }

  private comparison(): Condition {
    const field = this.fieldPath();
    const t = this.next();
    if (t.kind === 'op') return { kind: 'compare', field, op: t.text as '=', value: this.literal() };
    const word = t.kind === 'ident' ? t.text.toUpperCase() : '';
    if (word === 'LIKE') return { kind: 'compare', field, op: 'like', value: this.literal() };
    const negated = word === 'NOT';
    const which = negated ? this.next().text.toUpperCase() : word;
    if (which === 'IN') {
      this.expectPunct('(');
      if (this.isWord('SELECT')) {
        const sub = this.query(true);
        this.expectPunct(')');
        return { kind: 'in', field, negated, values: sub };
      }
      return { kind: 'in', field, negated, values: this.literalList() };
    }
    if (word === 'INCLUDES' || word === 'EXCLUDES') {
      this.expectPunct('(');
      const values = this.literalList().map((l) => (l.kind === 'string' ? l.value : this.fail()));
      return { kind: 'includes', field, negated: word === 'EXCLUDES', values };
    }
    this.fail(t);
  }

  private literalList(): Literal[] {
    const values: Literal[] = [];
    do {
      if (values.length > 0) this.next();
      values.push(this.literal());
    } while (this.peek().text === ',');
    this.expectPunct(')');
    return values;
  }

  private literal(): Literal {
    const t = this.next();
    switch (t.kind) {
      case 'string':
        return { kind: 'string', value: t.text };
      case 'number':
        return { kind: 'number', value: Number(t.text) };
      case 'date':
        return { kind: 'date', value: t.text };
      case 'datetime':
        return { kind: 'datetime', value: t.text };
      case 'ident': {
        const word = t.text.toUpperCase();
        if (word === 'NULL') return { kind: 'null' };
        if (word === 'TRUE' || word === 'FALSE') return { kind: 'boolean', value: word === 'TRUE' };
        if (dateLiteralNames.has(word)) return { kind: 'dateLiteral', name: word, n: 0 };
        if (dateLiteralsWithN.has(word)) {
          this.expectPunct(':');
          return { kind: 'dateLiteral', name: word, n: this.integer() };
        }
        return this.fail(t);
      }
      default:
        return this.fail(t);
    }
  }
}

export function parseSoql(soql: string): SoqlQuery {
  return new Parser(soql, tokenize(soql)).query();
}
