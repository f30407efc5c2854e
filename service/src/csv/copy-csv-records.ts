// Copies a CSV file without some of its records, byte for byte: the kept records are never parsed or encoded
// again, only their boundaries are found (newlines outside quotes, with native searches). Screening a spool
// part that holds rows back (turbo/screen-part.ts) rewrote every kept row through the CSV encoder, about a tenth
// of a full sync's CPU at M (issue 19).
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { copyChunk, type CopyState } from './copy-csv-chunk.js';

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
    const buffer = Buffer.allocUnsafe(chunkBytes);
    const state: CopyState = { record: 0, inQuotes: false, skipping: drop.has(0), hasContent: false };
    const write = (from: number, to: number) => {
      if (to > from) writeSync(output, buffer, from, to - from);
    };
    for (;;) {
      const n = readSync(input, buffer, 0, buffer.length, null);
      if (n === 0) break;
      copyChunk(buffer, n, state, drop, write);
    }
  } finally {
    closeSync(input);
    closeSync(output);
  }
}
