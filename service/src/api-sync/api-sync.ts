// The API-based sync engine (on-demand and near-real-time): read a target's records from Zuora by id
// (stateless AQuA, read-zuora.ts), map them with Turbo Sync's maps and rules (prepare-writes.ts), write them
// with sObject Collections upserts packed 5 to a Composite call, parents before children (load-order.ts),
// then the deferred references, then deletions children first. Failed records go to failed_records, so the
// next Turbo session retries them; records that now sync clear their earlier failures.
// Throws only ApiBudgetExhaustedError (the caller waits or answers 429) and transport failures.
import { deferredObjects, loadOrder } from '../mapping/load-order.js';
import { recordMapperFor } from '../mapping/map-record.js';
import type { MappingContext } from '../mapping/record-mapper.js';
import {
  CallCounter,
  deleteByExternalIds,
  upsertCollectionsWithRetries,
  type CompositeWriter,
  type RecordWriteResult,
} from '../salesforce/composite-collections.js';
import { recordFailures, resolveFailures, type FailedRecordInput } from '../store/failed-record-rows.js';
import { retryableCodes } from '../salesforce/retryable-codes.js';
import type {
  ApiSyncDeps,
  ApiSyncRequest,
  ApiSyncResult,
  ApiSyncTarget,
  RecordOutcome,
} from './api-sync-types.js';
import { prepareWrites, type PreparedObject, type PreparedRecord } from './prepare-writes.js';
import {
  accountQueries,
  featureQueries,
  productQueries,
  recordQueries,
  streamFor,
  type PlannedQuery,
} from './read-plan.js';
import { readPlanned, type ReadRows } from './read-zuora.js';
import { attributeParentFailures, holdBackChildren, type ParentOf } from './parent-failures.js';

export type {
  ApiSyncDeps,
  ApiSyncRequest,
  ApiSyncResult,
  ApiSyncTarget,
  RecordOutcome,
} from './api-sync-types.js';
export { ApiBudgetExhaustedError } from '../salesforce/api-budget.js';

/** Rounds of re-sending records that failed with a transient error (row locks) within the run. */
const retryRounds = 2;

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id) => id !== ''))];
}

function notFound(zuoraObject: string, salesforceObject: string, id: string): RecordOutcome {
  return {
    zuoraObject,
    salesforceObject,
    zuoraId: id,
    externalId: id,
    salesforceId: null,
    operation: 'upsert',
    success: false,
    errorCode: 'NOT_FOUND',
    errorMessage: `Zuora has no ${zuoraObject} with id ${id}`,
    zuoraUpdatedAt: null,
    committedAt: null,
    ownerZuoraId: id,
  };
}

async function readTarget(
  deps: ApiSyncDeps,
  request: ApiSyncRequest,
): Promise<{ reads: ReadRows[]; outcomes: RecordOutcome[]; missing: PlannedQuery[] }> {
  const entityId = request.entityId === '' ? undefined : request.entityId;
  const read = (queries: PlannedQuery[]) =>
    queries.length === 0
      ? Promise.resolve([])
      : readPlanned(deps.zuora, queries, {
          entityId,
          minPollMs: deps.minPollMs ?? 100,
          label: `zuora-sync api ${request.sessionId}`,
        });
  const target: ApiSyncTarget = request.target;
  const outcomes: RecordOutcome[] = [];
  if (target.kind === 'accounts') {
    const ids = unique(target.zuoraAccountIds);
    const reads = await read(accountQueries(ids));
    const found = new Set(
      reads.filter((r) => r.query.stream.zuoraObject === 'Account').flatMap((r) => r.rows.map((x) => x.Id)),
    );
    for (const id of ids) if (!found.has(id)) outcomes.push(notFound('Account', 'CustomerAccount__c', id));
    return { reads: onlyReferencedTenantRows(reads), outcomes, missing: [] };
  }
  if (target.kind === 'products') {
    const ids = unique(target.zuoraProductIds);
    const reads = await read(productQueries(ids));
    const found = new Set(
      reads.filter((r) => r.query.stream.zuoraObject === 'Product').flatMap((r) => r.rows.map((x) => x.Id)),
    );
    for (const id of ids) if (!found.has(id)) outcomes.push(notFound('Product', 'Product2', id));
    const featureIds = unique(
      reads
        .filter((r) => r.query.stream.zuoraObject === 'ProductFeature')
        .flatMap((r) => r.rows.map((x) => x.FeatureId ?? '')),
    );
    return { reads: [...reads, ...(await read(featureQueries(featureIds)))], outcomes, missing: [] };
  }
  const byObject = new Map<string, string[]>();
  for (const ref of target.refs) {
    const list = byObject.get(ref.zuoraObject) ?? [];
    list.push(ref.zuoraId);
    byObject.set(ref.zuoraObject, list);
  }
  const queries: PlannedQuery[] = [];
  for (const [object, ids] of byObject) {
    const stream = streamFor(object);
    if (stream === undefined) {
      for (const id of unique(ids)) {
        outcomes.push({
          ...notFound(object, '', id),
          errorCode: 'UNSUPPORTED_OBJECT',
          errorMessage: `no field map reads Zuora ${object}; supported objects are those of the Turbo Sync maps`,
          ownerZuoraId: null,
        });
      }
      continue;
    }
    queries.push(...recordQueries(stream, unique(ids)));
  }
  return { reads: await read(queries), outcomes, missing: queries };
}

/** Keeps the rows of tenant-level streams (no owner) that the other rows reference by upsert key. */
function onlyReferencedTenantRows(reads: readonly ReadRows[]): ReadRows[] {
  const tenantStreams = reads.filter((r) => r.query.ownerPath === undefined);
  const wanted = new Map<string, Set<string>>();
  for (const t of tenantStreams) {
    for (const map of t.query.stream.maps) {
      const values = wanted.get(t.query.stream.zuoraObject) ?? new Set<string>();
      wanted.set(t.query.stream.zuoraObject, values);
      for (const r of reads) {
        const crm = r.query.stream.crmIdPath;
        if (r.query.ownerPath === undefined) continue;
        for (const m of r.query.stream.maps) {
          for (const ref of m.references) {
            if (ref.target !== map.salesforceObject) continue;
            for (const row of r.rows) {
              // Rows left out (no CRM Account ID) do not bring their payment term along.
              if (crm !== undefined && (row[crm] ?? '') === '') continue;
              if ((row[ref.zuora] ?? '') !== '') values.add(row[ref.zuora] as string);
            }
          }
        }
      }
    }
  }
  return reads.map((r) => {
    if (r.query.ownerPath !== undefined) return r;
    const values = wanted.get(r.query.stream.zuoraObject) ?? new Set<string>();
    const keyPath = r.query.stream.maps[0]?.externalId.zuora ?? 'Id';
    return { query: r.query, rows: r.rows.filter((row) => values.has(row[keyPath] ?? '')) };
  });
}

/** Records of a `records` target Zuora did not answer: deleted there, so deleted in Salesforce. */
function addVanished(
  planned: readonly PlannedQuery[],
  refs: readonly { zuoraObject: string; zuoraId: string }[],
  seen: ReadonlyMap<string, ReadonlySet<string>>,
  objects: Map<string, PreparedObject>,
  context: MappingContext,
): void {
  for (const q of planned) {
    const name = q.stream.zuoraObject;
    const wanted = unique(
      refs.filter((r) => r.zuoraObject.toLowerCase() === name.toLowerCase()).map((r) => r.zuoraId),
    );
    const gone = wanted.filter((id) => !(seen.get(name)?.has(id) ?? false) && q.query.includes(`'${id}'`));
    if (gone.length === 0) continue;
    for (const map of q.stream.maps) {
      // Only maps keyed on the Zuora Id can be deleted by it (not the record kept per subscription number).
      const keyField = recordMapperFor(map, context).upsertKey;
      if (map.externalId.zuora !== 'Id' || keyField !== map.externalId.salesforce) continue;
      const target: PreparedObject = objects.get(map.salesforceObject) ?? {
        zuoraObject: name,
        object: map.salesforceObject,
        keyField,
        upserts: [],
        deferred: [],
        deletes: [],
      };
      objects.set(map.salesforceObject, target);
      for (const id of gone) {
        if (target.deletes.some((d) => d.key === id)) continue;
        target.deletes.push({ key: id, zuoraId: id, ownerZuoraId: null, zuoraUpdatedAt: null });
      }
    }
  }
}

function outcomeOf(
  p: PreparedObject,
  r: PreparedRecord | Omit<PreparedRecord, 'json'>,
  w: Pick<RecordWriteResult, 'success' | 'errorCode' | 'errorMessage' | 'committedAt'> & {
    id: string | null;
  },
  operation: 'upsert' | 'delete',
  objectLabel = p.object,
): RecordOutcome {
  return {
    zuoraObject: p.zuoraObject,
    salesforceObject: objectLabel,
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

/** Upserts with in-run retries of transient record errors; results in record order per write. */
function upsertWithRetries(
  writer: CompositeWriter,
  counter: CallCounter,
  writes: readonly { object: string; keyField: string; records: readonly PreparedRecord[] }[],
): Promise<RecordWriteResult[][]> {
  return upsertCollectionsWithRetries(
    writer,
    writes.map((w) => ({
      object: w.object,
      externalIdField: w.keyField,
      records: w.records.map((r) => r.json),
    })),
    counter,
    retryableCodes,
    retryRounds,
  );
}

export async function runApiSync(deps: ApiSyncDeps, request: ApiSyncRequest): Promise<ApiSyncResult> {
  const zuoraBefore = deps.zuora.calls;
  const counter = new CallCounter();
  const writer: CompositeWriter = {
    conn: deps.salesforce,
    governor: deps.governor,
    caller: request.caller ?? 'on-demand',
    ...(deps.now === undefined ? {} : { now: deps.now }),
  };
  // Refuse before reading anything when the budget is already spent.
  await deps.governor.available(writer.caller);

  const { reads, outcomes: readOutcomes, missing } = await readTarget(deps, request);
  const context: MappingContext = {
    schema: deps.schema,
    ...(request.entityId === '' ? {} : { entityId: request.entityId }),
    subscriptionIdentity: request.subscriptionIdentity ?? 'number',
  };
  const prepared = prepareWrites(reads, {
    context,
    reportMissingCrmId: request.target.kind === 'records' ? 'all' : 'accounts',
  });
  if (request.target.kind === 'records')
    addVanished(missing, request.target.refs, prepared.seen, prepared.objects, context);
  const outcomes: RecordOutcome[] = [...readOutcomes, ...prepared.outcomes];

  const order = loadOrder().flat();
  const ordered = order
    .map((o) => prepared.objects.get(o))
    .filter((p): p is PreparedObject => p !== undefined);
  // Records whose parent failed are not sent (as Turbo Sync holds them back).
  const parentOf: ParentOf = new WeakMap();
  const screened = await holdBackChildren(deps.store, request.entityId, ordered, outcomes, parentOf);
  outcomes.push(...screened.held);
  const toSend = screened.objects;

  // 1. Upserts, parents first.
  const upserts = toSend.filter((p) => p.upserts.length > 0);
  const upsertResults = await upsertWithRetries(
    writer,
    counter,
    upserts.map((p) => ({ object: p.object, keyField: p.keyField, records: p.upserts })),
  );
  upserts.forEach((p, i) =>
    p.upserts.forEach((r, k) => {
      const w = upsertResults[i]?.[k];
      if (w !== undefined) outcomes.push(outcomeOf(p, r, w, 'upsert'));
    }),
  );

  // 2. Deferred references (self references, account <-> default payment method), once every record exists.
  const deferredSet = new Set(deferredObjects());
  const deferred = toSend.filter((p) => deferredSet.has(p.object) && p.deferred.length > 0);
  const deferredResults = await upsertWithRetries(
    writer,
    counter,
    deferred.map((p) => ({ object: p.object, keyField: p.keyField, records: p.deferred })),
  );
  deferred.forEach((p, i) =>
    p.deferred.forEach((r, k) => {
      const w = deferredResults[i]?.[k];
      if (w !== undefined && !w.success)
        outcomes.push(outcomeOf(p, r, w, 'upsert', `${p.object} (deferred references)`));
    }),
  );

  // 3. Deletions, children first.
  const deletes = [...ordered].reverse().filter((p) => p.deletes.length > 0);
  const deleteResults = await deleteByExternalIds(
    writer,
    deletes.map((p) => ({
      object: p.object,
      externalIdField: p.keyField,
      keys: p.deletes.map((d) => d.key),
    })),
    counter,
  );
  deletes.forEach((p, i) =>
    p.deletes.forEach((r, k) => {
      const w = deleteResults[i]?.[k];
      if (w !== undefined) outcomes.push(outcomeOf(p, r, w, 'delete'));
    }),
  );

  attributeParentFailures(toSend, outcomes, parentOf);
  await recordOutcomes(deps, request, outcomes, parentOf);
  return { outcomes, salesforceCalls: counter.calls, zuoraCalls: deps.zuora.calls - zuoraBefore };
}

/** Failures into failed_records (retried by the next Turbo session); successes resolve earlier failures. */
async function recordOutcomes(
  deps: ApiSyncDeps,
  request: ApiSyncRequest,
  outcomes: readonly RecordOutcome[],
  parentOf: ParentOf,
): Promise<void> {
  const failures: FailedRecordInput[] = outcomes
    .filter((o) => !o.success && o.salesforceObject !== '' && o.errorCode !== 'NOT_FOUND')
    .map((o) => ({
      stream: o.zuoraObject,
      salesforceObject: o.salesforceObject,
      entityId: request.entityId,
      externalId: o.externalId === '' ? (o.zuoraId ?? '') : o.externalId,
      zuoraId: o.zuoraId,
      code: o.errorCode ?? 'UNKNOWN_ERROR',
      message: o.errorMessage ?? '',
      fields: parentOf.has(o) ? [parentOf.get(o) as string] : [],
    }));
  await recordFailures(deps.store, request.sessionId, failures);
  const ok = new Map<string, string[]>();
  for (const o of outcomes) {
    if (!o.success || o.operation !== 'upsert') continue;
    const list = ok.get(o.salesforceObject) ?? [];
    list.push(o.externalId);
    ok.set(o.salesforceObject, list);
  }
  for (const [object, keys] of ok)
    await resolveFailures(deps.store, request.sessionId, object, request.entityId, keys);
}
