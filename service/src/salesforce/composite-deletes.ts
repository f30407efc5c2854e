// Deletes by external id through Composite calls: the Ids are read with SOQL query subrequests (5 per
// Composite call), then deleted with collection deletes (200 Ids each, 5 per call). Deletions run in the
// order given (children first); a key no record has is nothing to delete (a success).
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_delete.htm
import {
  dataPath,
  failureOf,
  maxCollectionRecords,
  maxCollectionsPerComposite,
  resultsOf,
  sendComposite,
  type CallCounter,
  type CompositeWriter,
  type RecordWriteResult,
} from './composite-request.js';
import { soqlList } from './soql.js';

export interface CollectionDelete {
  readonly object: string;
  readonly externalIdField: string;
  readonly keys: readonly string[];
}

export interface DeleteResult {
  readonly key: string;
  /** The Salesforce Id deleted, or null when no record had this key (nothing to delete: a success). */
  readonly id: string | null;
  readonly success: boolean;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly committedAt: string;
}

interface FoundIds {
  /** Per delete: Salesforce Id by key. */
  readonly ids: Map<string, string>[];
  /** Per delete: the query failure of a key. */
  readonly errors: Map<string, { code: string; message: string }>[];
}

/** The Salesforce Ids of the keys. 100 keys a query keeps the URL well under the 16,384-character limit. */
async function findIds(
  writer: CompositeWriter,
  deletes: readonly CollectionDelete[],
  counter: CallCounter,
): Promise<FoundIds> {
  const queries: { del: number; keys: readonly string[] }[] = [];
  deletes.forEach((d, index) => {
    for (let i = 0; i < d.keys.length; i += 100) queries.push({ del: index, keys: d.keys.slice(i, i + 100) });
  });
  const found: FoundIds = {
    ids: deletes.map(() => new Map<string, string>()),
    errors: deletes.map(() => new Map<string, { code: string; message: string }>()),
  };
  for (let q = 0; q < queries.length; q += maxCollectionsPerComposite) {
    const batch = queries.slice(q, q + maxCollectionsPerComposite);
    const { responses } = await sendComposite(
      writer,
      counter,
      batch.map((query, i) => {
        const d = deletes[query.del] as CollectionDelete;
        const soql = `SELECT Id, ${d.externalIdField} FROM ${d.object} WHERE ${d.externalIdField} IN (${soqlList(query.keys)})`;
        return {
          method: 'GET',
          url: dataPath(writer.conn, `/query?q=${encodeURIComponent(soql)}`),
          referenceId: `q${String(i)}`,
        };
      }),
    );
    batch.forEach((query, i) => {
      const d = deletes[query.del] as CollectionDelete;
      const r = responses.find((x) => x.referenceId === `q${String(i)}`);
      if (r === undefined || r.httpStatusCode >= 300) {
        const f = failureOf(r?.body, r?.httpStatusCode ?? 0);
        for (const k of query.keys) found.errors[query.del]?.set(k, f);
        return;
      }
      for (const rec of (r.body as { records?: Record<string, unknown>[] }).records ?? []) {
        const key = rec[d.externalIdField];
        if (typeof key === 'string' && typeof rec.Id === 'string') found.ids[query.del]?.set(key, rec.Id);
      }
    });
  }
  return found;
}

/** Collection deletes of the Ids found; each Id's result. */
async function deleteIds(
  writer: CompositeWriter,
  found: FoundIds,
  counter: CallCounter,
): Promise<Map<string, RecordWriteResult>> {
  const chunks: string[][] = [];
  for (const ids of found.ids) {
    const list = [...ids.values()];
    for (let i = 0; i < list.length; i += maxCollectionRecords)
      chunks.push(list.slice(i, i + maxCollectionRecords));
  }
  const byId = new Map<string, RecordWriteResult>();
  for (let c = 0; c < chunks.length; c += maxCollectionsPerComposite) {
    const batch = chunks.slice(c, c + maxCollectionsPerComposite);
    const { responses, at } = await sendComposite(
      writer,
      counter,
      batch.map((ids, i) => ({
        method: 'DELETE',
        url: dataPath(writer.conn, `/composite/sobjects?ids=${ids.join(',')}&allOrNone=false`),
        referenceId: `d${String(i)}`,
      })),
    );
    batch.forEach((ids, i) => {
      const r = responses.find((x) => x.referenceId === `d${String(i)}`);
      resultsOf(r, ids.length, at).forEach((res, k) => byId.set(ids[k] as string, res));
    });
  }
  return byId;
}

export async function deleteByExternalIds(
  writer: CompositeWriter,
  deletes: readonly CollectionDelete[],
  counter: CallCounter,
): Promise<DeleteResult[][]> {
  const found = await findIds(writer, deletes, counter);
  const byId = await deleteIds(writer, found, counter);
  const at = (writer.now?.() ?? new Date()).toISOString();
  return deletes.map((d, index) =>
    d.keys.map((key): DeleteResult => {
      const failedQuery = found.errors[index]?.get(key);
      if (failedQuery !== undefined)
        return {
          key,
          id: null,
          success: false,
          errorCode: failedQuery.code,
          errorMessage: failedQuery.message,
          committedAt: at,
        };
      const id = found.ids[index]?.get(key);
      if (id === undefined)
        return { key, id: null, success: true, errorCode: null, errorMessage: null, committedAt: at };
      const res = byId.get(id);
      // ENTITY_IS_DELETED: already gone, which is what was asked.
      const ok = res?.success === true || res?.errorCode === 'ENTITY_IS_DELETED';
      return {
        key,
        id,
        success: ok,
        errorCode: ok ? null : (res?.errorCode ?? 'NO_RESPONSE'),
        errorMessage: ok ? null : (res?.errorMessage ?? 'Salesforce answered no result for this record'),
        committedAt: res?.committedAt ?? at,
      };
    }),
  );
}
