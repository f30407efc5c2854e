// textHash reads a text's characters as their UTF-8 bytes without encoding them (csv/text-hash.ts): its figure is
// the one the bytes give (as copy-csv-fields.ts hashes a field in place), for any text, lone surrogates included
// (U+FFFD, as Buffer.from writes them), and a span is hashed as its slice is.
import { describe, expect, it } from 'vitest';
import { textHash } from '../../src/csv/text-hash.js';

/** The hash as defined: FNV-1a over the UTF-8 bytes, a little-endian word at a time, the last bytes one by one. */
function bytesHash(text: string): number {
  const bytes = Buffer.from(text, 'utf8');
  let h = 0x811c9dc5 | 0;
  let k = 0;
  for (; k + 4 <= bytes.length; k += 4) {
    h = Math.imul(h ^ bytes.readInt32LE(k), 16777619);
    h ^= h >>> 15;
  }
  for (; k < bytes.length; k += 1) h = Math.imul(h ^ (bytes[k] as number), 16777619);
  return h & 0x3fffffff;
}

const chars = ['a', 'Z', '0', ',', '"', '\x00', '\x7f', '\x80', 'é', '\u07ff', '\u0800', '€', '\uffff', '😀'];
const surrogates = ['\ud800', '\udbff', '\udc00', '\udfff'];

describe('textHash', () => {
  it('is the hash of the UTF-8 bytes, for texts of every length and kind of character', () => {
    let s = 5;
    const pick = (n: number) => {
      s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff;
      return s % n;
    };
    for (let n = 0; n < 3_000; n += 1) {
      const alphabet = n % 3 === 0 ? chars.slice(0, 5) : [...chars, ...surrogates];
      let text = '';
      for (let i = pick(40); i > 0; i -= 1) text += alphabet[pick(alphabet.length)] ?? '';
      expect(textHash(text), JSON.stringify(text)).toBe(bytesHash(text));
      const from = pick(text.length + 1);
      const to = from + pick(text.length - from + 1);
      expect(textHash.span(text, from, to), `${JSON.stringify(text)} ${String(from)}-${String(to)}`).toBe(
        bytesHash(text.slice(from, to)),
      );
    }
  });

  it('is a 30-bit figure', () => {
    for (const text of ['', 'a', '2c92a0fd55a0a4bc0155a2b2e6c85f3d', '😀'.repeat(9)]) {
      expect(textHash(text)).toBeGreaterThanOrEqual(0);
      expect(textHash(text)).toBeLessThan(2 ** 30);
    }
  });
});
