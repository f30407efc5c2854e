// The first fields of one CSV record (a string), read as the CSV scanner (csv-record-scanner.ts) reads them:
// a quote opens a quoted field only at the start of a field ("" inside one is a quote, and what follows the
// closing quote up to the comma is kept), carriage returns outside quotes are dropped. For the records with
// quotes that csv-byte-records.ts does not split itself.
const QUOTE = '"';

export function recordFields(record: string, keep: number, only?: readonly boolean[]): string[] {
  const fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let atStart = true;
  for (let k = 0; k < record.length && fields.length < keep; k += 1) {
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
      fields.push(only === undefined || only[fields.length] === true ? field : '');
      field = '';
      atStart = true;
    } else if (ch === '\n') break;
    else if (ch !== '\r') {
      field += ch;
      atStart = false;
    }
  }
  if (fields.length < keep) fields.push(only === undefined || only[fields.length] === true ? field : '');
  return fields;
}
