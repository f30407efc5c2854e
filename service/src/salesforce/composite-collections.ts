// API-based writes: sObject Collections (up to 200 records, one object type each) packed into Composite
// requests. A Composite request counts as one API call and carries up to 25 subrequests, of which at most 5
// may be sObject Collections or query operations; subrequests run in order, so a collection of children
// placed after its parents' collection sees them (references by external id resolve). allOrNone is false
// everywhere: each record succeeds or fails on its own and the per-record SaveResults come back in order.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_composite.htm
// https://developer.salesforce.com/docs/platform/api-rest/guide/resources-composite-sobjects-collections-upsert.html
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_delete.htm
import { setTimeout as sleep } from 'node:timers/promises';
import type jsforce from 'jsforce';
import { ApiBudgetExhaustedError, type ApiBudgetGovernor } from './api-budget.js';
import { soqlList } from './soql.js';

export const maxCollectionRecords = 200;
export const maxCollectionsPerComposite = 5;

export interface CollectionUpsert {
  readonly object: string;
  readonly externalIdField: string;
  /** JSON records (field -> value; references nested as `{ Rel__r: { Key__c: value } }`). */
  readonly records: readonly Record<string, unknown>[];
}

export interface RecordWriteResult {
  readonly success: boolean;
  readonly id: string | null;
  readonly created: boolean;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  /** When Salesforce answered the Composite request that carried the record. */
  readonly committedAt: string;
}

export interface CompositeWriter {
  readonly conn: jsforce.Connection;
  readonly governor: ApiBudgetGovernor;
  /** Who writes (on-demand, real-time): named in the governor's warning. */
  readonly caller: string;
  readonly now?: () => Date;
}

interface SubRequest {
  readonly method: 'PATCH' | 'GET' | 'DELETE';
  readonly url: string;
  readonly referenceId: string;
  readonly body?: unknown;
}

interface SubResponse {
  readonly body: unknown;
  readonly httpStatusCode: number;
  readonly referenceId: string;
}

interface SaveResult {
  id?: string | null;
  success?: boolean;
  created?: boolean;
  errors?: { statusCode?: string; message?: string; fields?: string[] }[];
}

/** The counter of Composite calls one writer made (each is one API call). */
export class CallCounter {
  calls = 0;
}

function dataPath(conn: jsforce.Connection, path: string): string {
  return `/services/data/v${conn.version}${path}`;
}

/** One Composite call with transport retries; REQUEST_LIMIT_EXCEEDED becomes ApiBudgetExhaustedError. */
async function sendComposite(
  writer: CompositeWriter,
  counter: CallCounter,
  subrequests: readonly SubRequest[],
): Promise<{ responses: SubResponse[]; at: string }> {
  for (let attempt = 0; ; attempt += 1) {
    await writer.governor.beforeWrite(writer.caller);
    try {
      counter.calls += 1;
      const answer = await writer.conn.request<{ compositeResponse: SubResponse[] }>({
        method: 'POST',
        url: dataPath(writer.conn, '/composite'),
        body: JSON.stringify({ allOrNone: false, compositeRequest: subrequests }),
        headers: { 'content-type': 'application/json' },
      });
      return { responses: answer.compositeResponse, at: (writer.now?.() ?? new Date()).toISOString() };
    } catch (error) {
      const e = error as { errorCode?: string; name?: string; statusCode?: number };
      const code = e.errorCode ?? e.name ?? '';
      if (code === 'REQUEST_LIMIT_EXCEEDED') {
        const usage = writer.governor.usage() ?? { used: 0, limit: 0 };
        throw new ApiBudgetExhaustedError(usage, writer.governor.stopAtPercent);
      }
      const transient =
        e.statusCode === undefined ||
        e.statusCode >= 500 ||
        code === 'SERVER_UNAVAILABLE' ||
        code === 'ECONNRESET';
      if (!transient || attempt >= 3) throw error;
      await sleep(200 * 2 ** attempt);
    }
  }
}

function failureOf(body: unknown, status: number): { code: string; message: string } {
  const first = Array.isArray(body)
    ? (body[0] as { errorCode?: string; message?: string } | undefined)
    : undefined;
  return {
    code: first?.errorCode ?? `HTTP_${String(status)}`,
    message: first?.message ?? `the subrequest answered HTTP ${String(status)}`,
  };
}

function resultsOf(response: SubResponse | undefined, count: number, at: string): RecordWriteResult[] {
  if (response === undefined) {
    return Array.from({ length: count }, () => ({
      success: false,
      id: null,
      created: false,
      errorCode: 'NO_RESPONSE',
      errorMessage: 'Salesforce answered no result for this subrequest',
      committedAt: at,
    }));
  }
  if (response.httpStatusCode >= 300 || !Array.isArray(response.body)) {
    const f = failureOf(response.body, response.httpStatusCode);
    return Array.from({ length: count }, () => ({
      success: false,
      id: null,
      created: false,
      errorCode: f.code,
      errorMessage: f.message,
      committedAt: at,
    }));
  }
  const saves = response.body as SaveResult[];
  return Array.from({ length: count }, (_, i) => {
    const s = saves[i];
    const error = s?.errors?.[0];
    const ok = s?.success === true;
    return {
      success: ok,
      id: s?.id ?? null,
      created: s?.created === true,
      errorCode: ok ? null : (error?.statusCode ?? 'UNKNOWN_ERROR'),
      errorMessage: ok
        ? null
        : `${error?.message ?? 'no result for this record'}${error?.fields?.length ? ` (fields: ${error.fields.join(', ')})` : ''}`,
      committedAt: at,
    };
  });
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

/**
 * Deletes records by external id: the Ids are read with SOQL query subrequests (5 per Composite call), then
 * deleted with collection deletes (200 Ids each, 5 per call). Deletions run in the order given (children first).
 */
export async function deleteByExternalIds(
  writer: CompositeWriter,
  deletes: readonly CollectionDelete[],
  counter: CallCounter,
): Promise<DeleteResult[][]> {
  // 1. Ids by key. 100 keys a query keeps the URL well under the 16,384-character URI limit.
  const queries: { del: number; keys: readonly string[] }[] = [];
  deletes.forEach((d, index) => {
    for (let i = 0; i < d.keys.length; i += 100) queries.push({ del: index, keys: d.keys.slice(i, i + 100) });
  });
  const idsByKey: Map<string, string>[] = deletes.map(() => new Map<string, string>());
  const queryErrors = deletes.map(() => new Map<string, { code: string; message: string }>());
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
        for (const k of query.keys) queryErrors[query.del]?.set(k, f);
        return;
      }
      const records = (r.body as { records?: Record<string, unknown>[] }).records ?? [];
      for (const rec of records) {
        const key = rec[d.externalIdField];
        if (typeof key === 'string' && typeof rec.Id === 'string') idsByKey[query.del]?.set(key, rec.Id);
      }
    });
  }
  // 2. Collection deletes of the Ids found.
  const chunks: { del: number; ids: string[] }[] = [];
  deletes.forEach((_, index) => {
    const ids = [...(idsByKey[index]?.values() ?? [])];
    for (let i = 0; i < ids.length; i += maxCollectionRecords)
      chunks.push({ del: index, ids: ids.slice(i, i + maxCollectionRecords) });
  });
  const byId = new Map<string, RecordWriteResult>();
  for (let c = 0; c < chunks.length; c += maxCollectionsPerComposite) {
    const batch = chunks.slice(c, c + maxCollectionsPerComposite);
    const { responses, at } = await sendComposite(
      writer,
      counter,
      batch.map((chunk, i) => ({
        method: 'DELETE',
        url: dataPath(writer.conn, `/composite/sobjects?ids=${chunk.ids.join(',')}&allOrNone=false`),
        referenceId: `d${String(i)}`,
      })),
    );
    batch.forEach((chunk, i) => {
      const r = responses.find((x) => x.referenceId === `d${String(i)}`);
      resultsOf(r, chunk.ids.length, at).forEach((res, k) => byId.set(chunk.ids[k] as string, res));
    });
  }
  const at = (writer.now?.() ?? new Date()).toISOString();
  return deletes.map((d, index) =>
    d.keys.map((key): DeleteResult => {
      const failedQuery = queryErrors[index]?.get(key);
      if (failedQuery !== undefined)
        return {
          key,
          id: null,
          success: false,
          errorCode: failedQuery.code,
          errorMessage: failedQuery.message,
          committedAt: at,
        };
      const id = idsByKey[index]?.get(key);
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
