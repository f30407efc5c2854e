// The rows a Turbo Sync pass would send, as the comparison takes them (compare/compare-rows.ts), read back
// from a spool part (a small session's typed rows: compare/field-changes.ts desiredRowOf). A value the write would leave unchanged is undefined:
// an empty CSV cell (Bulk API 2.0 leaves the field as it is), a blank lookup; `#N/A` is a cleared field.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/datafiles_prepare_csv.htm
import type { DesiredRow } from '../compare/compare-rows.js';
import { eachCsvRow } from '../csv/csv-rows.js';
import type { CsvSpool, SpoolPass } from './csv-spool.js';

type DesiredValues = Record<string, DesiredRow['row'][string]>;

export async function spooledRows(
  spool: CsvSpool,
  object: string,
  pass: SpoolPass,
  part: number,
  leftOut: ReadonlySet<number> = new Set(),
): Promise<DesiredRow[]> {
  const keyField = spool.header(object, pass, part)[0] ?? '';
  const rows: DesiredRow[] = [];
  // Record numbers as screening counts them (the header is 0): the rows held back are not read.
  let record = 0;
  await eachCsvRow(spool.stream(object, pass, part), (csv) => {
    record += 1;
    if (leftOut.has(record)) return;
    const key = csv[keyField] ?? '';
    // The parsed row becomes the desired row in place (no copy of each record).
    const row: DesiredValues = csv;
    for (const column in csv) {
      const cell = csv[column];
      if (cell === '') row[column] = undefined;
      else if (cell === '#N/A') row[column] = null;
    }
    rows.push({ key, row });
  });
  return rows;
}

/** Every row of an object's pass (or of one part, without the records `leftOut`), in slices of `size` (one Salesforce read each). */
export async function* passRows(
  spool: CsvSpool,
  object: string,
  pass: SpoolPass,
  size: number,
  part?: number,
  leftOut?: ReadonlySet<number>,
): AsyncGenerator<DesiredRow[]> {
  for (const p of part === undefined ? spool.parts(object, pass) : [part]) {
    const rows = await spooledRows(spool, object, pass, p, leftOut);
    for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
  }
}
