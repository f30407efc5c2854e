// Values kept past the row they came from (keys in sets and maps) are copied first. V8 keeps a substring of 13
// characters or more as a slice of the string it was cut from, so a 32-character Zuora id cut from a parsed CSV
// chunk would keep the whole chunk alive for as long as the id is held: kept for a whole session, a tenant's
// exports would stay in memory. https://github.com/nodejs/node/issues/31891 (V8 issue 2869)

/** `text` in a string of its own (a cons string flattened anew), holding nothing of its source. */
export function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

export function nullableCopy(text: string | null | undefined): string | null {
  return text === null || text === undefined ? null : ownCopy(text);
}
