// Writes one Salesforce object's pass to spool parts row by row: rows are encoded as they come and written
// in ~1 MB chunks, and a row that would take a part past the upload limit starts the next part (with its
// own header), so an extraction never holds more than one chunk of an object in memory.
// Salesforce counts a Bulk API 2.0 batch per started 10,000 records of a job, so a part is cut at a
// multiple of 10,000 rows: the rows after the last such boundary move to the next part, and an object's
// jobs use no more batches than ceil(N / 10,000).
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_bulk_v2/datafiles_understanding_bulk2_ingest.htm
import { closeSync, existsSync, ftruncateSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { privateFileMode } from '../config/private-files.js';

/** A cell as the mapper produces it: null clears the field (or, in a relationship column, means no parent). */
export type CsvValue = string | number | boolean | null;

const needsQuotes = /[",\r\n]/;
/** Rows are encoded into one reused buffer per writer: no string of pending rows survives to the old
 * generation (a 1 MB string per open writer used to, and became old-space garbage at every flush). */
const chunkBytes = 1 << 16;
const batchRows = 10_000;
const lf = 10;
const newline = Buffer.from([lf]);

/** One CSV cell as Bulk API 2.0 reads it: `relationship` cells stay empty for null (no parent). */
export function csvCell(value: CsvValue | undefined, relationship: boolean): string {
  if (value === undefined) return '';
  if (value === null) return relationship ? '' : '#N/A';
  // A number or boolean never prints a comma, quote or line break.
  if (typeof value !== 'string') return String(value);
  return needsQuotes.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

type RowEncoder = (row: Readonly<Record<string, CsvValue>>) => string;

/** One function per column list that reads each column by constant key and joins the cells (rows of one
 * map share a hidden class, so the reads are monomorphic). A `plain` column's string is written as it is:
 * its values never need quotes (mapping/record-mapper.ts's plainColumns), so no search runs on them. */
function rowEncoder(columns: readonly string[], plain: ReadonlySet<string>): RowEncoder {
  if (columns.length === 0) return () => '';
  // Names quoted as JSON string literals (valid JavaScript): a column name can never become code.
  const loads = columns.map((c, i) => `const v${String(i)} = row[${JSON.stringify(c)}];`);
  const cells = columns.map((c, i) => {
    const call = `cell(v${String(i)}, ${String(c.includes('.'))})`;
    return plain.has(c) ? `(typeof v${String(i)} === 'string' ? v${String(i)} : ${call})` : call;
  });
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- built once per spool writer from column names quoted as literals
  const factory = new Function(
    'cell',
    `return (row) => { ${loads.join(' ')} return ${cells.join(" + ',' + ")}; };`,
  ) as (cell: typeof csvCell) => RowEncoder;
  return factory(csvCell);
}

export class SpoolWriter {
  readonly #encode: RowEncoder;
  readonly #header: string;
  readonly #maxBytes: number;
  readonly #pathOf: (part: number) => string;
  #part: number;
  #fd: number | undefined;
  #size = 0;
  #buffer: Buffer | undefined;
  #used = 0;
  #rows = 0;
  /** Rows in the current part, and the part's size at its last 10,000-row boundary. */
  #partRows = 0;
  #boundary = 0;

  constructor(
    columns: readonly string[],
    maxBytes: number,
    pathOf: (part: number) => string,
    plain: ReadonlySet<string> = new Set(),
  ) {
    this.#encode = rowEncoder(columns, plain);
    this.#header = `${columns.map((c) => csvCell(c, false)).join(',')}\n`;
    this.#maxBytes = maxBytes;
    this.#pathOf = pathOf;
    // Continue after the parts already written (a spool appended to in several goes).
    let part = 0;
    while (existsSync(pathOf(part + 1))) part += 1;
    this.#part = part;
    if (existsSync(pathOf(part))) {
      // An existing part is continued as it is (its row count unknown, it is not cut back).
      this.#size = statSync(pathOf(part)).size;
      this.#fd = openSync(pathOf(part), 'a+', privateFileMode);
      this.#partRows = 1;
    }
  }

  /** Rows written by this writer. */
  get rows(): number {
    return this.#rows;
  }

  write(row: Readonly<Record<string, CsvValue>>): void {
    this.writeLine(this.#encode(row));
  }

  /** A row already encoded as CSV (no trailing newline). */
  writeLine(line: string): void {
    if (this.#fd === undefined) this.#open(this.#part);
    this.#counted(this.#appendFitting(line) ?? this.#appendMeasured(line));
  }

  /** A row of `bytes` (its line feed included) written. */
  #counted(bytes: number): void {
    this.#size += bytes;
    this.#rows += 1;
    this.#partRows += 1;
    if (this.#partRows % batchRows === 0) this.#boundary = this.#size;
  }

  /** A row already encoded as CSV in UTF-8, the first `length` bytes of `line` (no trailing newline): parts
   * as writeLine cuts them for its string. */
  writeBytes(line: Buffer, length: number): void {
    if (this.#fd === undefined) this.#open(this.#part);
    const bytes = length + 1;
    if (this.#size + bytes > this.#maxBytes && this.#partRows > 0) this.#rollOver();
    const buffer = (this.#buffer ??= Buffer.allocUnsafe(chunkBytes));
    if (bytes > chunkBytes - this.#used) this.#flush();
    if (bytes > chunkBytes) writeSync(this.#fd as number, Buffer.concat([line.subarray(0, length), newline]));
    else {
      line.copy(buffer, this.#used, 0, length);
      buffer[this.#used + length] = lf;
      this.#used += bytes;
    }
    this.#counted(bytes);
  }

  /**
   * A line that surely fits the chunk (at most 3 UTF-8 bytes a UTF-16 unit) is written at once and measured
   * by what it took: answers its bytes with the line feed, or undefined (nothing written) when it may not fit
   * the chunk or takes the part past the limit. Counting every line's bytes before writing it was a second
   * pass over it, a twentieth of the extraction's CPU (issue 19).
   */
  #appendFitting(line: string): number | undefined {
    const most = line.length * 3 + 1;
    if (most > chunkBytes - this.#used) this.#flush();
    if (most > chunkBytes - this.#used) return undefined;
    const buffer = (this.#buffer ??= Buffer.allocUnsafe(chunkBytes));
    const bytes = buffer.write(line, this.#used) + 1;
    if (this.#size + bytes > this.#maxBytes && this.#partRows > 0) return undefined;
    buffer[this.#used + bytes - 1] = lf;
    this.#used += bytes;
    return bytes;
  }

  #appendMeasured(line: string): number {
    const bytes = Buffer.byteLength(line) + 1;
    if (this.#size + bytes > this.#maxBytes && this.#partRows > 0) this.#rollOver();
    this.#append(line, bytes);
    return bytes;
  }

  /** `text` and a line feed (`bytes` in all, as UTF-8) after the rows not yet written. */
  #append(text: string, bytes: number): void {
    this.#buffer ??= Buffer.allocUnsafe(chunkBytes);
    if (bytes > chunkBytes - this.#used) this.#flush();
    if (bytes > chunkBytes) {
      writeSync(this.#fd as number, `${text}\n`);
      return;
    }
    this.#used += this.#buffer.write(text, this.#used);
    this.#buffer[this.#used] = lf;
    this.#used += 1;
  }

  /** Starts the next part, moving the rows after the last 10,000-row boundary (if any) into it. */
  #rollOver(): void {
    const fd = this.#fd as number;
    this.#flush();
    let tail = Buffer.alloc(0);
    let tailRows = 0;
    if (this.#boundary > 0 && this.#boundary < this.#size) {
      tail = Buffer.alloc(this.#size - this.#boundary);
      readSync(fd, tail, 0, tail.length, this.#boundary);
      ftruncateSync(fd, this.#boundary);
      tailRows = this.#partRows % batchRows;
    }
    closeSync(fd);
    this.#open(this.#part + 1);
    if (tailRows > 0) {
      this.#flush();
      writeSync(this.#fd as number, tail);
      this.#size += tail.length;
      this.#partRows = tailRows;
    }
  }

  close(): void {
    if (this.#fd === undefined) return;
    this.#flush();
    closeSync(this.#fd);
    this.#fd = undefined;
    this.#buffer = undefined;
  }

  #open(part: number): void {
    this.#part = part;
    // Billing PII: the owner's only (in a 0700 folder, turbo/csv-spool.ts).
    this.#fd = openSync(this.#pathOf(part), 'w+', privateFileMode);
    this.#size = Buffer.byteLength(this.#header);
    this.#append(this.#header.slice(0, -1), this.#size);
    this.#partRows = 0;
    this.#boundary = 0;
  }

  #flush(): void {
    if (this.#used === 0 || this.#fd === undefined || this.#buffer === undefined) return;
    writeSync(this.#fd, this.#buffer, 0, this.#used);
    this.#used = 0;
  }
}
