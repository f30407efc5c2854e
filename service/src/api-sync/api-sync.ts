// The API-based sync engine (on-demand and near-real-time): read a target's records from Zuora by id
// (stateless AQuA, read-zuora.ts), take them through the record rules and maps every engine uses
// (prepare-writes.ts), and run the load plan with the Composite writer (composite-writer.ts): upserts parents
// first, deferred references, deletions children first, each object's failures stored as it ends (so the
// next Turbo session retries them) and its records' earlier failures resolved.
// Throws only ApiBudgetExhaustedError (the caller waits or answers 429) and transport failures.
import { assertSyncedOrg } from '../sessions/org-guard.js';
import { deferredObjects, loadOrder } from '../mapping/load-order.js';
import type { MappingContext } from '../mapping/record-mapper.js';
import { CountsBook } from '../sessions/session-counts.js';
import { LoadPlan } from '../sessions/load-plan.js';
import type { FailedRecordInput } from '../store/failed-record-rows.js';
import type { ApiSyncDeps, ApiSyncRequest, ApiSyncResult, RecordOutcome } from './api-sync-types.js';
import { CompareLoadWriter } from './compare-writer.js';
import { CompositeLoadWriter } from './composite-writer.js';
import { prepareWrites } from './prepare-writes.js';
import { readTarget } from './read-target.js';
import { addVanished } from './vanished-records.js';

export type {
  ApiSyncDeps,
  ApiSyncRequest,
  ApiSyncResult,
  ApiSyncTarget,
  RecordOutcome,
} from './api-sync-types.js';
export { ApiBudgetExhaustedError } from '../salesforce/api-budget.js';

export async function runApiSync(deps: ApiSyncDeps, request: ApiSyncRequest): Promise<ApiSyncResult> {
  const zuoraBefore = deps.zuora.calls;
  const caller = request.caller ?? 'on-demand';
  // Refuse before reading anything when the budget is already spent, or Salesforce is another org.
  await deps.governor.available(caller);
  await assertSyncedOrg(deps);

  const { reads, outcomes: readOutcomes, missing } = await readTarget(deps, request);
  const readAt = new Date().toISOString();
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

  const counts = new CountsBook();
  counts.addRead(prepared.read);
  const plan = new LoadPlan(
    {
      store: deps.store,
      sessionId: request.sessionId,
      entityId: request.entityId,
      counts,
      dryRun: request.dryRun === true,
    },
    loadOrder(deps.maps === undefined ? {} : { maps: deps.maps }),
    deferredObjects(deps.maps === undefined ? {} : { maps: deps.maps }),
  );
  const early = [...readOutcomes, ...prepared.outcomes];
  // Unknown ids and objects no map reads are answered and counted, not stored: there is nothing to retry.
  const answeredOnly = (o: RecordOutcome) => o.errorCode === 'NOT_FOUND' || o.salesforceObject === '';
  for (const o of readOutcomes) counts.of(objectOf(o)).read += 1;
  for (const o of early.filter(answeredOnly)) counts.of(objectOf(o)).failed += 1;
  await plan.settleRead(early.filter((o) => !answeredOnly(o)).map((o) => failureOf(o, request.entityId)));

  if (request.dryRun === true) {
    const compare = new CompareLoadWriter(
      { conn: deps.salesforce, schema: deps.schema, store: deps.store, entityId: request.entityId },
      prepared.objects,
    );
    await plan.run(compare);
    return {
      outcomes: [...early, ...compare.outcomes],
      counts: counts.objects,
      salesforceCalls: compare.calls,
      zuoraCalls: deps.zuora.calls - zuoraBefore,
      readAt,
      diffs: compare.diffs(plan.unstored),
    };
  }
  const writer = new CompositeLoadWriter(
    {
      writer: {
        conn: deps.salesforce,
        governor: deps.governor,
        caller,
        ...(deps.now === undefined ? {} : { now: deps.now }),
      },
      store: deps.store,
      entityId: request.entityId,
      inlineDeferred: true,
    },
    prepared.objects,
  );
  await plan.run(writer);
  return {
    outcomes: [...early, ...writer.outcomes],
    counts: counts.objects,
    salesforceCalls: writer.counter.calls,
    zuoraCalls: deps.zuora.calls - zuoraBefore,
    readAt,
  };
}

/** Outcomes of Zuora objects no map reads are counted under the Zuora object. */
function objectOf(o: RecordOutcome): string {
  return o.salesforceObject === '' ? o.zuoraObject : o.salesforceObject;
}

function failureOf(o: RecordOutcome, entityId: string): FailedRecordInput {
  return {
    stream: o.zuoraObject,
    salesforceObject: objectOf(o),
    entityId,
    externalId: o.externalId === '' ? (o.zuoraId ?? '') : o.externalId,
    zuoraId: o.zuoraId,
    code: o.errorCode ?? 'UNKNOWN_ERROR',
    message: o.errorMessage ?? '',
  };
}
