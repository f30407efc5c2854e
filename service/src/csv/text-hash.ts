// A 30-bit FNV-1a hash of a text's UTF-8 bytes: the same figure copy-csv-fields.ts computes over a field's bytes
// in place, so a set of keys can be asked about a field without decoding it (30 bits: a small integer in V8,
// never a heap number). http://www.isthe.com/chongo/tech/comp/fnv/index.html
const FNV_PRIME = 16777619;

export function textHash(text: string): number {
  let h = 0x811c9dc5 | 0;
  for (const b of Buffer.from(text, 'utf8')) h = Math.imul(h ^ b, FNV_PRIME);
  return h & 0x3fffffff;
}

/** The hashes of `keys`, to ask first: a field whose hash is not among them is not among the keys. */
export function textHashes(keys: Iterable<string>): Set<number> {
  const hashes = new Set<number>();
  for (const key of keys) hashes.add(textHash(key));
  return hashes;
}
