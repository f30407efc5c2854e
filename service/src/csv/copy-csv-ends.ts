// Where the records of a CSV byte stream end, one chunk at a time: line feeds outside quotes, by quote parity
// with native searches; a line that is empty or a lone carriage return is not a record and goes with the record
// after it, so the ordinals are the CSV scanner's (csv-record-scanner.ts). The one record splitter for spool
// bytes: the upload's cutter (copy-csv-cutter.ts) and the rows a last part lends (turbo/lent-rows.ts).
const QUOTE = 34;
const LF = 10;
const CR = 13;

export class RecordEnds {
  #inQuotes = false;
  /** The line being read has a character other than a carriage return (so it is a record). */
  #hasContent = false;
  /** The record being read has a quote. */
  #quoted = false;
  #endedQuoted = false;
  #buf: Buffer = Buffer.alloc(0);
  /** The next quote of the chunk at or after where the search last stood (-1: none left; -2: not searched). */
  #quoteAt = -2;

  /** The record that ended last has a quote (its fields are read byte by byte). */
  get quoted(): boolean {
    return this.#endedQuoted;
  }

  /** The stream ends: whether the bytes after the last record's end hold one more record (it ends here). */
  close(): boolean {
    const open = this.#hasContent;
    this.#endedQuoted = this.#quoted;
    this.#hasContent = this.#quoted = this.#inQuotes = false;
    return open;
  }

  /** Starts reading `buf`, the chunk after the last one. */
  chunk(buf: Buffer): void {
    this.#buf = buf;
    this.#quoteAt = -2;
  }

  /**
   * The end (after its line feed) of the record that goes on at `from` (a record's end in this chunk, or 0), or
   * -1 when the chunk ends inside it.
   */
  next(from: number): number {
    const buf = this.#buf;
    const n = buf.length;
    let i = from;
    let lineStart = from;
    // Searched once for every line before it.
    let quoteAt = this.#quoteAt;
    while (i < n) {
      if (this.#inQuotes) {
        const q = buf.indexOf(QUOTE, i);
        if (q === -1) break;
        this.#inQuotes = false;
        i = q + 1;
        continue;
      }
      if (quoteAt !== -1 && quoteAt < i) quoteAt = buf.indexOf(QUOTE, i);
      const nl = buf.indexOf(LF, i);
      if (quoteAt !== -1 && (nl === -1 || quoteAt < nl)) {
        this.#inQuotes = this.#hasContent = this.#quoted = true;
        i = quoteAt + 1;
        continue;
      }
      if (nl === -1) break;
      const length = nl - lineStart;
      if (length > 1 || (length === 1 && buf[lineStart] !== CR)) this.#hasContent = true;
      i = lineStart = nl + 1;
      if (!this.#hasContent) continue;
      this.#hasContent = false;
      this.#endedQuoted = this.#quoted;
      this.#quoted = false;
      this.#quoteAt = quoteAt;
      return i;
    }
    this.#quoteAt = quoteAt;
    const rest = n - lineStart;
    if (rest > 1 || (rest === 1 && buf[lineStart] !== CR) || this.#inQuotes) this.#hasContent = true;
    return -1;
  }
}
