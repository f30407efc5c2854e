// Copies a CSV file without some of its records, byte for byte, as the upload of a screened part leaves them
// out (copy-csv-judged.ts, on the same cutter): the kept records are never parsed or encoded again, only their
// boundaries are found.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { RecordCutter } from './copy-csv-cutter.js';
import { droppingJudge } from './copy-csv-judged.js';

/**
 * Writes `target` (created with `mode`, e.g. 0600 for billing data) as `source` without the records whose
 * ordinals are in `drop` (the header is 0).
 */
export function copyCsvWithout(
  source: string,
  target: string,
  drop: ReadonlySet<number>,
  mode: number,
  chunkBytes = 1 << 20,
): void {
  const input = openSync(source, 'r');
  const output = openSync(target, 'w', mode);
  try {
    const cutter = new RecordCutter(droppingJudge(drop));
    const kept: Buffer[] = [];
    for (;;) {
      // A buffer a read: the cutter holds views of a record's start until its end is read.
      const buffer = Buffer.allocUnsafe(chunkBytes);
      const n = readSync(input, buffer, 0, chunkBytes, null);
      if (n === 0) break;
      cutter.chunk(buffer.subarray(0, n), kept);
      for (const bytes of kept) writeSync(output, bytes);
      kept.length = 0;
    }
    const last = cutter.end();
    if (last !== undefined) writeSync(output, last);
  } finally {
    closeSync(input);
    closeSync(output);
  }
}
