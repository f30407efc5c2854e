// A small incremental CSV reader (RFC 4180 quoting) that returns rows with their source offsets,
// so result files can echo a row's original text without keeping parsed copies. Bulk API 2.0 CSV
// rules: https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/datafiles_csv_preparing.htm
import { textOf } from '../text-of.js';
import type { CellEnds } from './cell-ends.js';

export interface CsvRow {
  fields: string[];
  start: number;
  end: number;
}

export class CsvError extends Error {}

export class CsvReader {
  private pos = 0;
  line = 1;

  constructor(
    readonly text: string,
    private readonly delimiter: string,
  ) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /**
   * Skips one row without building its fields; returns its field count and offsets, or null at the
   * end. The first pass over an upload only needs row boundaries, and the cell ends of the Bulk column
   * path's rows (`sink`, the row's number there).
   */
  scanRow(sink: CellEnds | null = null, row = 0): { count: number; start: number; end: number } | null {
    const text = this.text;
    const n = text.length;
    if (this.pos >= n) return null;
    const start = this.pos;
    // With a sink, the row's cell ends go to `ends` from `at` (a row of more cells than it holds fails anyway).
    const ends = sink === null ? null : sink.chunk(row);
    const at = sink === null ? 0 : sink.at(row);
    const width = sink === null ? 0 : sink.width;
    let end = text.indexOf('\n', start);
    if (end < 0) end = n;
    if (this.crAt < start) this.crAt = nextIndex(text, '\r', start);
    if (this.crAt < end) end = this.crAt;
    if (this.quoteAt < start) this.quoteAt = nextIndex(text, '"', start);
    let count = 1;
    if (this.quoteAt < end) {
      const scanned = this.scanQuoted(start);
      end = scanned.end;
      count = scanned.count;
      if (ends !== null) ends[at] = -1;
    } else {
      // No quote before the row's end: its delimiters are found by indexOf, much faster than a loop
      // over its characters.
      const d = this.delimiter;
      for (let i = text.indexOf(d, start); i >= 0 && i < end; i = text.indexOf(d, i + 1)) {
        if (count < width) (ends as Int32Array)[at + count - 1] = i;
        count += 1;
      }
      if (ends !== null) ends[at + width - 1] = end;
    }
    let i = end;
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) i += 2;
    else if (i < n) i += 1;
    this.pos = i;
    this.line += 1;
    return { count, start, end };
  }

  /** The next '\r' and '"' at or after the row scanRow is at (the text's length when there is none). */
  private crAt = -1;
  private quoteAt = -1;

  /** scanRow's count and end of a row with a quote, character by character. */
  private scanQuoted(start: number): { count: number; end: number } {
    const text = this.text;
    const n = text.length;
    const d = this.delimiter.charCodeAt(0);
    let i = start;
    let count = 1;
    let inQuotes = false;
    for (; i < n; i += 1) {
      const c = text.charCodeAt(i);
      if (inQuotes) {
        if (c === 34) {
          if (text.charCodeAt(i + 1) === 34) i += 1;
          else inQuotes = false;
        } else if (c === 10) this.line += 1;
      } else if (c === 34) inQuotes = true;
      else if (c === d) count += 1;
      else if (c === 10 || c === 13) break;
    }
    if (inQuotes) throw new CsvError(`unterminated quoted field starting on line ${this.line}`);
    return { count, end: i };
  }

  /** Reads the row that starts at `offset` (offsets come from an earlier pass). */
  readRowAt(offset: number): string[] {
    this.pos = offset;
    return this.readRow()?.fields ?? [];
  }

  /** Reads one row; throws CsvError on an unterminated quote or stray character after a quote. */
  readRow(): CsvRow | null {
    const text = this.text;
    const n = text.length;
    if (this.pos >= n) return null;
    const start = this.pos;
    const fields: string[] = [];
    const d = this.delimiter.charCodeAt(0);
    let i = this.pos;
    for (;;) {
      if (text.charCodeAt(i) === 34) {
        const quoted = quotedField(text, i, this.line);
        this.line += quoted.lines;
        fields.push(quoted.value);
        i = quoted.next;
        const c = text.charCodeAt(i);
        if (i >= n) break;
        if (c === d) {
          i += 1;
          continue;
        }
        if (c === 13 && text.charCodeAt(i + 1) === 10) {
          i += 2;
          break;
        }
        if (c === 10) {
          i += 1;
          break;
        }
        throw new CsvError(`unexpected character after a closing quote on line ${this.line}`);
      }
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === d || c === 10 || c === 13) break;
        j += 1;
      }
      fields.push(text.slice(i, j));
      if (j >= n) {
        i = j;
        break;
      }
      const c = text.charCodeAt(j);
      if (c === d) {
        i = j + 1;
        continue;
      }
      i = c === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
      break;
    }
    let end = i;
    while (end > start && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end -= 1;
    this.pos = i;
    this.line += 1;
    return { fields, start, end };
  }
}

const needsQuote = /["\r\n]/;

function nextIndex(text: string, char: string, from: number): number {
  const i = text.indexOf(char, from);
  return i < 0 ? text.length : i;
}

/**
 * The quoted field opening at `i` (a '"'), doubled quotes unescaped: its value, the index after its closing
 * quote and the line breaks inside it. `line` (where the field starts) only names the place in the error.
 */
export function quotedField(
  text: string,
  i: number,
  line: number,
): { value: string; next: number; lines: number } {
  let value = '';
  let j = i + 1;
  for (;;) {
    const q = text.indexOf('"', j);
    if (q < 0) throw new CsvError(`unterminated quoted field starting on line ${String(line)}`);
    value += text.slice(j, q);
    if (text.charCodeAt(q + 1) !== 34) {
      j = q + 1;
      break;
    }
    value += '"';
    j = q + 2;
  }
  let lines = 0;
  for (let k = i; k < j; k += 1) if (text.charCodeAt(k) === 10) lines += 1;
  return { value, next: j, lines };
}

/** One CSV line; Salesforce quotes every value in Bulk results, and so does the emulator. */
export function csvLine(values: ReadonlyArray<unknown>, delimiter: string): string {
  let out = '';
  for (let i = 0; i < values.length; i += 1) {
    const v = values[i];
    const text = v === null || v === undefined ? '' : textOf(v);
    if (i > 0) out += delimiter;
    out +=
      needsQuote.test(text) || text.includes(delimiter) || text !== '' ? `"${text.replace(/"/g, '""')}"` : '';
  }
  return out;
}

export const delimiters: Record<string, string> = {
  COMMA: ',',
  TAB: '\t',
  SEMICOLON: ';',
  PIPE: '|',
  CARET: '^',
  BACKQUOTE: '`',
};
