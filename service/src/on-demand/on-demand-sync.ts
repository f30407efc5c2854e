// An on-demand sync request from Salesforce, end to end (docs/on-demand-sync-contract.md): refuse at once when
// the API budget is spent; resolve the ids; apply the per-request limit to what they resolved to; per entity,
// run the ids no other on-demand session is syncing in a session of its own (trigger on_demand, which runs in
// parallel with any session, seed 000) and join the sessions in flight for the rest; answer one result per
// requested object. Each session writes its Sync_History__c (and Sync_Record_Error__c) and its billing
// accounts' Last_Sync_* fields before answering: the service is their one writer (on-demand-status.ts).
// A dry run (`dryRun`) runs in a session of its own and writes none of it (on-demand-dry-run.ts).
import type { ApiSyncDeps } from '../api-sync/api-sync-types.js';
import { historyIdOf, type SessionScope, type SyncSession } from '../sessions/session-rows.js';
import { claimOnDemand } from './on-demand-claim.js';
import { resultFor, type OnDemandResult } from './on-demand-results.js';
import { runOwnSession, waitForSession, type OnDemandOptions } from './on-demand-session.js';
import {
  dryRunAnswer,
  runOwnDryRun,
  type OnDemandDryRunAnswer,
  type OnDemandDryRunRun,
} from './on-demand-dry-run.js';
import { countedObjects, resolveOnDemandIds, type OnDemandIds } from './on-demand-resolve.js';

export type { OnDemandResult } from './on-demand-results.js';
export type { OnDemandOptions } from './on-demand-session.js';

export type OnDemandSource = 'UI' | 'APEX' | 'FLOW';

export interface OnDemandRequest extends OnDemandIds {
  readonly source: OnDemandSource;
  readonly emailNotification: boolean;
  readonly requestedBy: { readonly userId: string; readonly orgId: string };
  /** Compare with Salesforce and answer what would change; nothing is written (on-demand-dry-run.ts). */
  readonly dryRun?: boolean;
}

export interface OnDemandAnswer {
  readonly sessionId: string;
  readonly historyId: string | null;
  readonly results: readonly OnDemandResult[];
  /** A dry run's answer: per object the counts and the changes. */
  readonly dryRun?: OnDemandDryRunAnswer;
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

function assertWithinLimit(request: OnDemandRequest, count: number): void {
  const limit = onDemandLimits[request.source];
  if (count > limit) throw new TooManyObjectsError(count, limit, request.source, request.objectType);
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
    ...(request.dryRun === true ? { dryRun: true } : {}),
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
  const dryRuns: OnDemandDryRunRun[] = [];
  const runs = own.map(async (o) => {
    if (request.dryRun !== true)
      return finished.set(o.session.id, await runOwnSession(deps, o.session, o.zuoraIds));
    const dry = await runOwnDryRun(deps, o.session, o.zuoraIds);
    dryRuns.push(dry);
    return finished.set(o.session.id, dry.session);
  });
  const waits = [...joined].map(async (id) => finished.set(id, await waitForSession(deps, id, options)));
  await Promise.all([...runs, ...waits]);

  const primary = own[0]?.session.id ?? [...joined][0] ?? '';
  const results = resolved.map((r): OnDemandResult => resultFor(r, sessionOf, finished, primary));
  const historyId = await historyIdOf(deps.store, primary);
  if (request.dryRun === true)
    return { sessionId: primary, historyId, results, dryRun: dryRunAnswer(dryRuns) };
  return { sessionId: primary, historyId, results };
}
