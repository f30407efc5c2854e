import { ChunkedCells } from './chunked.js';
import type { SfValue } from './sf-error.js';

// The free-text fields of each row (names, numbers, e-mails, URLs), joined by a separator and
// written as Latin-1 bytes into large shared buffers: no heap object per record at all (a string per
// record cost its 16-24 byte header and the pointer to it, and gave the garbage collector millions of
// objects to mark), and no reference to the upload the values were cut from. A row is three numbers
// (buffer, start, length). Rows whose text has characters above U+00FF, the separator characters
// themselves or non-string values are kept as they are in a side map, so nothing is altered.
// A rewritten row reuses its bytes when the new text fits, else appends; the buffers are compacted
// once the bytes left behind outweigh the live ones.

const SEP = '\u0000';
const NULL = '\u0001';
const FIRST_BUFFER = 4096;
const MAX_BUFFER = 4 * 1024 * 1024;
const COMPACT_MIN = 16 * 1024 * 1024;
/** A character the Latin-1 bytes cannot hold. */
const NOT_LATIN1 = /[\u0100-\uffff]/;

export class TextArena {
  private buffers: Buffer[] = [];
  private free = 0;
  /** Buffer index + 1 per row, 0 for a row without text. */
  private readonly where = new ChunkedCells(Uint32Array, 0);
  private readonly starts = new ChunkedCells(Uint32Array, 0);
  private readonly lengths = new ChunkedCells(Uint32Array, 0);
  private readonly odd = new Map<number, SfValue[]>();
  private rows = 0;
  private liveBytes = 0;
  private deadBytes = 0;

  constructor(private readonly count: number) {}

  set(row: number, values: SfValue[]): void {
    const text = pack(values);
    this.drop(row, text !== null ? text.length : -1);
    if (row >= this.rows) this.rows = row + 1;
    if (text === null) {
      this.odd.set(row, values.slice());
      return;
    }
    const at = this.where.get(row);
    if (at > 0) {
      // drop() kept the row's place: the new text fits in it.
      const start = this.starts.get(row);
      (this.buffers[at - 1] as Buffer).write(text, start, 'latin1');
      this.deadBytes += this.lengths.get(row) - text.length;
      this.liveBytes += text.length - this.lengths.get(row);
      this.lengths.set(row, text.length);
      return;
    }
    this.append(row, text);
  }

  private append(row: number, text: string): void {
    let buffer = this.buffers[this.buffers.length - 1];
    if (buffer === undefined || buffer.length - this.free < text.length) {
      const last = buffer?.length ?? FIRST_BUFFER / 2;
      buffer = Buffer.allocUnsafeSlow(Math.max(Math.min(last * 2, MAX_BUFFER), text.length));
      this.buffers.push(buffer);
      this.free = 0;
    }
    buffer.write(text, this.free, 'latin1');
    this.where.set(row, this.buffers.length);
    this.starts.set(row, this.free);
    this.lengths.set(row, text.length);
    this.free += text.length;
    this.liveBytes += text.length;
  }

  get(row: number): SfValue[] {
    const at = this.where.get(row);
    if (at === 0) return this.odd.get(row) ?? new Array<SfValue>(this.count).fill(null);
    const start = this.starts.get(row);
    const text = (this.buffers[at - 1] as Buffer).toString('latin1', start, start + this.lengths.get(row));
    const parts: SfValue[] = text.split(SEP);
    parts.length = this.count;
    for (let i = 0; i < this.count; i += 1) if (parts[i] === NULL) parts[i] = null;
    return parts;
  }

  /** Frees the row's text; `keepFor`: keep its place when a text of that length will be written there. */
  drop(row: number, keepFor = -1): void {
    this.odd.delete(row);
    const at = this.where.get(row);
    if (at === 0) return;
    const length = this.lengths.get(row);
    if (keepFor >= 0 && keepFor <= length) return;
    this.where.set(row, 0);
    this.liveBytes -= length;
    this.deadBytes += length;
    if (this.deadBytes > COMPACT_MIN && this.deadBytes > this.liveBytes) this.compact();
  }

  /** Copies the live rows' bytes into fresh buffers. */
  private compact(): void {
    const old = this.buffers;
    this.buffers = [];
    this.free = 0;
    this.liveBytes = 0;
    this.deadBytes = 0;
    for (let row = 0; row < this.rows; row += 1) {
      const at = this.where.get(row);
      if (at === 0) continue;
      const start = this.starts.get(row);
      this.append(row, (old[at - 1] as Buffer).toString('latin1', start, start + this.lengths.get(row)));
    }
  }

  /** Bytes of the buffers held. */
  get bytes(): number {
    return this.buffers.reduce((sum, buffer) => sum + buffer.length, 0);
  }

  clear(): void {
    this.buffers = [];
    this.free = 0;
    this.where.clear();
    this.starts.clear();
    this.lengths.clear();
    this.odd.clear();
    this.rows = 0;
    this.liveBytes = 0;
    this.deadBytes = 0;
  }
}

/** The row's values as one string, or null when they cannot be written as Latin-1 bytes. */
function pack(values: SfValue[]): string | null {
  let text = '';
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] ?? null;
    if (i > 0) text += SEP;
    if (v === null) text += NULL;
    else if (typeof v !== 'string' || v === NULL || v.includes(SEP) || NOT_LATIN1.test(v)) return null;
    else text += v;
  }
  return text;
}
