// Before a spool part loads it is screened in one pass: the rows waiting for a parent whose last sync failed
// (mapping/parent-rules.ts) are taken out of the part and returned as PARENT_FAILED failures; the keys left in
// the part that carry an open failure of their own are noted, to be resolved once they load. When neither can
// apply (no failed parents, no open failures: every first full sync) the part is not read at all. Only a part
// that holds rows back is written again, as a byte copy without those rows (csv/copy-csv-records.ts), and the
// held rows are stored (`keep`) before that copy replaces the part.
import { createReadStream, renameSync } from 'node:fs';
import { privateFileMode } from '../config/private-files.js';
import { copyCsvWithout } from '../csv/copy-csv-records.js';
import { readCsvHeader } from '../csv/csv-header.js';
import { scanCsvRecords } from '../csv/csv-record-scanner.js';
import type { ObjectMap } from '../mapping/field-map.js';
import { failedParentAt, parentFailure, waitsForAt } from '../mapping/parent-rules.js';
import { keyIsZuoraId } from '../mapping/record-rules.js';
import { openFailureKeys, type FailedRecordInput } from '../store/failed-record-rows.js';
import type { Queryable } from '../store/store.js';
import { ownCopy } from '../mapping/own-copy.js';

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
  keep: (held: readonly FailedRecordInput[]) => Promise<void> = () => Promise.resolve(),
): Promise<ScreenedPart> {
  const header = readCsvHeader(file);
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
  const heldRecords = new Set<number>();
  const resolvable: string[] = [];
  let record = -1;
  // Only the key and the columns a row waits on are read: the other fields are never built.
  const fields = Math.max(0, ...waits.map((w) => w.index)) + 1;
  const only = Array.from({ length: fields }, (_, i) => i === 0 || waits.some((w) => w.index === i));
  await scanCsvRecords(
    createReadStream(file),
    fields,
    (row) => {
      record += 1;
      if (record === 0) return;
      const key = row[0] ?? '';
      const parent = failedParentAt(waits, row, (target, k) => failed.get(target)?.has(k) === true);
      if (parent === undefined) {
        if (own.has(key)) resolvable.push(ownCopy(key));
        return;
      }
      heldRecords.add(record);
      const failure = parentFailure(parent);
      // Kept while the part loads: a copy, or each key would hold its chunk of the part (mapping/own-copy.ts).
      const kept = ownCopy(key);
      held.push({
        stream,
        salesforceObject: failureObject,
        entityId,
        externalId: kept,
        zuoraId: zuoraIdKeys ? kept : null,
        code: failure.code,
        message: failure.message,
        fields: failure.fields,
      });
    },
    only,
  );
  if (heldRecords.size > 0) {
    // Written aside and renamed: a crash leaves the part whole or screened, never half written. The held rows
    // are stored before the rename: a process killed after it finds them gone from the part when it resumes,
    // so storing them later would lose them.
    copyCsvWithout(file, `${file}.tmp`, heldRecords, privateFileMode);
    await keep(held);
    renameSync(`${file}.tmp`, file);
  }
  return { held, resolvable };
}
