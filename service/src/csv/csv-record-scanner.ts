// A streaming RFC 4180 CSV scanner that hands over the first `keep` fields of each record. AQuA files are
// read whole rows at a time; Bulk API result files repeat every column that was sent and the connector needs
// one or two of them, so the rest is skipped without building strings. It jumps between special characters
// with native searches, several times faster than a general parser on million-row files.
import type { Readable } from 'node:stream';

const quote = 34;
const comma = 44;
const lf = 10;
const cr = 13;

/** The first `keep` fields of a line that has no quotes. */
function splitLine(line: string, keep: number): string[] {
  if (keep > 8) {
    const all = line.split(',');
    return all.length > keep ? all.slice(0, keep) : all;
  }
  const fields: string[] = [];
  let from = 0;
  while (fields.length < keep) {
    const comma = line.indexOf(',', from);
    if (comma === -1) {
      fields.push(line.slice(from));
      break;
    }
    fields.push(line.slice(from, comma));
    from = comma + 1;
  }
  return fields;
}

/** Calls `onRecord` with the first `keep` fields of every record (the header included), in order. */
export async function scanCsvRecords(
  input: Readable,
  keep: number,
  onRecord: (fields: string[]) => void,
): Promise<void> {
  let fields: string[] = [];
  let field = '';
  let index = 0;
  let inQuotes = false;
  /** A quote seen inside a quoted field: either an escaped quote or the end of the field. */
  let quotePending = false;
  let atFieldStart = true;
  let lineStarted = false;

  const endField = (): void => {
    if (index < keep) fields.push(field);
    field = '';
    index += 1;
    atFieldStart = true;
  };

  const endRecord = (): void => {
    if (lineStarted || field !== '' || index > 0) {
      endField();
      onRecord(fields);
    }
    fields = [];
    field = '';
    index = 0;
    atFieldStart = true;
    lineStarted = false;
  };
  // Outside quotes the scan jumps from one special character to the next (a native regex search);
  // inside quotes, from one quote to the next.
  const special = /[,"\r\n]/g;

  input.setEncoding('utf8');
  for await (const chunk of input as AsyncIterable<string>) {
    const length = chunk.length;
    let i = 0;
    while (i < length) {
      // Fast path: a whole line ahead with no quote in it is split natively.
      if (!lineStarted && !inQuotes && field === '' && index === 0) {
        const end = chunk.indexOf('\n', i);
        if (end !== -1) {
          const quoteAt = chunk.indexOf('"', i);
          if (quoteAt === -1 || quoteAt > end) {
            const line =
              chunk.charCodeAt(end - 1) === cr && end > i ? chunk.slice(i, end - 1) : chunk.slice(i, end);
            if (line !== '') onRecord(splitLine(line, keep));
            i = end + 1;
            continue;
          }
        }
      }
      if (inQuotes) {
        if (quotePending) {
          quotePending = false;
          if (chunk.charCodeAt(i) === quote) {
            // An escaped quote ("") inside a quoted field.
            if (index < keep) field += '"';
            i += 1;
            continue;
          }
          // The quote closed the field; this character is read as outside quotes.
          inQuotes = false;
        } else {
          const j = chunk.indexOf('"', i);
          if (j === -1) {
            if (index < keep) field += chunk.slice(i);
            i = length;
          } else {
            if (index < keep) field += chunk.slice(i, j);
            quotePending = true;
            i = j + 1;
          }
          continue;
        }
      }
      if (atFieldStart && chunk.charCodeAt(i) === quote) {
        inQuotes = true;
        atFieldStart = false;
        lineStarted = true;
        i += 1;
        continue;
      }
      special.lastIndex = i;
      const j = special.exec(chunk)?.index ?? length;
      if (j > i) {
        if (index < keep) field += chunk.slice(i, j);
        atFieldStart = false;
        lineStarted = true;
      }
      if (j === length) break;
      const c = chunk.charCodeAt(j);
      if (c === comma) {
        endField();
        lineStarted = true;
      } else if (c === lf) endRecord();
      else if (c === quote) {
        // A quote inside an unquoted field is kept as it is.
        if (index < keep) field += '"';
        atFieldStart = false;
        lineStarted = true;
      }
      i = j + 1;
    }
  }
  if (inQuotes && !quotePending) throw new Error('CSV ends inside a quoted field');
  endRecord();
}
