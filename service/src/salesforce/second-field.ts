// The second field of one CSV record, read as the CSV scanner (csv/csv-record-scanner.ts) reads it: a quote
// opens a quoted field only at the start of a field ("" inside one is a quote), a carriage return outside quotes
// ends the line before a line feed (or the record's end) and is text anywhere else. For the records of a Bulk
// results file that are not in Salesforce's own shape (success-count.ts).
const QUOTE = '"';

export function secondField(record: string): string | undefined {
  let field = '';
  let index = 0;
  let inQuotes = false;
  let atStart = true;
  for (let k = 0; k < record.length; k += 1) {
    const ch = record[k] as string;
    if (inQuotes) {
      if (ch !== QUOTE) field += ch;
      else if (record[k + 1] === QUOTE) {
        field += QUOTE;
        k += 1;
      } else inQuotes = false;
      continue;
    }
    if (ch === QUOTE && atStart) {
      inQuotes = true;
      atStart = false;
    } else if (ch === ',') {
      if (index === 1) return field;
      index += 1;
      field = '';
      atStart = true;
    } else if (ch === '\n') break;
    else if (ch !== '\r' || (k + 1 < record.length && record[k + 1] !== '\n')) {
      field += ch;
      atStart = false;
    }
  }
  return index === 1 ? field : undefined;
}
