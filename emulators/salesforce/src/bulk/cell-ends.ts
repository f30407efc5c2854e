// The cells' end offsets of an upload's rows, kept by the first pass over it (openUpload, CsvReader.
// scanRow) for the Bulk column path (csv-cells.ts), which then reads a row's cells from them instead
// of scanning its characters a second time. A row with a quote character is marked (-1 as its first
// end) and scanned again: its quoted cells are unescaped then. Rows are kept in chunks of 4,096.

const SHIFT = 12;
const ROWS = 1 << SHIFT;

export class CellEnds {
  private readonly chunks: Int32Array[] = [];

  constructor(
    /** Cells per row: the header's columns. */
    readonly width: number,
  ) {}

  /** The chunk holding the row's ends (made on first use); they start at `at(row)`. */
  chunk(row: number): Int32Array {
    const c = row >>> SHIFT;
    while (this.chunks.length <= c) this.chunks.push(new Int32Array(ROWS * this.width));
    return this.chunks[c] as Int32Array;
  }

  at(row: number): number {
    return (row & (ROWS - 1)) * this.width;
  }
}
