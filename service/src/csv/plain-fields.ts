// The fields of a CSV record that holds no quote, read four bytes at a time (copy-csv-fields.ts): a field ends
// at the next comma, found in a word by a zero-byte test of its XOR with four commas. Fields not asked for are
// only counted, a word's commas at once; a field asked for is hashed a word at a time as text-hash.ts hashes its
// text. Words are read unaligned through a DataView, little-endian: the first byte is the lowest. The hash's
// constants are written out here, not imported: in the loops, an imported binding or helper costs a third more.
// https://graphics.stanford.edu/~seander/bithacks.html#ZeroInWord
const COMMA = 44;
const COMMAS = 0x2c2c2c2c;
const LOW7 = 0x7f7f7f7f;
const ONES = 0x01010101;
const HIGHS = 0x80808080 | 0;
const FNV_PRIME = 16777619;
const HASH_MASK = 0x3fffffff;

/** Where the field starts that comes `fields` fields after the one at `i` (-1: the record ends before it). */
export function skipFields(buf: Buffer, view: DataView, i: number, end: number, fields: number): number {
  let left = fields;
  let k = i;
  for (; k + 4 <= end; k += 4) {
    const t = view.getInt32(k, true) ^ COMMAS;
    // 0x80 in each byte of the word that is a comma, exactly (no carry crosses a byte).
    const commas = ~(((t & LOW7) + LOW7) | t | LOW7);
    if (commas === 0) continue;
    // One per comma, summed into the high byte.
    const count = Math.imul(commas >>> 7, ONES) >>> 24;
    if (count >= left) break;
    left -= count;
  }
  for (; k < end; k += 1) {
    if (buf[k] !== COMMA) continue;
    left -= 1;
    if (left === 0) return k + 1;
  }
  return -1;
}

/** Hashes the field at `i` into `hashes[index]`; answers where it ends (its comma, or `end`). */
export function plainField(
  buf: Buffer,
  view: DataView,
  i: number,
  end: number,
  hashes: Int32Array,
  index: number,
): number {
  let h = 0x811c9dc5 | 0;
  let k = i;
  for (; k + 4 <= end; k += 4) {
    const word = view.getInt32(k, true);
    const t = word ^ COMMAS;
    // A comma in the word (the test may mark more bytes than the commas, never fewer: enough to stop).
    if (((t - ONES) & ~t & HIGHS) !== 0) break;
    h = Math.imul(h ^ word, FNV_PRIME);
    h ^= h >>> 15;
  }
  // Fewer than four bytes are left before the comma (or the record's end): the text's last ones.
  for (; k < end; k += 1) {
    const b = buf[k] as number;
    if (b === COMMA) break;
    h = Math.imul(h ^ b, FNV_PRIME);
  }
  hashes[index] = h & HASH_MASK;
  return k;
}
