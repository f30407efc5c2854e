// A 30-bit hash of a text's UTF-8 bytes: the same figure copy-csv-fields.ts computes over a field's bytes in
// place, so a set of keys can be asked about a field without decoding it (30 bits: a small integer in V8, never
// a heap number). FNV-1a taken four bytes at a time (a little-endian word, its high bits folded down), the last
// one to three bytes one at a time: a third of the multiplications of a byte-wise FNV-1a, whose chain of
// multiplications was most of the cost of reading the key and parent columns of a part's rows. A text is hashed
// from its characters, encoded to UTF-8 as they are read (a lone surrogate as U+FFFD, as Buffer.from writes it),
// not from a Buffer of its bytes: a key set reading its keys (store/key-set.ts) made one Buffer a key.
// http://www.isthe.com/chongo/tech/comp/fnv/index.html
import { utf8Hash } from './text-hash-utf8.js';

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;
const HASH_MASK = 0x3fffffff;

/** The hash of `text`'s characters from `from` to `to` (a surrogate pair cut by either end is a lone one). */
export function textSpanHash(text: string, from: number, to: number): number {
  let h = FNV_OFFSET;
  let i = from;
  // ASCII, a character a byte: four at a time, up to the first that is not ASCII.
  for (; i + 4 <= to; i += 4) {
    const c0 = text.charCodeAt(i);
    const c1 = text.charCodeAt(i + 1);
    const c2 = text.charCodeAt(i + 2);
    const c3 = text.charCodeAt(i + 3);
    if ((c0 | c1 | c2 | c3) >= 0x80) break;
    h = Math.imul(h ^ (c0 | (c1 << 8) | (c2 << 16) | (c3 << 24)), FNV_PRIME);
    h ^= h >>> 15;
  }
  return i === to ? h & HASH_MASK : utf8Hash(h, text, i, to);
}

/**
 * The hash of `text`; its `span` hashes a span of a text in place, as this hashes the span's slice (a key set
 * reading its keys from one text hashes them there: store/key-set.ts `KeyHash`).
 */
export const textHash = Object.assign((text: string): number => textSpanHash(text, 0, text.length), {
  span: textSpanHash,
});

/** The hashes of `keys`, to ask first: a field whose hash is not among them is not among the keys. */
export function textHashes(keys: Iterable<string>): Set<number> {
  const hashes = new Set<number>();
  for (const key of keys) hashes.add(textHash(key));
  return hashes;
}
