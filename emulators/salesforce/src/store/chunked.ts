// A growable array of numbers over typed-array chunks of 65,536 cells (the first chunk starts small
// and doubles up to that size, so the many objects with a few rows stay cheap). Growing never copies
// a full chunk and leaves at most one partly used chunk: one doubling array held up to twice its rows
// (and three times during the copy), which for 14 million rows is the difference between fitting in
// memory and not.

export type Cells = Float64Array | Uint32Array | Uint16Array | Uint8Array;
type CellsOf = new (length: number) => Cells;

export const CHUNK_SHIFT = 16;
export const CHUNK_SIZE = 1 << CHUNK_SHIFT;
const MASK = CHUNK_SIZE - 1;
const FIRST = 1024;

export class ChunkedCells {
  private chunks: Cells[] = [];

  constructor(
    private readonly Kind: CellsOf,
    /** The value of a cell never written. */
    readonly fill: number,
  ) {}

  get(index: number): number {
    const chunk = this.chunks[index >>> CHUNK_SHIFT];
    const at = index & MASK;
    return chunk === undefined || at >= chunk.length ? this.fill : (chunk[at] as number);
  }

  set(index: number, value: number): void {
    const c = index >>> CHUNK_SHIFT;
    const at = index & MASK;
    let chunk = this.chunks[c];
    if (chunk === undefined || at >= chunk.length) chunk = this.grow(c, at);
    chunk[at] = value;
  }

  /** `set` of `value` into cells [from, to), a chunk at a time. */
  fillRange(from: number, to: number, value: number): void {
    let i = from;
    while (i < to) {
      const c = i >>> CHUNK_SHIFT;
      const base = c * CHUNK_SIZE;
      const end = Math.min(to - base, CHUNK_SIZE);
      let chunk = this.chunks[c];
      if (chunk === undefined || end > chunk.length) chunk = this.grow(c, end - 1);
      chunk.fill(value, i - base, end);
      i = base + end;
    }
  }

  private grow(c: number, at: number): Cells {
    while (this.chunks.length < c) this.chunks.push(this.make(CHUNK_SIZE));
    const old = this.chunks[c];
    let length = c === 0 ? Math.max(FIRST, old?.length ?? 0) : CHUNK_SIZE;
    while (length <= at) length *= 2;
    const next = this.make(Math.min(length, CHUNK_SIZE));
    if (old) next.set(old);
    this.chunks[c] = next;
    return next;
  }

  private make(length: number): Cells {
    const cells = new this.Kind(length);
    if (this.fill !== 0) cells.fill(this.fill);
    return cells;
  }

  /** The same cells in another typed array kind (a dictionary's codes widening from 8 to 16 bits). */
  widen(Kind: CellsOf): ChunkedCells {
    const wider = new ChunkedCells(Kind, this.fill);
    wider.chunks = this.chunks.map((chunk) => {
      const next = new Kind(chunk.length);
      next.set(chunk);
      return next;
    });
    return wider;
  }

  /** Bytes held by the chunks. */
  get bytes(): number {
    return this.chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  }

  clear(): void {
    this.chunks = [];
  }
}
