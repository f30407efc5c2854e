// Mapped rows go to CSV files on disk, one per Salesforce object and pass, so that a session never holds
// a whole object in memory and a resumed session can re-send a job without reading Zuora again.
// Bulk API CSV: an empty cell leaves a field unchanged, `#N/A` sets it to null.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/datafiles_prepare_csv.htm
import { createReadStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { CellValue } from '../mapping/transforms/transform-result.js';
import { readCsvHeader } from '../csv/csv-header.js';
import { SpoolWriter } from '../csv/spool-writer.js';
import { ensurePrivateDir } from '../config/private-files.js';

export type SpoolPass = 'upsert' | 'deferred' | 'delete';

/** Bulk API 2.0 refuses uploads over 100 MB; parts stay under this so each fits one job.
 * https://developer.salesforce.com/docs/atlas.en-us.salesforce_app_limits_cheatsheet.meta/salesforce_app_limits_cheatsheet/salesforce_app_limits_platform_bulkapi.htm */
export const maxPartBytes = 95 * 1024 * 1024;

export class CsvSpool {
  readonly dir: string;
  readonly #maxPartBytes: number;

  constructor(dir: string, maxBytes = maxPartBytes) {
    this.dir = dir;
    this.#maxPartBytes = maxBytes;
    // Parts hold billing PII: the folder (and DATA_DIR/spool above it) is the owner's only.
    ensurePrivateDir(dir);
  }

  path(object: string, pass: SpoolPass, part = 0): string {
    return join(this.dir, `${object}.${pass}.${String(part)}.csv`);
  }

  /** The part numbers written for an object and pass, in order. */
  parts(object: string, pass: SpoolPass): number[] {
    const parts: number[] = [];
    while (existsSync(this.path(object, pass, parts.length))) parts.push(parts.length);
    return parts;
  }

  /** A row-by-row writer for an object and pass, continuing after the parts already written; the `plain`
   * columns' values never need quotes. */
  writer(
    object: string,
    pass: SpoolPass,
    columns: readonly string[],
    plain: ReadonlySet<string> = new Set(),
  ): SpoolWriter {
    return new SpoolWriter(columns, this.#maxPartBytes, (part) => this.path(object, pass, part), plain);
  }

  /** Appends rows (header written when a part is new); a part that would pass the limit rolls over. */
  append(
    object: string,
    pass: SpoolPass,
    columns: readonly string[],
    rows: readonly Record<string, CellValue>[],
  ): void {
    if (rows.length === 0) return;
    const writer = this.writer(object, pass, columns);
    try {
      for (const row of rows) writer.write(row);
    } finally {
      writer.close();
    }
  }

  has(object: string, pass: SpoolPass): boolean {
    return existsSync(this.path(object, pass, 0));
  }

  /** Read 1 MiB at a time: an upload moves one read a turn of the event loop while other streams spool. */
  stream(object: string, pass: SpoolPass, part = 0): Readable {
    return createReadStream(this.path(object, pass, part), { highWaterMark: 1 << 20 });
  }

  /** The header (column names) of a part, read without loading the file. */
  header(object: string, pass: SpoolPass, part = 0): string[] {
    return readCsvHeader(this.path(object, pass, part));
  }

  /** The first column (the upsert key) of every data row of a part, or of all parts. */
  keys(object: string, pass: SpoolPass, part?: number): string[] {
    const parts = part === undefined ? this.parts(object, pass) : [part];
    const keys: string[] = [];
    for (const p of parts) {
      const text = readFileSync(this.path(object, pass, p), 'utf8');
      let first = true;
      for (const line of text.split('\n')) {
        if (first || line === '') {
          first = false;
          continue;
        }
        // Keys are Zuora ids or subscription numbers: never quoted, never containing commas.
        const comma = line.indexOf(',');
        keys.push(comma === -1 ? line : line.slice(0, comma));
      }
    }
    return keys;
  }

  /** Empties the spool before an extraction is (re)built, so a crash mid-extraction leaves no half rows. */
  clear(): void {
    rmSync(this.dir, { recursive: true, force: true });
    ensurePrivateDir(this.dir);
  }

  /** Deletes every part, once no resume can need them (turbo/spool-retention.ts). */
  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
