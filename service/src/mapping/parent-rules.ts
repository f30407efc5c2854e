// When a record waits for its parent: a row that references (by external id) a record whose last sync failed
// is not sent, since Salesforce would refuse it with "Foreign key external ID not found", spending API work
// and hiding the real cause. It is recorded as PARENT_FAILED naming the parent, and sent again once that
// parent has synced. Pure decisions over mapped rows; each engine reads its rows and failures its own way.
import type { ObjectMap } from './field-map.js';
import { ownCopy } from './own-copy.js';
import { parentFailedCode } from './record-rules.js';

export interface ParentRef {
  /** The Salesforce object referenced. */
  readonly target: string;
  /** Its upsert key value. */
  readonly key: string;
  /** The column that carries the reference (`Invoice__r.External_Id__c`). */
  readonly column: string;
}

/** The relationship columns of a map's rows that point at other records (not itself, not by Salesforce Id). */
export function parentColumns(map: ObjectMap): { readonly prefix: string; readonly target: string }[] {
  return map.references
    .filter((r) => r.via !== 'Id' && r.target !== map.salesforceObject)
    .map((r) => ({ prefix: `${r.salesforce}.`, target: r.target }));
}

/** The parents a mapped row references, in the map's reference order. */
export function parentsOfRow(map: ObjectMap, row: Readonly<Record<string, unknown>>): ParentRef[] {
  const parents: ParentRef[] = [];
  for (const { prefix, target } of parentColumns(map)) {
    for (const [column, value] of Object.entries(row)) {
      if (!column.startsWith(prefix) || typeof value !== 'string' || value === '') continue;
      parents.push({ target, key: value, column });
    }
  }
  return parents;
}

/**
 * What a row waits for: its parents; and, for the deferred references of a record written in the first pass,
 * the record itself (a reference must not be written to a record that failed to load).
 */
export function waitsFor(
  map: ObjectMap,
  pass: 'upsert' | 'deferred',
  key: { readonly column: string; readonly value: string },
  row: Readonly<Record<string, unknown>>,
): ParentRef[] {
  const parents = parentsOfRow(map, row);
  if (pass === 'upsert' || key.value === '') return parents;
  return [{ target: map.salesforceObject, key: key.value, column: key.column }, ...parents];
}

/** A parent column found in a CSV header: where a row of that file names the parent. */
export interface ParentColumnAt {
  readonly index: number;
  readonly column: string;
  readonly target: string;
}

/**
 * What rows of a file with this header wait for (the same rule as `waitsFor`, resolved once per file so
 * screening a million-row part allocates nothing per row): the parent columns, and for deferred references
 * the record itself, named by its key in the first column.
 */
export function waitsForAt(
  map: ObjectMap,
  pass: 'upsert' | 'deferred',
  header: readonly string[],
): ParentColumnAt[] {
  const columns = parentColumns(map);
  const parents = header.flatMap((column, index) => {
    const found = columns.find((p) => column.startsWith(p.prefix));
    return found === undefined ? [] : [{ index, column, target: found.target }];
  });
  if (pass === 'upsert') return parents;
  return [{ index: 0, column: header[0] ?? '', target: map.salesforceObject }, ...parents];
}

/** The first parent a CSV row waits for that failed, or undefined. */
export function failedParentAt(
  columns: readonly ParentColumnAt[],
  row: readonly string[],
  isFailed: (target: string, key: string) => boolean,
): ParentRef | undefined {
  for (const c of columns) {
    const key = row[c.index] ?? '';
    if (key !== '' && isFailed(c.target, key)) return { target: c.target, key, column: c.column };
  }
  return undefined;
}

/** The first parent that failed, or undefined when the row may be sent. */
export function failedParent(
  parents: readonly ParentRef[],
  isFailed: (target: string, key: string) => boolean,
): ParentRef | undefined {
  return parents.find((p) => isFailed(p.target, p.key));
}

export interface ParentFailure {
  readonly code: typeof parentFailedCode;
  readonly message: string;
  /** `Object:key` of the parent: the next session sends the row again once that record has synced. */
  readonly fields: readonly string[];
}

/**
 * The failure of a row waiting for `parent`: held back before it was sent, or (with `cause`) refused by
 * Salesforce because the parent failed in the same run.
 */
export function parentFailure(parent: ParentRef, cause?: string): ParentFailure {
  // The failure is kept (and stored) after the row is gone: the key is copied out of it (own-copy.ts).
  const key = ownCopy(parent.key);
  const what = `its ${parent.target} ${key} (${parent.column})`;
  return {
    code: parentFailedCode,
    message:
      cause === undefined
        ? `not sent: ${what} failed to sync; it is sent again once that record syncs`
        : `${what} failed to sync (${cause}); it is sent again once that record syncs`,
    fields: [`${parent.target}:${key}`],
  };
}
