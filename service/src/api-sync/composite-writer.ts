// The load plan's writer over Composite calls: sObject Collections of up to 200 records, 5 to a Composite
// call, every object of a pass in load order (subrequests run in order, so a collection of children placed
// after its parents' sees them). Before a pass, a record whose parent has an open failure and is not sent in
// the same pass is held back; after it, a record refused because its parent failed in the same pass is
// recorded as waiting for that parent. Used by the API-based engine (where deferred references go with the
// upsert when they may, inline-deferred.ts: one Composite call, not two) and by small Turbo Sync sessions.
import type { ObjectMap } from '../mapping/field-map.js';
import { failedParent, parentFailure, waitsFor, type ParentRef } from '../mapping/parent-rules.js';
import { holdBack, recordsOf, type HoldBack } from './hold-back.js';
import { inlinableDeferred, type Inlinable } from './inline-deferred.js';
import type { Row } from '../mapping/record-mapper.js';
import { rowToJson } from '../mapping/row-to-json.js';
import {
  CallCounter,
  deleteByExternalIds,
  upsertCollectionsWithRetries,
  type CompositeWriter,
  type RecordWriteResult,
} from '../salesforce/composite-collections.js';
import { retryableCodes } from '../salesforce/retryable-codes.js';
import { failureObjectOf, type LoadPass, type LoadWriter, type UnitSettler } from '../sessions/load-plan.js';
import type { FailedRecordInput } from '../store/failed-record-rows.js';
import type { Queryable } from '../store/store.js';
import type { RecordOutcome } from './api-sync-types.js';

/** Rounds of re-sending records that failed with a transient error (row locks) within the run. */
const retryRounds = 2;

export interface PreparedDelete {
  readonly key: string;
  readonly zuoraId: string | null;
  readonly ownerZuoraId: string | null;
  readonly zuoraUpdatedAt: string | null;
}

export interface PreparedRecord extends PreparedDelete {
  readonly row: Row;
}

export interface PreparedObject {
  readonly zuoraObject: string;
  readonly map: ObjectMap;
  readonly object: string;
  readonly keyField: string;
  readonly upserts: PreparedRecord[];
  readonly deferred: PreparedRecord[];
  readonly deletes: PreparedDelete[];
}

export interface CompositeLoadOptions {
  readonly writer: CompositeWriter;
  readonly store: Queryable;
  readonly entityId: string;
  readonly inlineDeferred?: boolean; // only where one writer runs every pass (the API sync)
}

interface Written {
  readonly object: PreparedObject;
  readonly record: PreparedDelete;
  readonly created: boolean;
  outcome: RecordOutcome;
  parents: readonly ParentRef[];
  fields: readonly string[];
}

export class CompositeLoadWriter implements LoadWriter {
  /** One outcome per record held, written or deleted (deferred references: failures only). */
  readonly outcomes: RecordOutcome[] = [];
  readonly counter = new CallCounter();
  readonly #options: CompositeLoadOptions;
  readonly #objects: ReadonlyMap<string, PreparedObject>;
  /** Records whose deferred references went with their upsert, which succeeded: no second pass for them. */
  readonly #inlined = new Map<PreparedObject, Map<string, RecordWriteResult>>();

  constructor(options: CompositeLoadOptions, objects: ReadonlyMap<string, PreparedObject>) {
    this.#options = options;
    this.#objects = objects;
  }

  async load(pass: LoadPass, groups: readonly (readonly string[])[], units: UnitSettler): Promise<void> {
    const ordered = groups
      .flat()
      .map((o) => this.#objects.get(o))
      .filter((p): p is PreparedObject => p !== undefined && recordsOf(p, pass).length > 0);
    if (ordered.length === 0) return;
    const written = pass === 'delete' ? await this.#delete(ordered) : await this.#upsert(pass, ordered);
    for (const p of ordered) {
      const mine = written.filter((w) => w.object === p);
      const ok = mine.filter((w) => w.outcome.success);
      await units.settle({
        object: p.object,
        pass,
        written: ok.filter((w) => pass !== 'delete' || w.outcome.salesforceId !== null).length,
        created: mine.filter((w) => w.created).length,
        failures: mine.filter((w) => !w.outcome.success).map((w) => this.#failure(w)),
        resolved: ok.map((w) => w.record.key),
      });
      // Deferred references report their failures only: the record itself was written in the upsert pass.
      this.outcomes.push(
        ...(pass === 'deferred' ? mine.filter((w) => !w.outcome.success) : mine).map((w) => w.outcome),
      );
    }
  }

  async #upsert(pass: 'upsert' | 'deferred', ordered: readonly PreparedObject[]): Promise<Written[]> {
    const { store, entityId } = this.#options;
    const { inlined, pending } = this.#takeInlined(pass, ordered);
    const { held: waiting, kept: keptCopies } = await holdBack(store, entityId, pass, pending);
    const original = new Map(pending.map((p, i) => [p, ordered[i] as PreparedObject]));
    const kept = keptCopies.map((k) => ({ ...k, object: original.get(k.object) as PreparedObject }));
    const held = waiting.map((h): Written => {
      const { code, message, fields } = h.failure;
      const failure = { success: false, id: null, committedAt: null, errorCode: code, errorMessage: message };
      const object = original.get(h.object) as PreparedObject;
      const outcome = outcomeOf(object, h.record, pass, failure, 'upsert');
      return { object, record: h.record, created: false, outcome, parents: h.parents, fields };
    });
    const results = await this.#send(pass, kept);
    const sent: Written[] = kept.flatMap((k, i) =>
      k.records.map((r, n) => {
        const result = results[i]?.[n] ?? missingResult;
        return {
          object: k.object,
          record: r,
          created: result.success && result.created,
          outcome: outcomeOf(k.object, r, pass, result, 'upsert'),
          parents: waitsFor(k.object.map, pass, { column: k.object.keyField, value: r.key }, r.row),
          fields: [],
        };
      }),
    );
    attributeToParents(sent);
    return [...inlined, ...held, ...sent];
  }

  /** Deferred records whose references went with their upsert (written), and the objects with the others. */
  #takeInlined(
    pass: 'upsert' | 'deferred',
    ordered: readonly PreparedObject[],
  ): { inlined: Written[]; pending: PreparedObject[] } {
    if (pass === 'upsert') return { inlined: [], pending: [...ordered] };
    const inlined: Written[] = [];
    const pending = ordered.map((p) => {
      const done = this.#inlined.get(p);
      if (done === undefined) return p;
      for (const r of p.deferred) {
        const result = done.get(r.key);
        if (result === undefined) continue;
        const outcome = outcomeOf(p, r, pass, result, 'upsert');
        inlined.push({ object: p, record: r, created: false, outcome, parents: [], fields: [] });
      }
      return { ...p, deferred: p.deferred.filter((r) => !done.has(r.key)) };
    });
    return { inlined, pending };
  }

  /**
   * Upserts the kept records. In the upsert pass the deferred references that may go with them do; a record
   * refused with them is sent again without (its references then take the deferred pass, as they would have).
   */
  async #send(pass: 'upsert' | 'deferred', kept: HoldBack['kept']): Promise<RecordWriteResult[][]> {
    const { store, entityId, writer, inlineDeferred } = this.#options;
    const inline: Inlinable =
      pass === 'upsert' && inlineDeferred === true
        ? await inlinableDeferred(store, entityId, kept)
        : new Map<PreparedObject, never>();
    const write = (rows: (k: HoldBack['kept'][number]) => Row[]) =>
      upsertCollectionsWithRetries(
        writer,
        kept.map((k) => ({
          object: k.object.object,
          externalIdField: k.object.keyField,
          records: rows(k).map(rowToJson),
        })),
        this.counter,
        retryableCodes,
        retryRounds,
      );
    const results = await write((k) =>
      k.records.map((r) => {
        const deferred = inline.get(k.object)?.get(r.key);
        return deferred === undefined ? r.row : { ...r.row, ...deferred.row };
      }),
    );
    const refused = kept.map((k, i) =>
      k.records.flatMap((r, n) =>
        inline.get(k.object)?.get(r.key)?.refs === true && results[i]?.[n]?.success !== true ? [n] : [],
      ),
    );
    if (refused.some((list) => list.length > 0)) {
      const again = await write((k) => (refused[kept.indexOf(k)] ?? []).map((n) => k.records[n]?.row ?? {}));
      refused.forEach((list, i) =>
        list.forEach((n, j) => ((results[i] as RecordWriteResult[])[n] = again[i]?.[j] ?? missingResult)),
      );
    }
    kept.forEach((k, i) => {
      const done = new Map<string, RecordWriteResult>();
      k.records.forEach((r, n) => {
        const result = results[i]?.[n];
        const inlined = inline.get(k.object)?.has(r.key) === true && !(refused[i] ?? []).includes(n);
        if (inlined && result?.success === true) done.set(r.key, result);
      });
      if (done.size > 0)
        this.#inlined.set(k.object, new Map([...(this.#inlined.get(k.object) ?? []), ...done]));
    });
    return results;
  }

  async #delete(ordered: readonly PreparedObject[]): Promise<Written[]> {
    const results = await deleteByExternalIds(
      this.#options.writer,
      ordered.map((p) => ({
        object: p.object,
        externalIdField: p.keyField,
        keys: p.deletes.map((d) => d.key),
      })),
      this.counter,
    );
    return ordered.flatMap((p, i) =>
      p.deletes.map((d, k) => {
        const result = results[i]?.[k];
        const w = result ?? { ...missingResult, id: null };
        const outcome = outcomeOf(p, d, 'delete', w, 'delete');
        return { object: p, record: d, created: false, outcome, parents: [], fields: [] };
      }),
    );
  }

  #failure(w: Written): FailedRecordInput {
    const o = w.outcome;
    return {
      stream: o.zuoraObject,
      salesforceObject: w.object.object,
      entityId: this.#options.entityId,
      externalId: o.externalId === '' ? (o.zuoraId ?? '') : o.externalId,
      zuoraId: o.zuoraId,
      code: o.errorCode ?? 'UNKNOWN_ERROR',
      message: o.errorMessage ?? '',
      fields: w.fields,
    };
  }
}

const missingResult: RecordWriteResult = {
  success: false,
  id: null,
  created: false,
  errorCode: 'NO_RESPONSE',
  errorMessage: 'Salesforce answered no result for this record',
  committedAt: new Date(0).toISOString(),
};

function outcomeOf(
  p: PreparedObject,
  r: PreparedDelete,
  pass: LoadPass,
  w: {
    success: boolean;
    id: string | null;
    errorCode: string | null;
    errorMessage: string | null;
    committedAt: string | null;
  },
  operation: 'upsert' | 'delete',
): RecordOutcome {
  return {
    zuoraObject: p.zuoraObject,
    salesforceObject: failureObjectOf(p.object, pass),
    zuoraId: r.zuoraId,
    externalId: r.key,
    salesforceId: w.id,
    operation,
    success: w.success,
    errorCode: w.errorCode,
    errorMessage: w.errorMessage,
    zuoraUpdatedAt: r.zuoraUpdatedAt,
    committedAt: w.committedAt,
    ownerZuoraId: r.ownerZuoraId,
  };
}

/** A record refused because a parent failed in the same pass is recorded as waiting for that parent. */
function attributeToParents(sent: Written[]): void {
  const failed = new Map<string, Set<string>>();
  for (const w of sent) {
    if (w.outcome.success) continue;
    failed.set(w.object.object, (failed.get(w.object.object) ?? new Set<string>()).add(w.record.key));
  }
  for (const w of sent) {
    if (w.outcome.success) continue;
    const parent = failedParent(w.parents, (target, key) => failed.get(target)?.has(key) === true);
    if (parent === undefined) continue;
    const failure = parentFailure(
      parent,
      `${w.outcome.errorCode ?? 'error'}: ${w.outcome.errorMessage ?? ''}`,
    );
    w.outcome = { ...w.outcome, errorCode: failure.code, errorMessage: failure.message };
    w.fields = failure.fields;
  }
}
