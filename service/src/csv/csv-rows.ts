// CSV files read as records keyed by their header (AQuA exports, Bulk API results): streamed through the one
// scanner, so a file is never held whole whatever its size.
import type { Readable } from 'node:stream';
import { scanCsvRecords } from './csv-record-scanner.js';

export type CsvRow = Record<string, string>;

/** Calls `onRow` with every data row as `{ column: value }`, in order; a short row's missing cells are ''. */
export async function eachCsvRow(input: Readable, onRow: (row: CsvRow) => void): Promise<void> {
  let header: string[] | undefined;
  await scanCsvRecords(input, Number.POSITIVE_INFINITY, (fields) => {
    if (header === undefined) {
      header = fields;
      return;
    }
    const row: CsvRow = {};
    for (let i = 0; i < header.length; i += 1) row[header[i] as string] = fields[i] ?? '';
    onRow(row);
  });
}
