// Before a spool part loads it is screened in one pass: the rows waiting for a parent whose last sync failed
// (mapping/parent-rules.ts) are taken out of the part, which is rewritten without them, and returned as
// PARENT_FAILED failures; the keys left in the part that carry an open failure of their own are noted, to be
// resolved once they load. When neither can apply (no failed parents, no open failures: every first full
// sync) the part is not read at all.
import { closeSync, createReadStream, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { privateFileMode } from '../config/private-files.js';
import { scanCsvRecords } from '../csv/csv-record-scanner.js';
import { csvCell } from '../csv/spool-writer.js';
import type { ObjectMap } from '../mapping/field-map.js';
import { failedParentAt, parentFailure, waitsForAt } from '../mapping/parent-rules.js';
import { keyIsZuoraId } from '../mapping/record-rules.js';
import { openFailureKeys, type FailedRecordInput } from '../store/failed-record-rows.js';
import type { Queryable } from '../store/store.js';

export interface ScreenedPart {
  /** Rows taken out of the part because a parent failed, as failures. */
  readonly held: FailedRecordInput[];
  /** Keys left in the part that have an open failure under `failureObject`: resolved once they load. */
  readonly resolvable: string[];
}

/** Idempotent: screening an already screened part takes nothing more out. */
export async function screenPart(
  db: Queryable,
  file: string,
  map: ObjectMap | undefined,
  stream: string,
  entityId: string,
  failureObject: string,
  pass: 'upsert' | 'deferred' = 'upsert',
): Promise<ScreenedPart> {
  const header = readHeader(file);
  const keyColumn = header[0] ?? '';
  const waits = map === undefined ? [] : waitsForAt(map, pass, header);
  // The open failures of each object a row may wait for.
  const failed = new Map<string, Set<string>>();
  for (const target of new Set(waits.map((w) => w.target))) {
    const keys = await openFailureKeys(db, target, entityId);
    if (keys.size > 0) failed.set(target, keys);
  }
  const own = await openFailureKeys(db, failureObject, entityId);
  if (map === undefined || (failed.size === 0 && own.size === 0)) return { held: [], resolvable: [] };
  const zuoraIdKeys = keyIsZuoraId(map, keyColumn);

  const held: FailedRecordInput[] = [];
  const resolvable: string[] = [];
  const out = failed.size === 0 ? undefined : openSync(`${file}.tmp`, 'w', privateFileMode);
  let pending = '';
  let first = true;
  await scanCsvRecords(createReadStream(file), Number.POSITIVE_INFINITY, (row) => {
    if (first) {
      first = false;
      pending += `${row.map((c) => csvCell(c, false)).join(',')}\n`;
      return;
    }
    const key = row[0] ?? '';
    const parent = failedParentAt(waits, row, (target, k) => failed.get(target)?.has(k) === true);
    if (parent === undefined) {
      if (own.has(key)) resolvable.push(key);
      if (out === undefined) return;
      pending += `${row.map((c) => csvCell(c, false)).join(',')}\n`;
      if (pending.length > 1 << 20) {
        writeSync(out, pending);
        pending = '';
      }
      return;
    }
    const failure = parentFailure(parent);
    held.push({
      stream,
      salesforceObject: failureObject,
      entityId,
      externalId: key,
      zuoraId: zuoraIdKeys ? key : null,
      code: failure.code,
      message: failure.message,
      fields: failure.fields,
    });
  });
  if (out !== undefined) {
    writeSync(out, pending);
    closeSync(out);
    if (held.length > 0) renameSync(`${file}.tmp`, file);
    else rmSync(`${file}.tmp`, { force: true });
  }
  return { held, resolvable };
}

/** The column names of a part, read without loading the file. */
function readHeader(file: string): string[] {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16_384);
    const n = readSync(fd, buffer, 0, buffer.length, 0);
    return (buffer.subarray(0, n).toString('utf8').split('\n', 1)[0] ?? '').split(',');
  } finally {
    closeSync(fd);
  }
}
