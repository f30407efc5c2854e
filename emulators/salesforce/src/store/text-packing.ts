import { ChunkedCells } from './chunked.js';

// How a row's free-text values are written into the text arena (text-arena.ts): separated by a 0 byte,
// a null as the byte 1. Two shorter forms for what Zuora-keyed records repeat: a value equal to an
// earlier long value of the row is the byte 3 and that value's position (+32), and a 32-character
// lower-case hex Id (Zuora's record Ids, every record's external ID and its references) is the byte 2
// in the text and 16 bytes in its field's hex cells. A value those bytes would misread (one that is
// the byte 1 or 2 alone, or starts with 2 or 3) is not written: the arena keeps the row as it is.

const SEP = 0;
const NULL = 1;
export const HEX = 2;
export const SAME = 3;
export const SAME_BASE = 32;
/** Values at least this long are compared with the row's earlier ones. */
const SAME_MIN = 16;
const HEX_LENGTH = 32;
const hexDigits = '0123456789abcdef';

function nibble(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** The 32-character hex Ids of each field of a table's text, 16 bytes (four cells) a row. */
export class HexCells {
  private fields: Array<ChunkedCells | undefined> = [];
  private readonly codes = new Uint16Array(HEX_LENGTH);

  /** Keeps `src[from, from + 32)` for the field and row; false when it is not lower-case hex. */
  put(field: number, row: number, src: string, from: number): boolean {
    for (let i = 0; i < HEX_LENGTH; i += 1) if (nibble(src.charCodeAt(from + i)) < 0) return false;
    const cells = (this.fields[field] ??= new ChunkedCells(Uint32Array, 0));
    for (let w = 0; w < 4; w += 1) {
      let word = 0;
      for (let i = 0; i < 8; i += 1) word = (word << 4) | nibble(src.charCodeAt(from + w * 8 + i));
      cells.set(row * 4 + w, word >>> 0);
    }
    return true;
  }

  get(field: number, row: number): string {
    const cells = this.fields[field] as ChunkedCells;
    const codes = this.codes;
    for (let w = 0; w < 4; w += 1) {
      const word = cells.get(row * 4 + w);
      for (let i = 0; i < 8; i += 1) codes[w * 8 + i] = hexDigits.charCodeAt((word >>> (28 - 4 * i)) & 15);
    }
    return String.fromCharCode.apply(null, codes as unknown as number[]);
  }

  get bytes(): number {
    return this.fields.reduce((sum, cells) => sum + (cells?.bytes ?? 0), 0);
  }

  clear(): void {
    this.fields = [];
  }
}

function sameRange(src: string, from: number, other: string, otherFrom: number, length: number): boolean {
  for (let i = 0; i < length; i += 1)
    if (src.charCodeAt(from + i) !== other.charCodeAt(otherFrom + i)) return false;
  return true;
}

/**
 * Writes the row's values (ranges of source strings, a null source for a null) at `start`: the bytes
 * written (at most the values' length joined), or -1 (bytes partly written) for a value beyond Latin-1,
 * holding the separator, or that the short forms would misread. `plain`: a source known to hold only
 * characters U+0001-U+007F (plainText), whose values are copied without a check per character.
 */
export function writeRow(
  buffer: Buffer,
  start: number,
  row: number,
  hex: HexCells,
  sources: ReadonlyArray<string | null>,
  starts: Int32Array,
  ends: Int32Array,
  plain: string | null = null,
): number {
  let at = start;
  for (let i = 0; i < sources.length; i += 1) {
    if (i > 0) buffer[at++] = SEP;
    const v = sources[i] as string | null;
    if (v === null) {
      buffer[at++] = NULL;
      continue;
    }
    const from = starts[i] as number;
    const to = ends[i] as number;
    const length = to - from;
    if (length > 0) {
      const first = v.charCodeAt(from);
      if (first === HEX || first === SAME || (length === 1 && first === NULL)) return -1;
    }
    if (length >= SAME_MIN && i + SAME_BASE < 256) {
      let same = -1;
      for (let j = 0; j < i && same < 0; j += 1) {
        const other = sources[j] ?? null;
        const otherFrom = starts[j] as number;
        if (
          other !== null &&
          (ends[j] as number) - otherFrom === length &&
          sameRange(v, from, other, otherFrom, length)
        )
          same = j;
      }
      if (same >= 0) {
        buffer[at++] = SAME;
        buffer[at++] = same + SAME_BASE;
        continue;
      }
    }
    if (length === HEX_LENGTH && hex.put(i, row, v, from)) {
      buffer[at++] = HEX;
      continue;
    }
    // The upload's own cells (most of a Bulk row's text): a third less per character without the check.
    if (v === plain) for (let j = from; j < to; j += 1) buffer[at++] = v.charCodeAt(j);
    else
      for (let j = from; j < to; j += 1) {
        const c = v.charCodeAt(j);
        if (c === SEP || c > 255) return -1;
        buffer[at++] = c;
      }
  }
  return at - start;
}

/**
 * `text` when each of its characters is U+0001-U+007F, else null: an upload whose bytes were all ASCII
 * (`ascii`, as received) and that holds no NUL (one native search, about 4 ms for 45 MB).
 */
export function plainText(text: string, ascii: boolean): string | null {
  return ascii && !text.includes('\u0000') ? text : null;
}

/** The row's values from its text (`count` of them). */
export function readRow(text: string, count: number, row: number, hex: HexCells): Array<string | null> {
  const parts: Array<string | null> = text.split('\u0000');
  parts.length = count;
  for (let i = 0; i < count; i += 1) {
    const part = parts[i];
    if (part === undefined || part === null) continue;
    if (part.length === 1) {
      const c = part.charCodeAt(0);
      if (c === NULL) parts[i] = null;
      else if (c === HEX) parts[i] = hex.get(i, row);
    } else if (part.length === 2 && part.charCodeAt(0) === SAME) {
      parts[i] = parts[part.charCodeAt(1) - SAME_BASE] ?? null;
    }
  }
  return parts;
}
