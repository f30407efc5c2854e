import type { SfError, StoredRecord } from '../store/sf-error.js';
import type { CpqObjects } from './cpq-objects.js';
import type { CpqRuntime } from './cpq-runtime.js';

/** One object's automation: derived fields, validation and trigger side effects. */
export interface AutomationRule {
  object: keyof CpqObjects;
  beforeSave?(rt: CpqRuntime, next: StoredRecord, current: StoredRecord | null): SfError[] | null;
  afterSave?(rt: CpqRuntime, saved: StoredRecord, previous: StoredRecord | null): void;
  afterDelete?(rt: CpqRuntime, removed: StoredRecord): void;
}
