import { ChunkedCells } from './chunked.js';
import type { SfValue } from './sf-error.js';
import { HEX, HexCells, readRow, SAME, SAME_BASE, writeRow } from './text-packing.js';

// The free-text fields of each row (names, numbers, e-mails, URLs), joined by a separator and
// written as Latin-1 bytes into large shared buffers: no heap object per record at all (a string per
// record cost its 16-24 byte header and the pointer to it, and gave the garbage collector millions of
// objects to mark), and no reference to the upload the values were cut from. A row is three numbers
// (buffer, start, length); text-packing.ts writes and reads its bytes (repeated values and hex Ids in
// short forms). Rows whose text has characters above U+00FF, the separator characters
// themselves or non-string values are kept as they are in a side map, so nothing is altered.
// A rewritten row reuses its bytes when the new text fits, else appends; the buffers are compacted
// once the bytes left behind outweigh the live ones.

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
  private readonly hex = new HexCells();
  /** `set`'s values as ranges for writeRow. */
  private readonly scratchStarts: Int32Array;
  private readonly scratchEnds: Int32Array;
  private rows = 0;
  /** updateRanges' new text of a row, before it is placed. */
  private scratch = Buffer.allocUnsafeSlow(256);
  private liveBytes = 0;
  private deadBytes = 0;

  constructor(private readonly count: number) {
    this.scratchStarts = new Int32Array(count);
    this.scratchEnds = new Int32Array(count);
  }

  /** writeRow of `set`'s values (all strings or null: packedLength said so). */
  private writeValues(buffer: Buffer, start: number, row: number, values: SfValue[]): number {
    const ends = this.scratchEnds;
    for (let i = 0; i < values.length; i += 1) ends[i] = (values[i] as string | null)?.length ?? 0;
    return writeRow(buffer, start, row, this.hex, values as Array<string | null>, this.scratchStarts, ends);
  }

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
      const written = this.writeValues(this.buffers[at - 1] as Buffer, this.starts.get(row), row, values);
      if (written < 0) this.toOdd(row, values);
      else {
        this.deadBytes += old - written;
        this.liveBytes += written - old;
        this.lengths.set(row, written);
      }
      return;
    }
    this.drop(row);
    const buffer = this.room(length);
    // Characters are written one by one: no joined string, no native call per record.
    const written = this.writeValues(buffer, this.free, row, values);
    if (written < 0) {
      this.toOdd(row, values);
      return;
    }
    this.place(row, written);
  }

  /**
   * `set` for a row without text yet, from ranges of source strings (a null source: a null value), so
   * the values are copied without being cut into strings first.
   */
  setRanges(
    row: number,
    sources: Array<string | null>,
    starts: Int32Array,
    ends: Int32Array,
    /** A source of characters U+0001-U+007F only (text-packing.ts plainText), or null. */
    plain: string | null = null,
  ): void {
    let length = sources.length - 1;
    for (let i = 0; i < sources.length; i += 1)
      length += sources[i] === null ? 1 : (ends[i] as number) - (starts[i] as number);
    const buffer = this.where.get(row) === 0 && !this.odd.has(row) ? this.room(length) : null;
    const written =
      buffer === null ? -1 : writeRow(buffer, this.free, row, this.hex, sources, starts, ends, plain);
    if (written < 0) {
      const values: SfValue[] = sources.map((s, i) => (s === null ? null : s.slice(starts[i], ends[i])));
      this.set(row, values);
      return;
    }
    if (row >= this.rows) this.rows = row + 1;
    this.place(row, written);
  }

  /**
   * `set` of the values at positions without `keep[i]` from ranges of source strings (a null source:
   * a null value), the others kept as the row holds them: an update copies its kept bytes as they are.
   */
  updateRanges(
    row: number,
    sources: Array<string | null>,
    starts: Int32Array,
    ends: Int32Array,
    keep: Uint8Array,
    plain: string | null = null,
  ): void {
    const at = this.where.get(row);
    const packed = at === 0 ? -1 : this.packRanges(at - 1, row, sources, starts, ends, keep, plain);
    if (packed < 0) {
      // A row in the side map or without text, or a value the bytes cannot hold: as `set` would do.
      const values = this.get(row);
      for (let i = 0; i < this.count; i += 1) {
        if (keep[i] === 1) continue;
        const s = sources[i] ?? null;
        values[i] = s === null ? null : s.slice(starts[i], ends[i]);
      }
      this.set(row, values);
      return;
    }
    const scratch = this.scratch;
    const old = this.lengths.get(row);
    if (packed <= old) {
      copyBytes(scratch, this.buffers[at - 1] as Buffer, this.starts.get(row), packed);
      this.deadBytes += old - packed;
      this.liveBytes += packed - old;
      this.lengths.set(row, packed);
      return;
    }
    this.drop(row);
    copyBytes(scratch, this.room(packed), this.free, packed);
    this.place(row, packed);
  }

  /** Writes the row's new text into `scratch`; its length, or -1 when a value needs the side map. */
  private packRanges(
    buffer: number,
    row: number,
    sources: Array<string | null>,
    starts: Int32Array,
    ends: Int32Array,
    keep: Uint8Array,
    plain: string | null,
  ): number {
    const src = this.buffers[buffer] as Buffer;
    let from = this.starts.get(row);
    const last = from + this.lengths.get(row);
    let length = 0;
    // Past the last kept value the old bytes are not read: their ends need not be found.
    let lastKept = this.count - 1;
    while (lastKept >= 0 && keep[lastKept] !== 1) lastKept -= 1;
    for (let i = 0; i < this.count; i += 1) {
      let to = from;
      if (i <= lastKept) while (to < last && src[to] !== 0) to += 1;
      const v = keep[i] === 1 ? null : (sources[i] ?? null);
      const size = keep[i] === 1 ? to - from : v === null ? 1 : (ends[i] as number) - (starts[i] as number);
      if (this.scratch.length < length + size + 1) {
        const grown = Buffer.allocUnsafeSlow(Math.max(this.scratch.length * 2, length + size + 1));
        this.scratch.copy(grown, 0, 0, length);
        this.scratch = grown;
      }
      const out = this.scratch;
      if (i > 0) out[length++] = 0;
      if (keep[i] === 1) {
        // A kept value written as "same as value j" (text-packing.ts) stays right only if j is kept too.
        if (to - from === 2 && src[from] === SAME && keep[(src[from + 1] as number) - SAME_BASE] !== 1)
          return -1;
        // Byte by byte: most kept values are a few bytes, less than a native copy's call costs.
        for (let j = from; j < to; j += 1) out[length++] = src[j] as number;
      } else if (v === null) out[length++] = 1;
      else {
        const a = starts[i] as number;
        const b = ends[i] as number;
        // Values the short forms would misread go through `set` (which keeps them in the side map).
        const first = b > a ? v.charCodeAt(a) : -1;
        if ((b - a === 1 && first === 1) || first === HEX || first === SAME) return -1;
        if (v === plain) for (let j = a; j < b; j += 1) out[length++] = v.charCodeAt(j);
        else
          for (let j = a; j < b; j += 1) {
            const c = v.charCodeAt(j);
            if (c === 0 || c > 255) return -1;
            out[length++] = c;
          }
      }
      from = to + 1;
    }
    return length;
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
    return readRow(text, this.count, row, this.hex);
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
    const places = this.where.bytes + this.starts.bytes + this.lengths.bytes + this.hex.bytes;
    return this.buffers.reduce((sum, buffer) => sum + buffer.length, places);
  }

  clear(): void {
    this.buffers = [];
    this.free = 0;
    this.where.clear();
    this.starts.clear();
    this.lengths.clear();
    this.odd.clear();
    this.hex.clear();
    this.rows = 0;
    this.liveBytes = 0;
    this.deadBytes = 0;
  }
}

/** The first `length` bytes of `from` into `to` at `at`: a short text in a loop, for less than a native copy's call costs. */
function copyBytes(from: Buffer, to: Buffer, at: number, length: number): void {
  if (length > 48) from.copy(to, at, 0, length);
  else for (let i = 0; i < length; i += 1) to[at + i] = from[i] as number;
}

/** Bytes of the values joined by the separator, nulls as NULL; -1 when one is not a string. */
function packedLength(values: SfValue[]): number {
  let length = values.length - 1;
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i] ?? null;
    if (v === null) length += 1;
    else if (typeof v !== 'string') return -1;
    else length += v.length;
  }
  return length;
}
