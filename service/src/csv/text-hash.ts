// A 30-bit hash of a text's UTF-8 bytes: the same figure copy-csv-fields.ts computes over a field's bytes in
// place, so a set of keys can be asked about a field without decoding it (30 bits: a small integer in V8, never
// a heap number). FNV-1a taken four bytes at a time (a little-endian word, its high bits folded down), the last
// one to three bytes one at a time: a third of the multiplications of a byte-wise FNV-1a, whose chain of
// multiplications was most of the cost of reading the key and parent columns of a part's rows.
// http://www.isthe.com/chongo/tech/comp/fnv/index.html
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;
const HASH_MASK = 0x3fffffff;

/** `h` with the four bytes of `word` (the first in its low byte) mixed in. */
function mixWord(h: number, word: number): number {
  const m = Math.imul(h ^ word, FNV_PRIME);
  return m ^ (m >>> 15);
}

/** `h` with one byte mixed in (the last one to three bytes of a text). */
function mixByte(h: number, byte: number): number {
  return Math.imul(h ^ byte, FNV_PRIME);
}

/** The hash of `bytes[from, to)`. */
function bytesHash(bytes: Uint8Array, from: number, to: number): number {
  let h = FNV_OFFSET;
  let k = from;
  for (; k + 4 <= to; k += 4) {
    h = mixWord(
      h,
      (bytes[k] as number) |
        ((bytes[k + 1] as number) << 8) |
        ((bytes[k + 2] as number) << 16) |
        ((bytes[k + 3] as number) << 24),
    );
  }
  for (; k < to; k += 1) h = mixByte(h, bytes[k] as number);
  return h & HASH_MASK;
}

export function textHash(text: string): number {
  const bytes = Buffer.from(text, 'utf8');
  return bytesHash(bytes, 0, bytes.length);
}

/** The hashes of `keys`, to ask first: a field whose hash is not among them is not among the keys. */
export function textHashes(keys: Iterable<string>): Set<number> {
  const hashes = new Set<number>();
  for (const key of keys) hashes.add(textHash(key));
  return hashes;
}
