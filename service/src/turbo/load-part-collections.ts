// Small Turbo Sync sessions load through sObject Collections in Composite calls instead of Bulk API 2.0.
// A Bulk job costs about eight API calls whatever its size (create, upload, close, status polls, results), so
// an incremental session of a few dozen changed records spread over 17 objects would spend over a hundred calls;
// Composite calls carry 1,000 records each (5 collections of 200), so such a session costs one or two.
// https://developer.salesforce.com/docs/platform/api-rest/guide/resources-composite-composite-post.html
// The spooled part is read back as the rows the Bulk job would have carried: `#N/A` is null, an empty
// reference is left out, and values take the JSON type of their field.
import { createReadStream } from 'node:fs';
import { rowToJson } from '../mapping/row-to-json.js';
import { governorFor } from '../sessions/api-governor.js';
import type { Row } from '../mapping/record-mapper.js';
import { findField } from '../mapping/salesforce-schema.js';
import { CallCounter, upsertCollectionsWithRetries } from '../salesforce/composite-collections.js';
import { scanCsvRecords } from '../csv/csv-record-scanner.js';
import type { BulkRecordFailure } from '../salesforce/bulk-upsert.js';
import { retryableCodes } from '../salesforce/retryable-codes.js';
import type { LoadOutcome } from './load-object.js';
import type { SyncDeps } from '../sessions/sync-deps.js';

/** Sessions that load at most this many records in all use Composite calls (two calls at most when full). */
export const collectionsSessionLimit = 2_000;

function typed(deps: SyncDeps, object: string, column: string, cell: string): Row[string] {
  if (cell === '#N/A') return null;
  if (cell === '' || column.includes('.')) return cell;
  const type = findField(deps.schema, object, column)?.type;
  if (type === 'Checkbox') return cell === 'true';
  if (type === 'Number' || type === 'Currency' || type === 'Percent') {
    const n = Number(cell);
    return Number.isFinite(n) ? n : cell;
  }
  return cell;
}

export async function loadPartByCollections(
  deps: SyncDeps,
  request: { readonly object: string; readonly keyField: string; readonly file: string },
): Promise<LoadOutcome & { readonly calls: number }> {
  const { object, keyField } = request;
  let header: string[] | undefined;
  const rows: Record<string, string>[] = [];
  await scanCsvRecords(createReadStream(request.file), Number.POSITIVE_INFINITY, (fields) => {
    if (header === undefined) {
      header = fields;
      return;
    }
    rows.push(Object.fromEntries(header.map((column, i) => [column, fields[i] ?? ''])));
  });
  const json = rows.map((raw) => {
    const row: Row = {};
    for (const [column, cell] of Object.entries(raw)) row[column] = typed(deps, object, column, cell);
    return rowToJson(row);
  });

  const writer = { conn: deps.salesforce, governor: governorFor(deps), caller: 'Turbo Sync' };
  const counter = new CallCounter();
  const [results = []] = await upsertCollectionsWithRetries(
    writer,
    [{ object, externalIdField: keyField, records: json }],
    counter,
    retryableCodes,
  );

  const failures: BulkRecordFailure[] = [];
  let succeeded = 0;
  let created = 0;
  results.forEach((r, k) => {
    const row = rows[k] ?? {};
    if (r.success) {
      succeeded += 1;
      if (r.created) created += 1;
      return;
    }
    failures.push({
      key: row[keyField] ?? '',
      code: r.errorCode ?? 'UNKNOWN_ERROR',
      error: `${r.errorCode ?? 'UNKNOWN_ERROR'}:${r.errorMessage ?? ''}`,
      row,
    });
  });
  return { succeeded, created, failures, jobs: 0, calls: counter.calls };
}
