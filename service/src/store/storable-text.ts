// Text PostgreSQL refuses: a NUL character in text (https://www.postgresql.org/docs/current/datatype-character.html)
// and, in jsonb, a lone UTF-16 surrogate ("\ud800"), which JSON may carry. Values from outside are checked with
// this at the edge, so they are a 400 naming the field rather than a 500 from the store. (A lone surrogate does
// not survive a UTF-8 round trip.)
export function storableText(v: string): boolean {
  return !v.includes('\u0000') && Buffer.from(v, 'utf8').toString('utf8') === v;
}

export const unstorableTextMessage = 'must not contain a NUL character or a lone UTF-16 surrogate';
