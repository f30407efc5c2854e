// Mapped rows against Salesforce's current values: a row whose key Salesforce does not hold would be created;
// one that differs in a compared column would be updated (the columns old -> new, compare/field-changes.ts);
// otherwise it is unchanged. Deferred references of a record add to its changes; a deletion counts only
// when Salesforce still holds the record.
import type { SalesforceSchema } from '../mapping/salesforce-schema.js';
import type { CurrentRecord } from './current-values.js';
import type { FailedRecord, ObjectDiff, RecordChange } from './diff-types.js';
import { fieldChanges, type DesiredRow } from './field-changes.js';

export type { DesiredRow } from './field-changes.js';

export class DiffBuilder {
  readonly #schema: SalesforceSchema;
  readonly #object: string;
  readonly #keyField: string;
  readonly #created = new Set<string>();
  readonly #updated = new Map<string, RecordChange>();
  readonly #unchanged = new Set<string>();
  readonly #deleted: string[] = [];
  readonly #deletedIds: (string | null)[] = [];
  readonly #failed: FailedRecord[] = [];

  constructor(schema: SalesforceSchema, object: string, keyField: string) {
    this.#schema = schema;
    this.#object = object;
    this.#keyField = keyField;
  }

  /** Answers the keys of the rows that would change Salesforce (created or with changes). */
  add(rows: readonly DesiredRow[], current: ReadonlyMap<string, CurrentRecord>): Set<string> {
    const changing = new Set<string>();
    for (const { key, row } of rows) {
      const now = current.get(key);
      if (now === undefined) {
        if (!this.#updated.has(key) && !this.#unchanged.has(key)) this.#created.add(key);
        changing.add(key);
        continue;
      }
      const changes = fieldChanges(this.#schema, this.#object, row, now, this.#keyField);
      const before = this.#updated.get(key);
      if (changes.length === 0) {
        if (before === undefined) this.#unchanged.add(key);
        continue;
      }
      changing.add(key);
      this.#unchanged.delete(key);
      const id = typeof now.Id === 'string' ? now.Id : null;
      this.#updated.set(key, { key, salesforceId: id, changes: [...(before?.changes ?? []), ...changes] });
    }
    return changing;
  }

  /** Keys a deletion names: answers those Salesforce still holds. */
  delete(keys: readonly string[], current: ReadonlyMap<string, CurrentRecord>): string[] {
    const present = keys.filter((k) => current.has(k));
    for (const k of present) {
      const id = current.get(k)?.Id;
      this.#deleted.push(k);
      this.#deletedIds.push(typeof id === 'string' ? id : null);
    }
    return present;
  }

  fail(record: FailedRecord): void {
    this.#failed.push(record);
  }

  build(): ObjectDiff {
    return {
      object: this.#object,
      keyField: this.#keyField,
      created: [...this.#created],
      updated: [...this.#updated.values()],
      unchanged: [...this.#unchanged],
      deleted: this.#deleted,
      deletedIds: this.#deletedIds,
      failed: this.#failed,
    };
  }
}
