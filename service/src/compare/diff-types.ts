// What a comparison of mapped records with Salesforce answers, per object: the records that would be created,
// updated (each changing field old -> new), left unchanged, deleted, or that failed (with the reason). The
// dry run reports it, write-only-what-changed sends only the created and updated, the drift report reads it.
import type { ShownValue } from './field-values.js';

export interface FieldChange {
  readonly field: string;
  readonly old: ShownValue;
  readonly new: ShownValue;
}

export interface RecordChange {
  readonly key: string;
  readonly salesforceId: string | null;
  readonly changes: readonly FieldChange[];
}

export interface FailedRecord {
  readonly key: string;
  readonly code: string;
  readonly message: string;
}

export interface ObjectDiff {
  readonly object: string;
  readonly keyField: string;
  readonly created: string[];
  readonly updated: RecordChange[];
  readonly unchanged: string[];
  readonly deleted: string[];
  /** The Salesforce Id of each deleted record, in the order of `deleted`. */
  readonly deletedIds: (string | null)[];
  readonly failed: FailedRecord[];
}

/** Counts per object, the form summaries and the terminal table show. */
export interface DiffCounts {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly deleted: number;
  readonly failed: number;
}

export function countsOf(diff: ObjectDiff): DiffCounts {
  return {
    created: diff.created.length,
    updated: diff.updated.length,
    unchanged: diff.unchanged.length,
    deleted: diff.deleted.length,
    failed: diff.failed.length,
  };
}
