// One on-demand session run by the request that claimed it: the API-sync engine over its Zuora ids, the
// Sync_History__c record, then the end state with one stored result per id (requests that joined the session
// answer from them); and the wait of a request that joined a session another process runs.
import { OrgChangedError } from '../sessions/org-guard.js';
import { keyObjects } from '../mapping/key-objects.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { runApiSync } from '../api-sync/api-sync.js';
import type { ApiSyncDeps } from '../api-sync/api-sync-types.js';
import { failSession } from '../sessions/session-lifecycle.js';
import { startHeartbeat } from '../sessions/session-owner.js';
import { findSession, setHistoryId, transitionSession, type SyncSession } from '../sessions/session-rows.js';
import { writeSyncHistory } from '../sessions/sync-history.js';
import { onDemandTarget, resultsByZuoraId } from './on-demand-results.js';
import { writeBillingAccountStatus } from './on-demand-status.js';

export interface OnDemandOptions {
  /** How long a request waits for a session it joined (the Apex callout gives up after 120 s). */
  readonly joinTimeoutMs?: number;
  readonly pollMs?: number;
}

/**
 * The Last_Sync_* status fields are this package's, on CustomerAccount__c: Zuora 360's billing account
 * (MAPPING_PROFILE=ZUORA360_COMPAT) has none, and the session's status is in Sync_History__c there.
 */
function hasStatusFields(deps: ApiSyncDeps): boolean {
  return keyObjects(deps.maps).account.object === 'CustomerAccount__c';
}

export async function runOwnSession(
  deps: ApiSyncDeps,
  session: SyncSession,
  zuoraIds: readonly string[],
): Promise<SyncSession> {
  const started = Date.now();
  const stop = startHeartbeat(deps.store, session.id);
  try {
    const result = await runApiSync(deps, {
      sessionId: session.id,
      entityId: session.entityId,
      target: onDemandTarget(session, zuoraIds),
      caller: 'on-demand',
    });
    const results = resultsByZuoraId(result.outcomes, zuoraIds, session.scope);
    const ok = Object.values(results).every((r) => r.success) && result.outcomes.every((o) => o.success);
    const state = ok ? 'finished' : 'finished_with_errors';
    const summary = {
      objects: { ...result.counts },
      results,
      durationMs: Date.now() - started,
      salesforceCalls: result.salesforceCalls,
      zuoraCalls: result.zuoraCalls,
    };
    // The history record first, then the state: a request that joined this session and sees it end finds
    // the history id already stored (Apex upserts its own history on the same Session_Id__c).
    const ending: SyncSession = { ...session, state, counts: summary, finishedAt: new Date() };
    const historyId = await writeSyncHistory(deps, ending, result.counts).catch((error: unknown) => {
      deps.logger.warn(
        { err: error, sessionId: session.id },
        'could not write Sync_History__c for an on-demand sync',
      );
      return undefined;
    });
    if (historyId !== undefined) await setHistoryId(deps.store, session.id, historyId);
    if (session.scope === 'accounts' && hasStatusFields(deps))
      await writeBillingAccountStatus(
        deps.salesforce,
        deps.logger,
        results,
        historyId,
        ending.finishedAt ?? new Date(),
      );
    return await deps.store.transaction((tx) =>
      transitionSession(tx, session.id, state, { counts: summary }),
    );
  } catch (error) {
    await failSession(deps, session.id, error, {}).catch(() => undefined);
    if (session.scope === 'accounts' && hasStatusFields(deps) && !(error instanceof OrgChangedError)) {
      const failure = { success: false, errorCode: 'SYNC_FAILED', errorMessage: (error as Error).message };
      const failed = Object.fromEntries(zuoraIds.map((id) => [id, failure]));
      await writeBillingAccountStatus(deps.salesforce, deps.logger, failed, undefined, new Date());
    }
    throw error;
  } finally {
    stop();
  }
}

/** Polls a session another request runs until it ends (or the wait times out). */
export async function waitForSession(
  deps: ApiSyncDeps,
  id: string,
  options: OnDemandOptions,
): Promise<SyncSession | undefined> {
  const deadline = Date.now() + (options.joinTimeoutMs ?? 110_000);
  for (;;) {
    const s = await findSession(deps.store, id);
    if (s === undefined || !['queued', 'running'].includes(s.state) || Date.now() > deadline) return s;
    await sleep(options.pollMs ?? 100);
  }
}
