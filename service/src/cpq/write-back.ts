// The write-back of docs/cpq-order-sync-contract.md, for many orders in as few calls as possible: one
// Composite call carries an sObject Collections update of the Account, Order, OrderItem and
// SBQQ__Subscription__c fields (200 records a collection, mixed types) and an upsert of the orders'
// CPQ_Order_Sync__c records on Order_Key__c; up to five collections a call.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_update.htm
import {
  dataPath,
  resultsOf,
  sendComposite,
  type CallCounter,
  type CompositeWriter,
  type SubRequest,
} from '../salesforce/composite-request.js';
import type { CpqRecordUpdate } from './order-outcome.js';

const perCollection = 200;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += perCollection) out.push(items.slice(i, i + perCollection));
  return out;
}

export interface WriteBackFailure {
  readonly id: string;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
}

/** Writes `updates` (field updates by Id) and `syncRecords` (upserts on Order_Key__c); answers the failures. */
export async function writeBack(
  writer: CompositeWriter,
  counter: CallCounter,
  updates: readonly CpqRecordUpdate[],
  syncRecords: readonly Record<string, unknown>[],
): Promise<WriteBackFailure[]> {
  const subs: { request: SubRequest; ids: string[] }[] = [];
  for (const [i, chunk] of chunks(updates).entries())
    subs.push({
      request: {
        method: 'PATCH',
        url: dataPath(writer.conn, '/composite/sobjects'),
        referenceId: `update${String(i)}`,
        body: {
          allOrNone: false,
          records: chunk.map((u) => ({ attributes: { type: u.object }, Id: u.id, ...u.fields })),
        },
      },
      ids: chunk.map((u) => u.id),
    });
  for (const [i, chunk] of chunks(syncRecords).entries())
    subs.push({
      request: {
        method: 'PATCH',
        url: dataPath(writer.conn, '/composite/sobjects/CPQ_Order_Sync__c/Order_Key__c'),
        referenceId: `sync${String(i)}`,
        body: {
          allOrNone: false,
          records: chunk.map((r) => ({ attributes: { type: 'CPQ_Order_Sync__c' }, ...r })),
        },
      },
      ids: chunk.map((r) => String(r.Order_Key__c)),
    });
  const failures: WriteBackFailure[] = [];
  for (let i = 0; i < subs.length; i += 5) {
    const group = subs.slice(i, i + 5);
    const { responses, at } = await sendComposite(
      writer,
      counter,
      group.map((g) => g.request),
    );
    group.forEach((g, n) => {
      const results = resultsOf(responses[n], g.ids.length, at);
      results.forEach((r, k) => {
        if (!r.success)
          failures.push({ id: g.ids[k] ?? '', errorCode: r.errorCode, errorMessage: r.errorMessage });
      });
    });
  }
  return failures;
}
