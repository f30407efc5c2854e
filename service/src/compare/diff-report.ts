// A comparison as a report: counts per object, a sample of the updates (fields old -> new) and failures for the
// session summary and the terminal, and the full list as NDJSON under the data folder (mode 0600: it holds
// billing values), one line per record: `{object, key, action, salesforceId?, changes?, code?, message?}`.
import { mkdir, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  countsOf,
  type DiffCounts,
  type FailedRecord,
  type ObjectDiff,
  type RecordChange,
} from './diff-types.js';

export const sampleSize = 5;

export interface DiffReport {
  readonly objects: Record<string, DiffCounts>;
  readonly sample: Record<string, RecordChange[]>;
  readonly failedSample: Record<string, FailedRecord[]>;
  /** A sample of the records that would be deleted, with their Salesforce Ids. */
  readonly deletedSample: Record<string, { key: string; salesforceId: string | null }[]>;
  readonly salesforceCalls: number;
  readonly file: string | null;
}

export function diffReport(diffs: readonly ObjectDiff[], calls: number, file: string | null): DiffReport {
  const objects: Record<string, DiffCounts> = {};
  const sample: Record<string, RecordChange[]> = {};
  const failedSample: Record<string, FailedRecord[]> = {};
  const deletedSample: DiffReport['deletedSample'] = {};
  for (const d of diffs) {
    objects[d.object] = countsOf(d);
    if (d.updated.length > 0) sample[d.object] = d.updated.slice(0, sampleSize);
    if (d.failed.length > 0) failedSample[d.object] = d.failed.slice(0, sampleSize);
    if (d.deleted.length > 0)
      deletedSample[d.object] = d.deleted
        .slice(0, sampleSize)
        .map((key, i) => ({ key, salesforceId: d.deletedIds[i] ?? null }));
  }
  return { objects, sample, failedSample, deletedSample, salesforceCalls: calls, file };
}

/** One change of the full list: a record created, updated (fields old -> new), deleted, or failed. */
export interface DiffLine {
  readonly object: string;
  readonly key: string;
  readonly action: 'create' | 'update' | 'delete' | 'failed';
  readonly salesforceId?: string | null;
  readonly changes?: RecordChange['changes'];
  readonly code?: string;
  readonly message?: string;
}

export function* diffLines(diffs: readonly ObjectDiff[]): Generator<DiffLine> {
  for (const d of diffs) {
    const object = d.object;
    for (const key of d.created) yield { object, key, action: 'create' };
    for (const u of d.updated) yield { object, action: 'update', ...u };
    for (const [i, key] of d.deleted.entries())
      yield { object, key, action: 'delete', salesforceId: d.deletedIds[i] ?? null };
    for (const f of d.failed) yield { object, action: 'failed', ...f };
  }
}

/** Writes every change to `path` (created 0600, replaced if there); answers the lines written. */
export async function writeDiffFile(path: string, diffs: readonly ObjectDiff[]): Promise<number> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const file = await open(path, 'w', 0o600);
  let n = 0;
  try {
    let chunk: string[] = [];
    for (const line of diffLines(diffs)) {
      chunk.push(JSON.stringify(line));
      n += 1;
      if (chunk.length < 1_000) continue;
      await file.write(`${chunk.join('\n')}\n`);
      chunk = [];
    }
    if (chunk.length > 0) await file.write(`${chunk.join('\n')}\n`);
  } finally {
    await file.close();
  }
  return n;
}
