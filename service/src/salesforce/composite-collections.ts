// API-based writes: sObject Collections upserts (up to 200 records, one object type each) packed 5 to a
// Composite request (composite-request.ts), in the order given (parents first), with in-run retries of
// transient record errors.
// https://developer.salesforce.com/docs/platform/api-rest/guide/resources-composite-sobjects-collections-upsert.html
import { setTimeout as sleep } from 'node:timers/promises';
import {
  maxCollectionRecords,
  maxCollectionsPerComposite,
  resultsOf,
  sendComposite,
  dataPath,
  type CallCounter,
  type CompositeWriter,
  type RecordWriteResult,
  type SubRequest,
} from './composite-request.js';

export {
  CallCounter,
  maxCollectionRecords,
  maxCollectionsPerComposite,
  type CompositeWriter,
  type RecordWriteResult,
} from './composite-request.js';
export { deleteByExternalIds, type CollectionDelete, type DeleteResult } from './composite-deletes.js';

export interface CollectionUpsert {
  readonly object: string;
  readonly externalIdField: string;
  /** JSON records (field -> value; references nested as `{ Rel__r: { Key__c: value } }`). */
  readonly records: readonly Record<string, unknown>[];
}

/**
 * Upserts `writes` in the given order (parents first), at most 200 records per collection and 5 collections
 * per Composite call. Answers one result list per write, in record order.
 */
export async function upsertCollections(
  writer: CompositeWriter,
  writes: readonly CollectionUpsert[],
  counter: CallCounter,
): Promise<RecordWriteResult[][]> {
  const chunks: { write: number; offset: number; records: readonly Record<string, unknown>[] }[] = [];
  writes.forEach((w, index) => {
    for (let i = 0; i < w.records.length; i += maxCollectionRecords)
      chunks.push({ write: index, offset: i, records: w.records.slice(i, i + maxCollectionRecords) });
  });
  const results: RecordWriteResult[][] = writes.map((w) => new Array<RecordWriteResult>(w.records.length));
  for (let c = 0; c < chunks.length; c += maxCollectionsPerComposite) {
    const batch = chunks.slice(c, c + maxCollectionsPerComposite);
    const subrequests = batch.map((chunk, i): SubRequest => {
      const w = writes[chunk.write] as CollectionUpsert;
      return {
        method: 'PATCH',
        url: dataPath(
          writer.conn,
          `/composite/sobjects/${encodeURIComponent(w.object)}/${encodeURIComponent(w.externalIdField)}`,
        ),
        referenceId: `c${String(i)}`,
        body: {
          allOrNone: false,
          records: chunk.records.map((r) => ({ attributes: { type: w.object }, ...r })),
        },
      };
    });
    const { responses, at } = await sendComposite(writer, counter, subrequests);
    batch.forEach((chunk, i) => {
      const byRef = responses.find((r) => r.referenceId === `c${String(i)}`);
      const list = results[chunk.write] as RecordWriteResult[];
      resultsOf(byRef, chunk.records.length, at).forEach((r, k) => (list[chunk.offset + k] = r));
    });
  }
  return results;
}

/**
 * `upsertCollections`, then the records whose error code is `retryable` (row locks, a busy server) sent again,
 * up to `rounds` times with a short pause; each record's last result stands.
 */
export async function upsertCollectionsWithRetries(
  writer: CompositeWriter,
  writes: readonly CollectionUpsert[],
  counter: CallCounter,
  retryable: ReadonlySet<string>,
  rounds = 2,
): Promise<RecordWriteResult[][]> {
  const results = await upsertCollections(writer, writes, counter);
  for (let round = 0; round < rounds; round += 1) {
    const again = writes.map((w, i) =>
      w.records.map((_, k) => k).filter((k) => retryable.has(results[i]?.[k]?.errorCode ?? '')),
    );
    if (again.every((list) => list.length === 0)) break;
    await sleep(200 * (round + 1));
    const retried = await upsertCollections(
      writer,
      writes.map((w, i) => ({ ...w, records: (again[i] ?? []).map((k) => w.records[k] ?? {}) })),
      counter,
    );
    again.forEach((list, i) =>
      list.forEach((k, n) => {
        const r = retried[i]?.[n];
        if (r !== undefined) (results[i] as RecordWriteResult[])[k] = r;
      }),
    );
  }
  return results;
}
