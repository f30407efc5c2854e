// CSV files read as records keyed by their header (AQuA exports, Bulk API results): streamed through the one
// scanner, so a file is never held whole whatever its size.
import type { Readable } from 'node:stream';
import { scanCsvRecords, type OnRecord } from './csv-record-scanner.js';

export type CsvRow = Record<string, string>;

/**
 * Builds a file's rows from its header once: an object literal with the header's names as constant keys, so
 * every row of the file has one hidden class and readers load its fields by constant key. A header the
 * literal cannot express as is (`__proto__`, a repeated name) gets the loop.
 */
export function rowBuilder(header: readonly string[]): (fields: readonly string[]) => CsvRow {
  if (header.includes('__proto__') || new Set(header).size !== header.length) {
    return (fields) => {
      const row: CsvRow = {};
      for (let i = 0; i < header.length; i += 1) row[header[i] as string] = fields[i] ?? '';
      return row;
    };
  }
  // Names quoted as JSON string literals (valid JavaScript): a column name can never become code.
  const entries = header.map((name, i) => `${JSON.stringify(name)}: f[${String(i)}] ?? ''`);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- built once per file from the header, names quoted as literals
  return new Function('f', `return { ${entries.join(', ')} };`) as (fields: readonly string[]) => CsvRow;
}

/** Calls `onRow` with every data row as `{ column: value }`, in order; a short row's missing cells are ''. */
export async function eachCsvRow(input: Readable, onRow: (row: CsvRow) => void): Promise<void> {
  await eachCsvRecord(input, (header) => {
    const build = rowBuilder(header);
    return (fields) => onRow(build(fields));
  });
}

/** Calls `start` with the header, then what it answers with the fields of every data row, in order (the
 * array is the reader's to keep; a short row has fewer fields than the header; `clean`: see OnRecord). */
export async function eachCsvRecord(input: Readable, start: (header: string[]) => OnRecord): Promise<void> {
  let onFields: OnRecord | undefined;
  await scanCsvRecords(input, Number.POSITIVE_INFINITY, (fields, clean) => {
    if (onFields === undefined) onFields = start(fields);
    else onFields(fields, clean);
  });
}
