// A streaming RFC 4180 CSV scanner that hands over only the first `keep` fields of each record. Bulk API
// result files repeat every column that was sent; the connector needs one or two of them per row, so
// scanning without building the rest keeps a million-row results file cheap in time and memory.
import type { Readable } from 'node:stream';

const quote = 34;
const comma = 44;
const lf = 10;
const cr = 13;

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

  input.setEncoding('utf8');
  for await (const chunk of input as AsyncIterable<string>) {
    let from = 0;
    for (let i = 0; i < chunk.length; i += 1) {
      const c = chunk.charCodeAt(i);
      if (inQuotes) {
        if (!quotePending) {
          if (c === quote) {
            if (index < keep) field += chunk.slice(from, i);
            quotePending = true;
          }
          continue;
        }
        quotePending = false;
        if (c === quote) {
          // An escaped quote ("") inside a quoted field.
          if (index < keep) field += '"';
          from = i + 1;
          continue;
        }
        // The quote closed the field; this character is read as outside quotes.
        inQuotes = false;
        from = i;
      }
      if (c === comma) {
        if (index < keep) field += chunk.slice(from, i);
        endField();
        lineStarted = true;
        from = i + 1;
      } else if (c === lf) {
        if (index < keep) field += chunk.slice(from, i);
        if (lineStarted || field !== '' || index > 0) {
          endField();
          onRecord(fields);
        }
        fields = [];
        field = '';
        index = 0;
        atFieldStart = true;
        lineStarted = false;
        from = i + 1;
      } else if (c === cr) {
        if (index < keep) field += chunk.slice(from, i);
        from = i + 1;
      } else if (c === quote && atFieldStart) {
        inQuotes = true;
        atFieldStart = false;
        lineStarted = true;
        from = i + 1;
      } else {
        atFieldStart = false;
        lineStarted = true;
      }
    }
    if (index < keep && !quotePending) field += chunk.slice(from);
  }
  if (inQuotes && !quotePending) throw new Error('CSV ends inside a quoted field');
  if (lineStarted || field !== '' || index > 0) {
    endField();
    onRecord(fields);
  }
}
