// The load plan's writer of an on-demand dry run: each pass compares what the Composite writer would send
// with Salesforce's current values (compare/, read by external id: one SOQL query per 300 keys of an object)
// instead of writing. Records whose parent has an open failure are held back as the real writer holds them
// (hold-back.ts); nothing is stored, settled or written. Each record gets the outcome the answer is built from.
import { DiffBuilder } from '../compare/compare-rows.js';
import { readCurrentValues } from '../compare/current-values.js';
import type { ObjectDiff } from '../compare/diff-types.js';
import { columnsOf, desiredRowOf } from '../compare/field-changes.js';
import type { SalesforceSchema } from '../mapping/salesforce-schema.js';
import { failureObjectOf, type LoadPass, type LoadWriter } from '../sessions/load-plan.js';
import type { FailedRecordInput } from '../store/failed-record-rows.js';
import type { Queryable } from '../store/store.js';
import type jsforce from 'jsforce';
import type { RecordOutcome } from './api-sync-types.js';
import type { PreparedDelete, PreparedObject } from './composite-writer.js';
import { holdBack, recordsOf } from './hold-back.js';

export interface CompareOptions {
  readonly conn: jsforce.Connection;
  readonly schema: SalesforceSchema;
  readonly store: Queryable;
  readonly entityId: string;
}

export class CompareLoadWriter implements LoadWriter {
  /** What each record's write would do (success: the write is not expected to be refused). */
  readonly outcomes: RecordOutcome[] = [];
  /** SOQL calls the comparison made. */
  calls = 0;
  readonly #options: CompareOptions;
  readonly #objects: ReadonlyMap<string, PreparedObject>;
  readonly #builders = new Map<string, DiffBuilder>();

  constructor(options: CompareOptions, objects: ReadonlyMap<string, PreparedObject>) {
    this.#options = options;
    this.#objects = objects;
  }

  async load(pass: LoadPass, groups: readonly (readonly string[])[]): Promise<void> {
    const ordered = groups
      .flat()
      .map((o) => this.#objects.get(o))
      .filter((p): p is PreparedObject => p !== undefined && recordsOf(p, pass).length > 0);
    if (ordered.length === 0) return;
    if (pass === 'delete') {
      for (const p of ordered) await this.#delete(p);
      return;
    }
    const { store, entityId } = this.#options;
    const { held, kept } = await holdBack(store, entityId, pass, ordered);
    for (const h of held) {
      this.#builder(h.object.object, h.object.keyField).fail({
        key: h.record.key,
        code: h.failure.code,
        message: h.failure.message,
      });
      this.outcomes.push(outcome(h.object, h.record, pass, null, h.failure));
    }
    for (const k of kept) {
      const rows = k.records.map(desiredRowOf);
      const current = await this.#read(
        k.object,
        columnsOf(rows, k.object.keyField),
        rows.map((r) => r.key),
      );
      this.#builder(k.object.object, k.object.keyField).add(rows, current);
      // Deferred references answer their failures only, as the real writer's outcomes do.
      if (pass === 'upsert')
        for (const r of k.records) {
          const id = current.get(r.key)?.Id;
          this.outcomes.push(outcome(k.object, r, pass, typeof id === 'string' ? id : null));
        }
    }
  }

  /** Each object's comparison, the records that failed before any load (read and mapping errors) included. */
  diffs(failures: readonly FailedRecordInput[]): ObjectDiff[] {
    for (const f of failures)
      this.#builder(f.salesforceObject, '').fail({ key: f.externalId, code: f.code, message: f.message });
    return [...this.#builders.values()].map((b) => b.build());
  }

  async #delete(p: PreparedObject): Promise<void> {
    const keys = p.deletes.map((d) => d.key);
    const current = await this.#read(p, [], keys);
    this.#builder(p.object, p.keyField).delete(keys, current);
    for (const d of p.deletes) {
      const id = current.get(d.key)?.Id;
      this.outcomes.push({
        ...outcome(p, d, 'delete', typeof id === 'string' ? id : null),
        operation: 'delete',
      });
    }
  }

  async #read(p: PreparedObject, columns: readonly string[], keys: readonly string[]) {
    const { conn } = this.#options;
    const current = await readCurrentValues(conn, p.object, p.keyField, columns, keys);
    this.calls += current.calls;
    return current.records;
  }

  #builder(object: string, keyField: string): DiffBuilder {
    let builder = this.#builders.get(object);
    if (builder === undefined) {
      builder = new DiffBuilder(this.#options.schema, object, keyField);
      this.#builders.set(object, builder);
    }
    return builder;
  }
}

function outcome(
  p: PreparedObject,
  r: PreparedDelete,
  pass: LoadPass,
  salesforceId: string | null,
  failure?: { readonly code: string; readonly message: string },
): RecordOutcome {
  return {
    zuoraObject: p.zuoraObject,
    salesforceObject: failureObjectOf(p.object, pass),
    zuoraId: r.zuoraId,
    externalId: r.key,
    salesforceId,
    operation: 'upsert',
    success: failure === undefined,
    errorCode: failure?.code ?? null,
    errorMessage: failure?.message ?? null,
    zuoraUpdatedAt: r.zuoraUpdatedAt,
    committedAt: null,
    ownerZuoraId: r.ownerZuoraId,
  };
}
