// Copies a CSV file without some of its records, byte for byte: the kept records are never parsed or encoded
// again, only their boundaries are found (newlines outside quotes, with native searches). Screening a spool
// part that holds rows back (turbo/screen-part.ts) rewrote every kept row through the CSV encoder, about a tenth
// of a full sync's CPU at M (issue 19). Record ordinals count as the CSV scanner counts them: the header is
// record 0 and empty lines are not records.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Where a copy is between chunks. */
interface CopyState {
  record: number;
  inQuotes: boolean;
  /** The record being read is dropped. */
  skipping: boolean;
  /** The line being read has a character other than CR (so it is a record). */
  hasContent: boolean;
}

/** Scans one chunk; writes the kept bytes of it. */
function copyChunk(
  buffer: Buffer,
  n: number,
  state: CopyState,
  drop: ReadonlySet<number>,
  write: (from: number, to: number) => void,
): void {
  let copyFrom = state.skipping ? -1 : 0;
  let i = 0;
  let lineStart = 0;
  while (i < n) {
    if (state.inQuotes) {
      const q = buffer.indexOf(QUOTE, i);
      if (q === -1 || q >= n) break;
      state.inQuotes = false;
      i = q + 1;
      continue;
    }
    const nl = buffer.indexOf(LF, i);
    const q = buffer.indexOf(QUOTE, i);
    if (q !== -1 && q < n && (nl === -1 || q < nl)) {
      state.inQuotes = true;
      state.hasContent = true;
      i = q + 1;
      continue;
    }
    if (nl === -1 || nl >= n) break;
    const length = nl - Math.max(lineStart, 0);
    if (length > 1 || (length === 1 && buffer[nl - 1] !== CR)) state.hasContent = true;
    if (state.hasContent) state.record += 1;
    if (state.skipping) copyFrom = nl + 1;
    i = nl + 1;
    lineStart = i;
    state.hasContent = false;
    state.skipping = drop.has(state.record);
    if (state.skipping && copyFrom >= 0) {
      write(copyFrom, i);
      copyFrom = -1;
    }
  }
  if (n - lineStart > 1 || (n - lineStart === 1 && buffer[n - 1] !== CR) || state.inQuotes)
    state.hasContent = true;
  if (copyFrom >= 0) write(copyFrom, n);
}

/** Writes `target` as `source` without the records whose ordinals are in `drop` (the header is 0). */
export function copyCsvWithout(
  source: string,
  target: string,
  drop: ReadonlySet<number>,
  chunkBytes = 1 << 20,
): void {
  const input = openSync(source, 'r');
  const output = openSync(target, 'w');
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
