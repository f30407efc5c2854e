// Mapped rows go to CSV files on disk, one per Salesforce object and pass, so that a session never holds
// a whole object in memory and a resumed session can re-send a job without reading Zuora again.
// Bulk API CSV: an empty cell leaves a field unchanged, `#N/A` sets it to null.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/datafiles_prepare_csv.htm
import {
  appendFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { CellValue } from '../mapping/transforms/transform-result.js';

export type SpoolPass = 'upsert' | 'deferred' | 'delete';

/** `relationship`: a `Parent__r.External_Id__c` column, where an empty cell means "no parent". */
function cell(value: CellValue | undefined, relationship: boolean): string {
  if (value === undefined) return '';
  if (value === null) return relationship ? '' : '#N/A';
  return typeof value === 'string' ? value : String(value);
}

export class CsvSpool {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  path(object: string, pass: SpoolPass): string {
    return join(this.dir, `${object}.${pass}.csv`);
  }

  /** Appends rows (header written when the file is new). */
  append(
    object: string,
    pass: SpoolPass,
    columns: readonly string[],
    rows: readonly Record<string, CellValue>[],
  ): void {
    if (rows.length === 0) return;
    const file = this.path(object, pass);
    if (!existsSync(file)) writeFileSync(file, stringify([columns]));
    const relationship = columns.map((c) => c.includes('.'));
    appendFileSync(
      file,
      stringify(rows.map((row) => columns.map((c, i) => cell(row[c], relationship[i] === true)))),
    );
  }

  has(object: string, pass: SpoolPass): boolean {
    return existsSync(this.path(object, pass));
  }

  stream(object: string, pass: SpoolPass): Readable {
    return createReadStream(this.path(object, pass));
  }

  /** The first column (the upsert key) of every data row. */
  keys(object: string, pass: SpoolPass): string[] {
    if (!this.has(object, pass)) return [];
    const text = readFileSync(this.path(object, pass), 'utf8');
    const keys: string[] = [];
    let first = true;
    for (const line of text.split('\n')) {
      if (first || line === '') {
        first = false;
        continue;
      }
      // Keys are Zuora ids or subscription numbers: never quoted, never containing commas.
      keys.push(line.slice(0, line.indexOf(',') === -1 ? line.length : line.indexOf(',')));
    }
    return keys;
  }

  /** Empties the spool before an extraction is (re)built, so a crash mid-extraction leaves no half rows. */
  clear(): void {
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }
}
