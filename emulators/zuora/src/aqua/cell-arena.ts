// The bytes of a dictionary column's cells for one export: each distinct value's cell encoded once, on
// first use, into 32-bit words (little-endian, the last one padded), so a row loop copies a cell a word at
// a time (row-kernel.ts). Codes name the same value for the column's whole life (a dictionary only grows),
// so the arena stays valid while the column keeps its dictionary.
import type { FieldValue } from '../model/zuora-record.js';
import { utf8Into } from '../store/columns.js';

export class CellArena {
  words = new Uint32Array(1024);
  /** Per code: its first word. */
  starts = new Int32Array(256);
  /** Per code: its byte length + 1 (0: not encoded yet). */
  sizes = new Int32Array(256);
  private used = 0;
  private scratch = new Uint8Array(256);

  constructor(private readonly cell: (v: FieldValue) => string) {}

  encode(code: number, value: FieldValue): void {
    const text = this.cell(value);
    // At most 3 bytes of UTF-8 per UTF-16 unit.
    if (text.length * 3 + 4 > this.scratch.length) this.scratch = new Uint8Array(text.length * 6 + 4);
    const n = utf8Into(text, this.scratch, 0);
    const count = (n + 3) >>> 2;
    if (this.used + count > this.words.length) {
      const wider = new Uint32Array(Math.max(this.words.length * 2, this.used + count));
      wider.set(this.words.subarray(0, this.used));
      this.words = wider;
    }
    if (code >= this.starts.length) {
      const size = Math.max(this.starts.length * 2, code + 1);
      const starts = new Int32Array(size);
      const sizes = new Int32Array(size);
      starts.set(this.starts);
      sizes.set(this.sizes);
      this.starts = starts;
      this.sizes = sizes;
    }
    const b = this.scratch;
    for (let i = n; i < count * 4; i += 1) b[i] = 0;
    for (let w = 0; w < count; w += 1) {
      const i = w * 4;
      this.words[this.used + w] =
        ((b[i] as number) |
          ((b[i + 1] as number) << 8) |
          ((b[i + 2] as number) << 16) |
          ((b[i + 3] as number) << 24)) >>>
        0;
    }
    this.starts[code] = this.used;
    this.sizes[code] = n + 1;
    this.used += count;
  }
}
