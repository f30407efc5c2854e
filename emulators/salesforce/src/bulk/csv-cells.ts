import type { CellEnds } from './cell-ends.js';
import { CsvError, quotedField } from './csv-reader.js';

// The cells of one CSV row as offsets into the upload, for the Bulk column path (fast-ingest.ts): no
// array or string per row. A quoted cell is unescaped into `quoted` (its offsets then index that
// string). Same rules and errors as CsvReader.readRow, which it mirrors.

export class CsvCells {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Per cell: the unescaped text of a quoted cell, else null (the cell is a range of the upload). */
  readonly quoted: Array<string | null>;
  /** Cells found on the row (those past it read as empty). */
  count = 0;
  line = 1;

  constructor(
    readonly text: string,
    private readonly delimiter: number,
    width: number,
  ) {
    this.starts = new Int32Array(width);
    this.ends = new Int32Array(width);
    this.quoted = new Array<string | null>(width).fill(null);
  }

  /** Reads the row starting at `offset`. */
  read(offset: number): void {
    const { text, delimiter: d, starts, ends, quoted } = this;
    const n = text.length;
    const width = starts.length;
    let i = offset;
    let cell = 0;
    for (;;) {
      let start = i;
      let end: number;
      let unescaped: string | null = null;
      if (text.charCodeAt(i) === 34) {
        const quoted = quotedField(text, i, this.line);
        this.line += quoted.lines;
        unescaped = quoted.value;
        start = 0;
        end = quoted.value.length;
        i = quoted.next;
        const c = text.charCodeAt(i);
        const lineEnd = c === 10 || (c === 13 && text.charCodeAt(i + 1) === 10);
        if (i < n && c !== d && !lineEnd)
          throw new CsvError(`unexpected character after a closing quote on line ${this.line}`);
      } else {
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c === d || c === 10 || c === 13) break;
          i += 1;
        }
        end = i;
      }
      if (cell < width) {
        starts[cell] = start;
        ends[cell] = end;
        quoted[cell] = unescaped;
      }
      cell += 1;
      if (i < n && text.charCodeAt(i) === d) {
        i += 1;
        continue;
      }
      break;
    }
    for (let c = cell; c < width; c += 1) {
      starts[c] = 0;
      ends[c] = 0;
      quoted[c] = '';
    }
    this.count = cell;
    this.line += 1;
  }

  /** Reads row `row` starting at `offset`, from the cell ends the first pass kept when it has them. */
  readAt(offset: number, row: number, sink: CellEnds | null): void {
    const ends = sink === null ? null : sink.chunk(row);
    const at = sink === null ? 0 : sink.at(row);
    if (ends === null || (ends[at] as number) < 0) {
      this.read(offset);
      return;
    }
    const { starts, quoted } = this;
    let start = offset;
    for (let c = 0; c < starts.length; c += 1) {
      const end = ends[at + c] as number;
      starts[c] = start;
      this.ends[c] = end;
      quoted[c] = null;
      start = end + 1;
    }
    this.count = starts.length;
    this.line += 1;
  }

  /** The cell's text (a new string). */
  value(cell: number): string {
    const q = this.quoted[cell];
    return q ?? this.text.slice(this.starts[cell], this.ends[cell]);
  }

  /** The cell's source: the unescaped text of a quoted cell, else the upload. */
  source(cell: number): string {
    return this.quoted[cell] ?? this.text;
  }
}
