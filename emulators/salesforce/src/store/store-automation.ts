import type { ObjectDef } from '../schema/schema-types.js';
import type { SfError, StoredRecord } from './sf-error.js';

/**
 * What the platform does around a save beyond validation: derived fields, roll-ups and managed
 * package triggers (Salesforce CPQ's). Every write path (REST, collections, Composite, Bulk) goes
 * through the store, so automation runs for any client, as triggers do in an org.
 */
export interface StoreAutomation {
  /**
   * Before the record is stored: may set derived fields on `next` (read-only ones included) or
   * refuse the save with record errors. `current` is null on insert.
   */
  beforeSave(def: ObjectDef, next: StoredRecord, current: StoredRecord | null): SfError[] | null;
  /** After the record is stored, inside the same transaction (writes here roll back with it). */
  afterSave(def: ObjectDef, saved: StoredRecord, previous: StoredRecord | null): void;
  /** After a record was deleted (directly or through a master-detail cascade). */
  afterDelete(def: ObjectDef, removed: StoredRecord): void;
  /** Whether any of the hooks does something for records of `def` (the Bulk column path skips them when not). */
  watches(def: ObjectDef): boolean;
}
