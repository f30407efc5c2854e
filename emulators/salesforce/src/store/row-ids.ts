import { ChunkedCells } from './chunked.js';
import type { IdCodec } from './id-codec.js';
import { ownCopy } from './own-copy.js';

// Which row of a packed table holds which Id. Generated Ids are kept as record numbers (two typed
// arrays, no string per record); any other Id (seeds may bring their own) in a small map. Rows are
// handed out in insertion order and never reused, so iterating rows is Map order. A record number far
// beyond the table's size (a client's own Id such as 001...600000000AAA) goes to the map too: the
// number -> row array grows only with the table, never to the largest number a client sends (one such Id
// once made it 4 GB).

/** The largest record number kept in the dense array for a table of `rows` rows. */
const denseLimit = (rows: number): number => Math.max(65_536, rows * 8);

export class RowIds {
  /** Row -> record number, or -1 when the row's Id is in `otherIdOfRow`, -2 when the row is free. */
  // Both hold their value + 2 in unsigned cells: the cells then come in four kinds in all
  // (chunked.ts), which keeps their reads and writes monomorphic enough for V8's inline caches.
  private readonly numberOfRow = new ChunkedCells(Uint32Array, 0);
  /** Record number -> row, or -1. */
  private readonly rowOfNumber = new ChunkedCells(Uint32Array, 1);
  private readonly otherRowOfId = new Map<string, number>();
  private readonly otherIdOfRow = new Map<number, string>();
  rows = 0;
  size = 0;

  constructor(private readonly codec: IdCodec) {}

  rowOf(id: string): number {
    const n = this.codec.numberOf(id);
    if (n >= 0) {
      const row = this.rowOfNumber.get(n) - 2;
      if (row >= 0 || this.otherRowOfId.size === 0) return row;
    }
    return this.otherRowOfId.get(id) ?? -1;
  }

  /** `rowOf` the generated Id of record number `n`. */
  rowOfRecord(n: number): number {
    const row = this.rowOfNumber.get(n) - 2;
    if (row >= 0 || this.otherRowOfId.size === 0) return row;
    return this.otherRowOfId.get(this.codec.idOf(n)) ?? -1;
  }

  /** Whether the generated Id of record number `n` has a row (the Id is spelled only when seeds brought Ids). */
  hasNumber(n: number): boolean {
    return (
      this.rowOfNumber.get(n) >= 2 ||
      (this.otherRowOfId.size > 0 && this.otherRowOfId.has(this.codec.idOf(n)))
    );
  }

  /** `claim` for the new generated Id of record number `n`. */
  claimNumber(n: number): number {
    if (n > denseLimit(this.rows + 1)) return this.claim(this.codec.idOf(n));
    const row = this.rows;
    this.rows += 1;
    this.size += 1;
    this.rowOfNumber.set(n, row + 2);
    this.numberOfRow.set(row, n + 2);
    return row;
  }

  /** The row of `id`, appending one when the Id is new. */
  claim(id: string): number {
    const found = this.rowOf(id);
    if (found >= 0) return found;
    const row = this.rows;
    this.rows += 1;
    this.size += 1;
    const n = this.codec.numberOf(id);
    if (n >= 0 && n <= denseLimit(this.rows)) {
      this.rowOfNumber.set(n, row + 2);
      this.numberOfRow.set(row, n + 2);
    } else {
      const own = ownCopy(id);
      this.otherRowOfId.set(own, row);
      this.otherIdOfRow.set(row, own);
      this.numberOfRow.set(row, 1);
    }
    return row;
  }

  /** Frees the row of `id`; returns it, or -1 when the Id has none. */
  release(id: string): number {
    const row = this.rowOf(id);
    if (row < 0) return -1;
    const n = this.numberOfRow.get(row) - 2;
    if (n >= 0) this.rowOfNumber.set(n, 1);
    else {
      this.otherRowOfId.delete(id);
      this.otherIdOfRow.delete(row);
    }
    this.numberOfRow.set(row, 0);
    this.size -= 1;
    return row;
  }

  /** The Id of a live row, or null for a free one. */
  idOf(row: number): string | null {
    const n = this.numberOfRow.get(row) - 2;
    if (n >= 0) return this.codec.idOf(n);
    return n === -1 ? (this.otherIdOfRow.get(row) ?? null) : null;
  }

  /** Bytes held, about (the maps of other Ids by their entries). */
  get bytes(): number {
    return this.numberOfRow.bytes + this.rowOfNumber.bytes + this.otherRowOfId.size * 120;
  }

  clear(): void {
    this.numberOfRow.clear();
    this.rowOfNumber.clear();
    this.otherRowOfId.clear();
    this.otherIdOfRow.clear();
    this.rows = 0;
    this.size = 0;
  }
}
