// The header (column names) of a CSV file this service wrote (spool parts: no quoted or multi-line column
// names), read from its first 16 KB without loading the file.
import { closeSync, openSync, readSync } from 'node:fs';

export function readCsvHeader(file: string): string[] {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16_384);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return (buffer.subarray(0, n).toString('utf8').split('\n', 1)[0] ?? '').split(',');
  } finally {
    closeSync(fd);
  }
}
