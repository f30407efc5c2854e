// A refused query: what kind of fault (mapped to each API's own error code by the route) and a message
// naming the offending token, field or value. Parsing throws it internally; compileQuery returns it as a value.
export type QueryErrorKind = 'syntax' | 'object' | 'field' | 'value' | 'limit';

export class QueryError extends Error {
  constructor(
    readonly kind: QueryErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'QueryError';
  }
}

/** A piece of a query for an error message: at most 40 characters, so a 10 MB literal is not echoed back. */
export function excerpt(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
