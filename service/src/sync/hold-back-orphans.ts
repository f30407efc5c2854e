// Rows whose parent failed are not sent: Salesforce would refuse each one with "Foreign key external ID
// not found", spending API work and hiding the real cause. They are recorded as PARENT_FAILED failures
// naming the parent, and retried once the parent has synced.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { ObjectMap } from '../mapping/field-map.js';
import type { FailedRecordInput } from '../store/failed-record-rows.js';
import type { Queryable } from '../store/store.js';

export const parentFailedCode = 'PARENT_FAILED';

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
  const targets = new Map(map.references.map((r) => [r.salesforce, r.target]));
  const text = readFileSync(file, 'utf8');
  const rows: string[][] = parse(text, { skip_empty_lines: true });
  const header = rows[0] ?? [];
  const relationships: RelationshipColumn[] = header.flatMap((column, index) => {
    const rel = /^(\w+__r)\.\w+$/.exec(column)?.[1];
    const target = rel === undefined ? undefined : targets.get(rel);
    return target === undefined || target === map.salesforceObject ? [] : [{ index, column, target }];
  });
  if (relationships.length === 0) return [];
  const failedByTarget = new Map<string, Set<string>>();
  for (const r of relationships) {
    if (!failedByTarget.has(r.target))
      failedByTarget.set(r.target, await openFailureKeys(db, r.target, entityId));
  }
  if ([...failedByTarget.values()].every((s) => s.size === 0)) return [];

  const kept: string[][] = [header];
  const held: FailedRecordInput[] = [];
  for (const row of rows.slice(1)) {
    const blocker = relationships.find((r) => {
      const value = row[r.index] ?? '';
      return value !== '' && failedByTarget.get(r.target)?.has(value) === true;
    });
    if (blocker === undefined) {
      kept.push(row);
      continue;
    }
    const key = row[0] ?? '';
    const parentKey = row[blocker.index] ?? '';
    held.push({
      stream,
      salesforceObject: map.salesforceObject,
      entityId,
      externalId: key,
      zuoraId: /^[0-9a-f]{32}$/i.test(key) ? key : null,
      code: parentFailedCode,
      message: `not sent: its ${blocker.target} ${parentKey} (${blocker.column}) failed to sync; it is sent again once that record syncs`,
      fields: [`${blocker.target}:${parentKey}`],
    });
  }
  if (held.length > 0) {
    writeFileSync(`${file}.tmp`, stringify(kept));
    renameSync(`${file}.tmp`, file);
  }
  return held;
}
