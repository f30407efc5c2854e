// Rows whose parent failed are not sent: Salesforce would refuse each one with "Foreign key external ID
// not found", spending API work and hiding the real cause. They are recorded as PARENT_FAILED failures
// naming the parent, and retried once the parent has synced.
import { closeSync, createReadStream, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { scanCsvRecords } from '../csv/csv-record-scanner.js';
import type { ObjectMap } from '../mapping/field-map.js';
import type { FailedRecordInput } from '../store/failed-record-rows.js';
import type { Queryable } from '../store/store.js';
import { csvCell } from '../csv/spool-writer.js';

import { parentFailedCode } from '../mapping/record-rules.js';

interface RelationshipColumn {
  readonly index: number;
  readonly column: string;
  readonly target: string;
}

/** Keys of `object` whose last sync failed and is not resolved. */
async function openFailureKeys(db: Queryable, object: string, entityId: string): Promise<Set<string>> {
  const rows = await db.query<{ external_id: string }>(
    'SELECT external_id FROM failed_records WHERE salesforce_object = $1 AND entity_id = $2 AND resolved_at IS NULL',
    [object, entityId],
  );
  return new Set(rows.map((r) => r.external_id));
}

/**
 * Rewrites the spooled CSV at `file` without the rows whose parent failed; returns those rows as failures.
 * Idempotent: filtering an already filtered file removes nothing more.
 */
export async function holdBackOrphans(
  db: Queryable,
  file: string,
  map: ObjectMap,
  stream: string,
  entityId: string,
): Promise<FailedRecordInput[]> {
  return (await screenPart(db, file, map, stream, entityId, map.salesforceObject)).held;
}

export interface ScreenedPart {
  /** Rows taken out of the part because a parent failed, as failures. */
  readonly held: FailedRecordInput[];
  /** Keys left in the part that have an open failure under `failureObject`: resolved once they load. */
  readonly resolvable: string[];
}

/**
 * One pass over a spool part before it loads: holds back the rows whose parent failed (rewriting the
 * part without them) and notes which remaining keys carry an open failure of their own. When neither can
 * apply (no failed parents, no open failures: every first full sync) the part is not read at all.
 */
export async function screenPart(
  db: Queryable,
  file: string,
  map: ObjectMap | undefined,
  stream: string,
  entityId: string,
  failureObject: string,
): Promise<ScreenedPart> {
  const targets = new Map((map?.references ?? []).map((r) => [r.salesforce, r.target]));
  const header = readHeader(file);
  const relationships: RelationshipColumn[] = header.flatMap((column, index) => {
    const rel = /^(\w+__r)\.\w+$/.exec(column)?.[1];
    const target = rel === undefined ? undefined : targets.get(rel);
    return target === undefined || target === map?.salesforceObject ? [] : [{ index, column, target }];
  });
  const failedByTarget = new Map<string, Set<string>>();
  for (const r of relationships) {
    if (!failedByTarget.has(r.target))
      failedByTarget.set(r.target, await openFailureKeys(db, r.target, entityId));
  }
  const ownFailures = await openFailureKeys(db, failureObject, entityId);
  const blocking = relationships.filter((r) => (failedByTarget.get(r.target)?.size ?? 0) > 0);
  if (blocking.length === 0 && ownFailures.size === 0) return { held: [], resolvable: [] };

  const held: FailedRecordInput[] = [];
  const resolvable: string[] = [];
  const out = blocking.length === 0 ? undefined : openSync(`${file}.tmp`, 'w');
  let pending = '';
  let first = true;
  await scanCsvRecords(createReadStream(file), Number.POSITIVE_INFINITY, (row) => {
    if (first) {
      first = false;
      pending += `${row.map((c) => csvCell(c, false)).join(',')}\n`;
      return;
    }
    const key = row[0] ?? '';
    const blocker = blocking.find((r) => {
      const value = row[r.index] ?? '';
      return value !== '' && failedByTarget.get(r.target)?.has(value) === true;
    });
    if (blocker === undefined) {
      if (ownFailures.has(key)) resolvable.push(key);
      if (out === undefined) return;
      pending += `${row.map((c) => csvCell(c, false)).join(',')}\n`;
      if (pending.length > 1 << 20) {
        writeSync(out, pending);
        pending = '';
      }
      return;
    }
    const parentKey = row[blocker.index] ?? '';
    held.push({
      stream,
      salesforceObject: map?.salesforceObject ?? failureObject,
      entityId,
      externalId: key,
      zuoraId: /^[0-9a-f]{32}$/i.test(key) ? key : null,
      code: parentFailedCode,
      message: `not sent: its ${blocker.target} ${parentKey} (${blocker.column}) failed to sync; it is sent again once that record syncs`,
      fields: [`${blocker.target}:${parentKey}`],
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
