// Before a spool part loads it is screened in one pass: the rows waiting for a parent whose last sync failed
// (mapping/parent-rules.ts) are held back and returned as PARENT_FAILED failures; the keys left in the part
// that carry an open failure of their own are noted, to be resolved once they load. When neither can apply
// (no failed parents, no open failures: every first full sync) the part is not read at all. The part itself is
// never written again: the held rows' record numbers come back as `leftOut`, and the upload streams the part
// without them (csv/copy-csv-stream.ts). The held rows are stored (`keep`) before the upload, and a resumed
// session (`sessionId`) leaves out again every row it stored as held, so it sends the same body.
import { createReadStream } from 'node:fs';
import { readCsvHeader } from '../csv/csv-header.js';
import { scanCsvRecords } from '../csv/csv-record-scanner.js';
import type { ObjectMap } from '../mapping/field-map.js';
import { failedParentAt, parentFailure, waitsForAt } from '../mapping/parent-rules.js';
import { keyIsZuoraId, parentFailedCode } from '../mapping/record-rules.js';
import { openFailureKeys, type FailedRecordInput } from '../store/failed-record-rows.js';
import { sessionHeldKeys } from '../store/held-keys.js';
import type { Queryable } from '../store/store.js';
import { ownCopy } from '../mapping/own-copy.js';

export interface ScreenedPart {
  /** Rows held back now because a parent failed, as failures (to store). */
  readonly held: FailedRecordInput[];
  /** Keys left in the part that have an open failure under `failureObject`: resolved once they load. */
  readonly resolvable: string[];
  /** Record numbers (the header is 0) not to send: the rows held now and those `sessionId` stored as held. */
  readonly leftOut: ReadonlySet<number>;
}

const nothing: ScreenedPart = { held: [], resolvable: [], leftOut: new Set() };

/** Idempotent: the part is only read, and a row held before in `sessionId` is left out, not held again. */
export async function screenPart(
  db: Queryable,
  file: string,
  map: ObjectMap | undefined,
  stream: string,
  entityId: string,
  failureObject: string,
  pass: 'upsert' | 'deferred' = 'upsert',
  keep: (held: readonly FailedRecordInput[]) => Promise<void> = () => Promise.resolve(),
  sessionId?: string,
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
  if (map === undefined || (failed.size === 0 && own.size === 0)) return nothing;
  // Rows held before are open failures of their own: none when `own` is empty.
  const heldBefore =
    sessionId === undefined || own.size === 0
      ? new Set<string>()
      : await sessionHeldKeys(db, sessionId, failureObject, entityId, parentFailedCode);
  const zuoraIdKeys = keyIsZuoraId(map, keyColumn);

  const held: FailedRecordInput[] = [];
  const leftOut = new Set<number>();
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
      if (heldBefore.has(key)) return void leftOut.add(record);
      const parent = failedParentAt(waits, row, (target, k) => failed.get(target)?.has(k) === true);
      if (parent === undefined) {
        if (own.has(key)) resolvable.push(ownCopy(key));
        return;
      }
      leftOut.add(record);
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
  // Stored before anything is sent: a session killed during the upload finds them when it resumes.
  if (held.length > 0) await keep(held);
  return { held, resolvable, leftOut };
}
