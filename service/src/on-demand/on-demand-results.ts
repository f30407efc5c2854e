// One answer per requested object: each synced Zuora id is decided by its own record (the billing account or
// product), and fails when any record it owns failed; ids that resolved to nothing, and sessions joined that
// ended without a result, answer why.
import { isBillingAccountObject } from '../mapping/account-reference.js';
import type { ApiSyncTarget, RecordOutcome } from '../api-sync/api-sync-types.js';
import type { StoredResult } from '../sessions/session-json.js';
import type { SessionScope, SyncSession } from '../sessions/session-rows.js';
import type { ResolvedObject } from './on-demand-resolve.js';

export interface OnDemandResult {
  readonly objectId: string;
  readonly salesforceId: string | null;
  readonly zuoraId: string | null;
  readonly success: boolean;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly sessionId: string;
}

/** One result per synced id: its own record decides, and any failed record it owns makes it fail. */
export function resultsByZuoraId(
  outcomes: readonly RecordOutcome[],
  zuoraIds: readonly string[],
  scope: SessionScope,
): Record<string, StoredResult> {
  const isKeyObject = (object: string) =>
    scope === 'accounts' ? isBillingAccountObject(object) : object === 'Product2';
  const out: Record<string, StoredResult> = {};
  for (const id of zuoraIds) {
    const own = outcomes.find((o) => isKeyObject(o.salesforceObject) && o.zuoraId === id);
    const related = outcomes.filter((o) => !o.success && o.ownerZuoraId === id && o !== own);
    if (own === undefined) {
      out[id] = {
        salesforceId: null,
        success: false,
        errorCode: 'NOT_SYNCED',
        errorMessage: `Zuora ${id} was not read from Zuora.`,
      };
      continue;
    }
    const first = related[0];
    out[id] = {
      salesforceId: own.operation === 'upsert' ? own.salesforceId : null,
      success: own.success && first === undefined,
      errorCode: !own.success ? own.errorCode : (first?.errorCode ?? null),
      errorMessage: !own.success
        ? own.errorMessage
        : first === undefined
          ? null
          : `${String(related.length)} related record(s) failed to sync; first: ${first.salesforceObject} ${first.externalId}: ${first.errorMessage ?? ''}`,
    };
  }
  return out;
}

/** The answer for one requested object, from the session that synced (or joined) its Zuora record. */
export function resultFor(
  r: ResolvedObject,
  sessionOf: ReadonlyMap<string, string>,
  finished: ReadonlyMap<string, SyncSession | undefined>,
  primary: string,
): OnDemandResult {
  const base = { objectId: r.objectId, zuoraId: r.zuoraId };
  if (r.error !== null || r.zuoraId === null) {
    return {
      ...base,
      salesforceId: r.salesforceId,
      success: false,
      errorCode: r.error?.code ?? 'NOT_FOUND',
      errorMessage: r.error?.message ?? 'nothing to sync',
      sessionId: primary,
    };
  }
  const sessionId = sessionOf.get(`${r.entityId}:${r.zuoraId}`) ?? primary;
  const session = finished.get(sessionId);
  const stored = session?.counts.results?.[r.zuoraId];
  if (stored !== undefined)
    return { ...base, ...stored, salesforceId: stored.salesforceId ?? r.salesforceId, sessionId };
  const running = session !== undefined && ['queued', 'running'].includes(session.state);
  return {
    ...base,
    salesforceId: r.salesforceId,
    success: false,
    errorCode: running ? 'SYNC_IN_PROGRESS' : 'SYNC_FAILED',
    errorMessage: running
      ? `the on-demand sync ${sessionId} this request joined is still running; see its Sync_History__c`
      : `the on-demand sync ${sessionId} failed: ${session?.error ?? 'unknown error'}`,
    sessionId,
  };
}

/** What an on-demand session syncs: the Zuora billing accounts or products it was asked for. */
export function onDemandTarget(session: SyncSession, zuoraIds: readonly string[]): ApiSyncTarget {
  return session.scope === 'accounts'
    ? { kind: 'accounts', zuoraAccountIds: zuoraIds }
    : { kind: 'products', zuoraProductIds: zuoraIds };
}
