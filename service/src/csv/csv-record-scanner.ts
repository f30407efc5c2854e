// A streaming RFC 4180 CSV scanner that hands over the first `keep` fields of each record. AQuA files are
// read whole rows at a time; Bulk API result files repeat every column that was sent and the connector needs
// one or two of them, so the rest is skipped without building strings. It jumps between special characters
// with native searches, several times faster than a general parser on million-row files.
import type { Readable } from 'node:stream';

const quote = 34;
const comma = 44;
const lf = 10;
const cr = 13;

/**
 * The first `keep` fields of the line from `from` to before `end` in `chunk`, which has no quotes, found one
 * comma at a time (faster than a native split, and the fields after `keep` are never built); a field `only`
 * leaves out comes as ''. The array is made `width` long (the previous line's field count) rather than grown
 * a field at a time, and no string of the whole line is cut first (issue 19: both were garbage per record).
 */
function splitLine(
  chunk: string,
  from: number,
  end: number,
  keep: number,
  only: readonly boolean[] | undefined,
  width: number,
): string[] {
  const fields = new Array<string>(width);
  let n = 0;
  let start = from;
  while (n < keep) {
    const comma = chunk.indexOf(',', start);
    const stop = comma === -1 || comma > end ? end : comma;
    fields[n] = only === undefined || only[n] === true ? chunk.slice(start, stop) : '';
    n += 1;
    if (stop === end) break;
    start = stop + 1;
  }
  if (n !== width) fields.length = n;
  return fields;
}

/** A record's fields; `clean` when it was a line with no quote or carriage return, so that none of its fields
 * holds a character CSV would quote (a comma, quote or line break). */
export type OnRecord = (fields: string[], clean: boolean) => void;

/** The scanner's state between chunks: the record and field being read, and where in a field it is. */
export class CsvScanner {
  #fields: string[] = [];
  #field = '';
  #index = 0;
  #inQuotes = false;
  /** A quote seen inside a quoted field: either an escaped quote or the end of the field. */
  #quotePending = false;
  #atFieldStart = true;
  #lineStarted = false;
  /** A carriage return outside quotes, not yet known to end its line (a CR LF) or to be a field's text: the
   * next character says, and it may be in the next chunk. A whole line read at once decides the same way. */
  #crPending = false;
  /** The next quote of the chunk at or after the line being read (-1: none left; -2: not searched yet). */
  #quoteAt = -2;
  /** The next carriage return likewise: a line with neither has no field that CSV would quote. */
  #crAt = -2;
  // Outside quotes the scan jumps from one special character to the next (a native regex search).
  readonly #special = /[,"\r\n]/g;
  readonly #keep: number;
  readonly #onRecord: OnRecord;

  readonly #only: readonly boolean[] | undefined;
  /** Fields of the last line split whole (splitLine). */
  #width = 0;

  constructor(keep: number, onRecord: OnRecord, only?: readonly boolean[]) {
    this.#keep = keep;
    this.#only = only;
    this.#onRecord = onRecord;
  }

  feed(chunk: string): void {
    const length = chunk.length;
    let i = 0;
    this.#quoteAt = -2;
    this.#crAt = -2;
    while (i < length) {
      const line = this.#wholeLine(chunk, i);
      if (line !== undefined) {
        i = line;
        continue;
      }
      if (this.#index >= this.#keep) {
        i = this.#skipRest(chunk, i);
        continue;
      }
      if (this.#inQuotes) {
        i = this.#quoted(chunk, i);
        if (this.#inQuotes) continue;
      }
      if (this.#atFieldStart && !this.#crPending && chunk.charCodeAt(i) === quote) {
        this.#inQuotes = true;
        this.#atFieldStart = false;
        this.#lineStarted = true;
        i += 1;
        continue;
      }
      i = this.#plain(chunk, i);
    }
  }

  /** Whether the next character read starts a record (nothing of one read yet, no carriage return pending). */
  get atRecordStart(): boolean {
    return (
      !this.#lineStarted && !this.#crPending && !this.#inQuotes && this.#field === '' && this.#index === 0
    );
  }

  /** The end of input: the last record, which may have no line feed. */
  end(): void {
    if (this.#inQuotes && !this.#quotePending) throw new Error('CSV ends inside a quoted field');
    this.#crPending = false;
    this.#endRecord();
  }

  /** Fast path: a whole line ahead with no quote in it is split natively; answers where the next one starts. */
  #wholeLine(chunk: string, i: number): number | undefined {
    if (this.#lineStarted || this.#crPending || this.#inQuotes || this.#field !== '' || this.#index !== 0)
      return undefined;
    const end = chunk.indexOf('\n', i);
    if (end === -1) return undefined;
    // One search serves every line before the quote it finds: searching from each line start would scan to
    // the end of the chunk on every line of a file without quotes.
    if (this.#quoteAt !== -1 && this.#quoteAt < i) this.#quoteAt = chunk.indexOf('"', i);
    const quoteAt = this.#quoteAt;
    if (quoteAt !== -1 && quoteAt < end) return undefined;
    const lineEnd = chunk.charCodeAt(end - 1) === cr && end > i ? end - 1 : end;
    if (lineEnd === i) return end + 1;
    if (this.#crAt !== -1 && this.#crAt < i) this.#crAt = chunk.indexOf('\r', i);
    const clean = this.#crAt === -1 || this.#crAt >= lineEnd;
    const fields = splitLine(chunk, i, lineEnd, this.#keep, this.#only, this.#width);
    this.#width = fields.length;
    this.#onRecord(fields, clean);
    return end + 1;
  }

  /**
   * Past the fields kept (a Bulk result file's repeated columns): to the end of the record with the same
   * rules as #quoted and #plain, but without building fields. Outside quotes it jumps natively to the next
   * line feed or quote: Salesforce quotes a result's own columns, so every result line comes here, and a
   * character loop over the rest of each line was a tenth of a full sync's CPU at M (issue 19).
   */
  #skipRest(chunk: string, from: number): number {
    const length = chunk.length;
    let i = from;
    while (i < length) {
      if (this.#inQuotes) {
        if (this.#quotePending) {
          this.#quotePending = false;
          if (chunk.charCodeAt(i) === quote) i += 1;
          else this.#inQuotes = false;
          continue;
        }
        const j = chunk.indexOf('"', i);
        if (j === -1) return length;
        this.#quotePending = true;
        i = j + 1;
        continue;
      }
      const end = chunk.indexOf('\n', i);
      if (this.#quoteAt !== -1 && this.#quoteAt < i) this.#quoteAt = chunk.indexOf('"', i);
      const quoteAt = this.#quoteAt;
      const stop = quoteAt !== -1 && (end === -1 || quoteAt < end) ? quoteAt : end === -1 ? length : end;
      // Whether a field starts at `stop`: the last character before it other than CR says (a comma).
      let last = stop - 1;
      while (last >= i && chunk.charCodeAt(last) === cr) last -= 1;
      if (last >= i) {
        this.#atFieldStart = chunk.charCodeAt(last) === comma;
        this.#lineStarted = true;
      }
      if (stop === length) return length;
      if (stop === end) {
        this.#endRecord();
        return end + 1;
      }
      // A quote opens a quoted field only at the start of a field; elsewhere it is kept as it is.
      this.#lineStarted = true;
      if (this.#atFieldStart) this.#inQuotes = true;
      this.#atFieldStart = false;
      i = stop + 1;
    }
    return length;
  }

  /** Inside a quoted field: up to the next quote; answers where reading goes on. */
  #quoted(chunk: string, i: number): number {
    if (this.#quotePending) {
      this.#quotePending = false;
      if (chunk.charCodeAt(i) === quote) {
        // An escaped quote ("") inside a quoted field.
        if (this.#index < this.#keep) this.#field += '"';
        return i + 1;
      }
      // The quote closed the field; this character is read as outside quotes.
      this.#inQuotes = false;
      return i;
    }
    const j = chunk.indexOf('"', i);
    if (j === -1) {
      if (this.#index < this.#keep) this.#field += chunk.slice(i);
      return chunk.length;
    }
    if (this.#index < this.#keep) this.#field += chunk.slice(i, j);
    this.#quotePending = true;
    return j + 1;
  }

  /** Outside quotes: up to and through the next special character; answers where reading goes on. */
  #plain(chunk: string, i: number): number {
    if (this.#crPending) {
      this.#crPending = false;
      if (chunk.charCodeAt(i) !== lf) {
        if (this.#index < this.#keep) this.#field += '\r';
        this.#atFieldStart = false;
        this.#lineStarted = true;
      }
    }
    this.#special.lastIndex = i;
    const j = this.#special.exec(chunk)?.index ?? chunk.length;
    if (j > i) {
      if (this.#index < this.#keep) this.#field += chunk.slice(i, j);
      this.#atFieldStart = false;
      this.#lineStarted = true;
    }
    if (j === chunk.length) return j;
    const c = chunk.charCodeAt(j);
    if (c === comma) {
      this.#endField();
      this.#lineStarted = true;
    } else if (c === lf) this.#endRecord();
    else if (c === quote) {
      // A quote inside an unquoted field is kept as it is.
      if (this.#index < this.#keep) this.#field += '"';
      this.#atFieldStart = false;
      this.#lineStarted = true;
    } else {
      // A carriage return: the end of the line when a line feed follows, else the field's text.
      this.#crPending = true;
    }
    return j + 1;
  }

  #endField(): void {
    if (this.#index < this.#keep) this.#fields.push(this.#field);
    this.#field = '';
    this.#index += 1;
    this.#atFieldStart = true;
  }

  #endRecord(): void {
    if (this.#lineStarted || this.#field !== '' || this.#index > 0) {
      this.#endField();
      this.#onRecord(this.#fields, false);
    }
    this.#fields = [];
    this.#field = '';
    this.#index = 0;
    this.#atFieldStart = true;
    this.#lineStarted = false;
  }
}

/**
 * Calls `onRecord` with the first `keep` fields of every record (the header included), in order. With `only`,
 * the caller reads only the fields marked true in it: the others of a line without quotes come as '' (never
 * built); a line with quotes has them all.
 */
export async function scanCsvRecords(
  input: Readable,
  keep: number,
  onRecord: OnRecord,
  only?: readonly boolean[],
): Promise<void> {
  const scanner = new CsvScanner(keep, onRecord, only);
  input.setEncoding('utf8');
  for await (const chunk of input as AsyncIterable<string>) scanner.feed(chunk);
  scanner.end();
}
