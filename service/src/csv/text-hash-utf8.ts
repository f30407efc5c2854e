// The UTF-8 part of text-hash.ts: a text's characters from where the first that is not ASCII may be, encoded to
// UTF-8 as they are read (a lone surrogate as U+FFFD, as Buffer.from writes it) and mixed in four bytes at a
// time as text-hash.ts mixes them, the last one to three one at a time.
const FNV_PRIME = 16777619;
const HASH_MASK = 0x3fffffff;

/** `h` with the UTF-8 bytes of `text`'s characters from `from` to `to` mixed in (four at a time), masked. */
export function utf8Hash(start: number, text: string, from: number, to: number): number {
  let h = start;
  // The bytes not yet mixed in, the first in the low byte, and how many.
  let word = 0;
  let n = 0;
  for (let i = from; i < to; i += 1) {
    let c = text.charCodeAt(i);
    let bytes: number;
    let count: number;
    if (c < 0x80) {
      bytes = c;
      count = 1;
    } else if (c < 0x800) {
      bytes = 0xc0 | (c >> 6) | ((0x80 | (c & 0x3f)) << 8);
      count = 2;
    } else if (c >= 0xd800 && c < 0xdc00 && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: one character of four bytes.
      c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(i + 1) - 0xdc00);
      i += 1;
      bytes =
        0xf0 |
        (c >> 18) |
        ((0x80 | ((c >> 12) & 0x3f)) << 8) |
        ((0x80 | ((c >> 6) & 0x3f)) << 16) |
        ((0x80 | (c & 0x3f)) << 24);
      count = 4;
    } else {
      if ((c & 0xf800) === 0xd800) c = 0xfffd;
      bytes = 0xe0 | (c >> 12) | ((0x80 | ((c >> 6) & 0x3f)) << 8) | ((0x80 | (c & 0x3f)) << 16);
      count = 3;
    }
    // Each of the character's bytes into the word, mixed in whenever it holds four.
    for (; count > 0; count -= 1, bytes >>>= 8) {
      word |= (bytes & 0xff) << (n << 3);
      n += 1;
      if (n === 4) {
        h = Math.imul(h ^ word, FNV_PRIME);
        h ^= h >>> 15;
        word = n = 0;
      }
    }
  }
  // The last one to three bytes one at a time.
  for (let j = 0; j < n; j += 1) h = Math.imul(h ^ ((word >>> (j << 3)) & 0xff), FNV_PRIME);
  return h & HASH_MASK;
}
