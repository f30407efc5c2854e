// An on-demand sync request from Salesforce, end to end (docs/on-demand-sync-contract.md): refuse at once when
// the API budget is spent; resolve the ids; apply the per-request limit to what they resolved to; per entity,
// run the ids no other on-demand session is syncing in a session of its own (trigger on_demand, which runs in
// parallel with any session, seed 000) and join the sessions in flight for the rest; answer one result per
// requested object. Each session writes its Sync_History__c (and Sync_Record_Error__c) and its billing
// accounts' Last_Sync_* fields before answering: the service is their one writer (on-demand-status.ts).
import {
  findSession,
  transitionSession,
  type SessionScope,
  type SyncSession,
} from '../sessions/session-rows.js';
import { heartbeat } from '../sessions/session-owner.js';
import { failSession } from '../sessions/session-lifecycle.js';
import { writeSyncHistory, type ObjectCounts } from '../sessions/sync-history.js';
import { runApiSync } from '../api-sync/api-sync.js';
import type { ApiSyncDeps, RecordOutcome } from '../api-sync/api-sync-types.js';
import { claimOnDemand } from './on-demand-claim.js';
import { writeBillingAccountStatus } from './on-demand-status.js';
import {
  countedObjects,
  resolveOnDemandIds,
  type OnDemandIds,
  type ResolvedObject,
} from './on-demand-resolve.js';

export type OnDemandSource = 'UI' | 'APEX' | 'FLOW';

export interface OnDemandRequest extends OnDemandIds {
  readonly source: OnDemandSource;
  readonly emailNotification: boolean;
  readonly requestedBy: { readonly userId: string; readonly orgId: string };
}

export interface OnDemandResult {
  readonly objectId: string;
  readonly salesforceId: string | null;
  readonly zuoraId: string | null;
  readonly success: boolean;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
  readonly sessionId: string;
}

export interface OnDemandAnswer {
  readonly sessionId: string;
  readonly historyId: string | null;
  readonly results: readonly OnDemandResult[];
}

/** Objects a request may carry: Sync_Setting__mdt.Apex_Account_Limit__c / UI_Account_Limit__c. */
export const onDemandLimits: Readonly<Record<OnDemandSource, number>> = { APEX: 10, FLOW: 10, UI: 8 };

export class TooManyObjectsError extends Error {
  constructor(
    count: number,
    limit: number,
    source: OnDemandSource,
    objectType: OnDemandRequest['objectType'],
  ) {
    const what = objectType === 'BILLING_ACCOUNT' ? 'billing accounts' : 'products';
    super(`${String(count)} ${what} requested from ${source}; at most ${String(limit)} per request.`);
    this.name = 'TooManyObjectsError';
  }
}

/** What a session keeps per synced Zuora id, for its own answer and for requests that joined it. */
interface StoredResult {
  readonly salesforceId: string | null;
  readonly success: boolean;
  readonly errorCode: string | null;
  readonly errorMessage: string | null;
}

export interface OnDemandOptions {
  /** How long a request waits for a session it joined (the Apex callout gives up after 120 s). */
  readonly joinTimeoutMs?: number;
  readonly pollMs?: number;
}

function assertWithinLimit(request: OnDemandRequest, count: number): void {
  const limit = onDemandLimits[request.source];
  if (count > limit) throw new TooManyObjectsError(count, limit, request.source, request.objectType);
}

/** One result per synced id: its own record decides, and any failed record it owns makes it fail. */
export function resultsByZuoraId(
  outcomes: readonly RecordOutcome[],
  zuoraIds: readonly string[],
  scope: SessionScope,
): Record<string, StoredResult> {
  const keyObject = scope === 'accounts' ? 'CustomerAccount__c' : 'Product2';
  const out: Record<string, StoredResult> = {};
  for (const id of zuoraIds) {
    const own = outcomes.find((o) => o.salesforceObject === keyObject && o.zuoraId === id);
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

function countsOf(outcomes: readonly RecordOutcome[]): Record<string, ObjectCounts> {
  const counts: Record<string, ObjectCounts> = {};
  for (const o of outcomes) {
    if (o.salesforceObject === '') continue;
    const c = (counts[o.salesforceObject] ??= { read: 0, written: 0, created: 0, failed: 0, deleted: 0 });
    c.read += 1;
    if (!o.success) c.failed += 1;
    else if (o.operation === 'delete') c.deleted += 1;
    else c.written += 1;
  }
  return counts;
}

async function runOwnSession(
  deps: ApiSyncDeps,
  session: SyncSession,
  zuoraIds: readonly string[],
): Promise<SyncSession> {
  const started = Date.now();
  const beat = setInterval(() => void heartbeat(deps.store, session.id).catch(() => undefined), 10_000);
  try {
    const result = await runApiSync(deps, {
      sessionId: session.id,
      entityId: session.entityId,
      target:
        session.scope === 'accounts'
          ? { kind: 'accounts', zuoraAccountIds: zuoraIds }
          : { kind: 'products', zuoraProductIds: zuoraIds },
      caller: 'on-demand',
    });
    const results = resultsByZuoraId(result.outcomes, zuoraIds, session.scope);
    const counts = countsOf(result.outcomes);
    const ok = Object.values(results).every((r) => r.success) && result.outcomes.every((o) => o.success);
    const state = ok ? 'finished' : 'finished_with_errors';
    const summary = {
      objects: counts,
      results,
      durationMs: Date.now() - started,
      salesforceCalls: result.salesforceCalls,
      zuoraCalls: result.zuoraCalls,
    };
    // The history record first, then the state: a request that joined this session and sees it end finds
    // the history id already stored (Apex upserts its own history on the same Session_Id__c).
    const ending: SyncSession = { ...session, state, counts: summary, finishedAt: new Date() };
    const historyId = await writeSyncHistory(deps, ending, counts).catch((error: unknown) => {
      deps.logger.warn(
        { err: error, sessionId: session.id },
        'could not write Sync_History__c for an on-demand sync',
      );
      return undefined;
    });
    if (historyId !== undefined)
      await deps.store.query('UPDATE sync_sessions SET salesforce_history_id = $2 WHERE id = $1', [
        session.id,
        historyId,
      ]);
    if (session.scope === 'accounts')
      await writeBillingAccountStatus(
        deps.salesforce,
        deps.logger,
        results,
        historyId,
        ending.finishedAt ?? new Date(),
      );
    const finished = await deps.store.transaction((tx) =>
      transitionSession(tx, session.id, state, { counts: summary }),
    );
    return finished;
  } catch (error) {
    await failSession(deps, session.id, error, {}).catch(() => undefined);
    if (session.scope === 'accounts') {
      const failure = { success: false, errorCode: 'SYNC_FAILED', errorMessage: (error as Error).message };
      const failed = Object.fromEntries(zuoraIds.map((id) => [id, failure]));
      await writeBillingAccountStatus(deps.salesforce, deps.logger, failed, undefined, new Date());
    }
    throw error;
  } finally {
    clearInterval(beat);
  }
}

async function waitForSession(
  deps: ApiSyncDeps,
  id: string,
  options: OnDemandOptions,
): Promise<SyncSession | undefined> {
  const deadline = Date.now() + (options.joinTimeoutMs ?? 110_000);
  for (;;) {
    const s = await findSession(deps.store, id);
    if (s === undefined || !['queued', 'running'].includes(s.state) || Date.now() > deadline) return s;
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  }
}

async function historyIdOf(deps: ApiSyncDeps, id: string): Promise<string | null> {
  const rows = await deps.store.query<{ salesforce_history_id: string | null }>(
    'SELECT salesforce_history_id FROM sync_sessions WHERE id = $1',
    [id],
  );
  return rows[0]?.salesforce_history_id ?? null;
}

function storedResults(session: SyncSession | undefined): Record<string, StoredResult> {
  const results = session?.counts.results;
  return results !== null && typeof results === 'object' ? (results as Record<string, StoredResult>) : {};
}

export async function runOnDemandSync(
  deps: ApiSyncDeps,
  request: OnDemandRequest,
  options: OnDemandOptions = {},
): Promise<OnDemandAnswer> {
  assertWithinLimit(
    request,
    new Set([...request.accountIds, ...request.salesforceIds, ...request.zuoraIds]).size,
  );
  await deps.governor.available('on-demand');
  const resolved = await resolveOnDemandIds(deps, request);
  assertWithinLimit(request, countedObjects(resolved));

  const scope: SessionScope = request.objectType === 'BILLING_ACCOUNT' ? 'accounts' : 'catalog';
  const params = {
    objectType: request.objectType,
    source: request.source,
    emailNotification: request.emailNotification,
    requestedBy: request.requestedBy,
    objectIds: [...new Set(resolved.map((r) => r.objectId))],
  };
  const byEntity = new Map<string, string[]>();
  for (const r of resolved) {
    if (r.zuoraId === null) continue;
    byEntity.set(r.entityId, [...(byEntity.get(r.entityId) ?? []), r.zuoraId]);
  }
  // Requests that resolved to nothing still get a session (and a history record) of their own.
  if (byEntity.size === 0) byEntity.set('', []);

  const sessionOf = new Map<string, string>(); // `${entity}:${zuoraId}` -> session id
  const own: { session: SyncSession; zuoraIds: readonly string[] }[] = [];
  const joined = new Set<string>();
  for (const [entityId, zuoraIds] of byEntity) {
    const claim = await claimOnDemand(deps.store, { scope, entityId, zuoraIds, params });
    if (claim.own !== undefined || zuoraIds.length === 0) {
      if (claim.own !== undefined) {
        own.push(claim.own);
        for (const id of claim.own.zuoraIds) sessionOf.set(`${entityId}:${id}`, claim.own.session.id);
      }
    }
    for (const [sessionId, ids] of claim.joined) {
      joined.add(sessionId);
      for (const id of ids) sessionOf.set(`${entityId}:${id}`, sessionId);
    }
  }

  const finished = new Map<string, SyncSession | undefined>();
  const runs = own.map(async (o) =>
    finished.set(o.session.id, await runOwnSession(deps, o.session, o.zuoraIds)),
  );
  const waits = [...joined].map(async (id) => finished.set(id, await waitForSession(deps, id, options)));
  await Promise.all([...runs, ...waits]);

  const primary = own[0]?.session.id ?? [...joined][0] ?? '';
  const results = resolved.map((r): OnDemandResult => resultFor(r, sessionOf, finished, primary));
  return { sessionId: primary, historyId: await historyIdOf(deps, primary), results };
}

function resultFor(
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
  const stored = storedResults(session)[r.zuoraId];
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
