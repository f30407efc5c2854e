// Writes one Salesforce object's pass to spool parts row by row: rows are encoded as they come and written
// in ~1 MB chunks, and a row that would take a part past the upload limit starts the next part (with its
// own header), so an extraction never holds more than one chunk of an object in memory.
import { closeSync, existsSync, openSync, statSync, writeSync } from 'node:fs';
import type { CellValue } from '../mapping/transforms/transform-result.js';

const needsQuotes = /[",\r\n]/;
const chunkBytes = 1 << 20;

/** One CSV cell as Bulk API 2.0 reads it: `relationship` cells stay empty for null (no parent). */
export function csvCell(value: CellValue | undefined, relationship: boolean): string {
  if (value === undefined) return '';
  if (value === null) return relationship ? '' : '#N/A';
  const text = typeof value === 'string' ? value : String(value);
  return needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export class SpoolWriter {
  readonly #columns: readonly string[];
  readonly #relationship: readonly boolean[];
  readonly #header: string;
  readonly #maxBytes: number;
  readonly #pathOf: (part: number) => string;
  #part: number;
  #fd: number | undefined;
  #size = 0;
  #pending = '';
  #rows = 0;

  constructor(columns: readonly string[], maxBytes: number, pathOf: (part: number) => string) {
    this.#columns = columns;
    this.#relationship = columns.map((c) => c.includes('.'));
    this.#header = `${columns.map((c) => csvCell(c, false)).join(',')}\n`;
    this.#maxBytes = maxBytes;
    this.#pathOf = pathOf;
    // Continue after the parts already written (a spool appended to in several goes).
    let part = 0;
    while (existsSync(pathOf(part + 1))) part += 1;
    this.#part = part;
    if (existsSync(pathOf(part))) {
      this.#size = statSync(pathOf(part)).size;
      this.#fd = openSync(pathOf(part), 'a');
    }
  }

  /** Rows written by this writer. */
  get rows(): number {
    return this.#rows;
  }

  write(row: Readonly<Record<string, CellValue>>): void {
    let line = '';
    for (let i = 0; i < this.#columns.length; i += 1) {
      if (i > 0) line += ',';
      line += csvCell(row[this.#columns[i] as string], this.#relationship[i] === true);
    }
    this.writeLine(line);
  }

  /** A row already encoded as CSV (no trailing newline). */
  writeLine(line: string): void {
    const bytes = Buffer.byteLength(line) + 1;
    if (this.#fd === undefined) this.#open(this.#part);
    else if (this.#size + bytes > this.#maxBytes && this.#size > Buffer.byteLength(this.#header)) {
      this.#flush();
      closeSync(this.#fd);
      this.#open(this.#part + 1);
    }
    this.#pending += `${line}\n`;
    this.#size += bytes;
    this.#rows += 1;
    if (this.#pending.length >= chunkBytes) this.#flush();
  }

  close(): void {
    if (this.#fd === undefined) return;
    this.#flush();
    closeSync(this.#fd);
    this.#fd = undefined;
  }

  #open(part: number): void {
    this.#part = part;
    this.#fd = openSync(this.#pathOf(part), 'w');
    this.#pending = this.#header;
    this.#size = Buffer.byteLength(this.#header);
  }

  #flush(): void {
    if (this.#pending === '' || this.#fd === undefined) return;
    writeSync(this.#fd, this.#pending);
    this.#pending = '';
  }
}
