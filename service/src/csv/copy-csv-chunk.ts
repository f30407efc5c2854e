// One chunk of a CSV file copied without some records (copy-csv-records.ts): finds record boundaries (newlines
// outside quotes) with native byte searches and hands over the byte ranges to keep. State carries across chunks,
// so a record may span any number of them. Ordinals count as the CSV scanner counts records: the header is
// record 0 and empty lines are not records.

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Where a copy is between chunks. */
export interface CopyState {
  record: number;
  inQuotes: boolean;
  /** The record being read is dropped. */
  skipping: boolean;
  /** The line being read has a character other than CR (so it is a record). */
  hasContent: boolean;
}

/** Scans one chunk; writes the kept bytes of it. */
export function copyChunk(
  buffer: Buffer,
  n: number,
  state: CopyState,
  drop: ReadonlySet<number>,
  write: (from: number, to: number) => void,
): void {
  let copyFrom = state.skipping ? -1 : 0;
  let i = 0;
  let lineStart = 0;
  // The next quote at or after i, found once and reused for every line before it (-1: none left in the
  // chunk). Searching again from each line start went to the end of the chunk on every line of a file with
  // no quotes: a megabyte scanned per row, a quarter of a full sync's CPU at M.
  let quoteAt = -2;
  const nextQuote = (from: number): number => {
    if (quoteAt === -1 || quoteAt >= from) return quoteAt;
    const q = buffer.indexOf(QUOTE, from);
    quoteAt = q === -1 || q >= n ? -1 : q;
    return quoteAt;
  };
  while (i < n) {
    if (state.inQuotes) {
      const q = buffer.indexOf(QUOTE, i);
      if (q === -1 || q >= n) break;
      state.inQuotes = false;
      i = q + 1;
      continue;
    }
    const nl = buffer.indexOf(LF, i);
    const q = nextQuote(i);
    if (q !== -1 && (nl === -1 || q < nl)) {
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
