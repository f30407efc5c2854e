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
    if (row >= this.rows) this.rows = row + 1;
    const length = packedLength(values);
    if (length < 0) {
      this.toOdd(row, values);
      return;
    }
    const at = this.where.get(row);
    const old = this.lengths.get(row);
    if (at > 0 && old >= length) {
      // The new text fits in the row's place (a write that fails leaves the row to the side map).
      if (!writePacked(this.buffers[at - 1] as Buffer, this.starts.get(row), values)) this.toOdd(row, values);
      else {
        this.deadBytes += old - length;
        this.liveBytes += length - old;
        this.lengths.set(row, length);
      }
      return;
    }
    this.drop(row);
    const buffer = this.room(length);
    // Characters are written one by one: no joined string, no native call per record.
    if (!writePacked(buffer, this.free, values)) {
      this.toOdd(row, values);
      return;
    }
    this.place(row, length);
  }

  /**
   * `set` for a row without text yet, from ranges of source strings (a null source: a null value), so
   * the values are copied without being cut into strings first.
   */
  setRanges(row: number, sources: Array<string | null>, starts: Int32Array, ends: Int32Array): void {
    let length = sources.length - 1;
    for (let i = 0; i < sources.length; i += 1)
      length += sources[i] === null ? 1 : (ends[i] as number) - (starts[i] as number);
    const buffer = this.where.get(row) === 0 && !this.odd.has(row) ? this.room(length) : null;
    if (buffer === null || !writeRanges(buffer, this.free, sources, starts, ends)) {
      const values: SfValue[] = sources.map((s, i) => (s === null ? null : s.slice(starts[i], ends[i])));
      this.set(row, values);
      return;
    }
    if (row >= this.rows) this.rows = row + 1;
    this.place(row, length);
  }

  private toOdd(row: number, values: SfValue[]): void {
    this.drop(row);
    this.odd.set(row, values.slice());
  }

  /** The last buffer, with at least `length` bytes free from `this.free`. */
  private room(length: number): Buffer {
    let buffer = this.buffers[this.buffers.length - 1];
    if (buffer === undefined || buffer.length - this.free < length) {
      const last = buffer?.length ?? FIRST_BUFFER / 2;
      buffer = Buffer.allocUnsafeSlow(Math.max(Math.min(last * 2, MAX_BUFFER), length));
      this.buffers.push(buffer);
      this.free = 0;
    }
    return buffer;
  }

  /** Records the `length` bytes just written at `this.free` as the row's text. */
  private place(row: number, length: number): void {
    this.where.set(row, this.buffers.length);
    this.starts.set(row, this.free);
    this.lengths.set(row, length);
    this.free += length;
    this.liveBytes += length;
  }

  private append(row: number, text: string): void {
    this.room(text.length).write(text, this.free, 'latin1');
    this.place(row, text.length);
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

  /** Frees the row's text. */
  drop(row: number): void {
    this.odd.delete(row);
    const at = this.where.get(row);
    if (at === 0) return;
    const length = this.lengths.get(row);
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

  /** Bytes of the buffers held and of the rows' places in them. */
  get bytes(): number {
    const places = this.where.bytes + this.starts.bytes + this.lengths.bytes;
    return this.buffers.reduce((sum, buffer) => sum + buffer.length, places);
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

/** Bytes of the values joined by the separator, nulls as NULL; -1 when one is not a string. */
function packedLength(values: SfValue[]): number {
  let length = values.length - 1;
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] ?? null;
    if (v === null) length += 1;
    else if (typeof v !== 'string' || v === NULL) return -1;
    else length += v.length;
  }
  return length;
}

/** Writes the packed values at `start`; false (bytes partly written) on a separator or a character above U+00FF. */
function writePacked(buffer: Buffer, start: number, values: SfValue[]): boolean {
  let at = start;
  for (let i = 0; i < values.length; i += 1) {
    if (i > 0) buffer[at++] = 0;
    const v = values[i] as string | null;
    if (v === null) {
      buffer[at++] = 1;
      continue;
    }
    for (let j = 0; j < v.length; j += 1) {
      const c = v.charCodeAt(j);
      if (c === 0 || c > 255) return false;
      buffer[at++] = c;
    }
  }
  return true;
}

/** writePacked over ranges; also false for a value that is the null marker itself. */
function writeRanges(
  buffer: Buffer,
  start: number,
  sources: Array<string | null>,
  starts: Int32Array,
  ends: Int32Array,
): boolean {
  let at = start;
  for (let i = 0; i < sources.length; i += 1) {
    if (i > 0) buffer[at++] = 0;
    const v = sources[i] as string | null;
    if (v === null) {
      buffer[at++] = 1;
      continue;
    }
    const from = starts[i] as number;
    const to = ends[i] as number;
    if (to - from === 1 && v.charCodeAt(from) === 1) return false;
    for (let j = from; j < to; j += 1) {
      const c = v.charCodeAt(j);
      if (c === 0 || c > 255) return false;
      buffer[at++] = c;
    }
  }
  return true;
}
