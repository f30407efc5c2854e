// The start and failure bookkeeping every kind of session shares: state checks, the claim and heartbeat
// that tell other processes it is alive, and a failure recorded with its history.
import { findSession, transitionSession, type SyncSession } from './session-rows.js';
import type { Store } from '../store/store.js';
import { claimSession, heartbeatMs, startHeartbeat } from './session-owner.js';
import type { SyncDeps } from './sync-deps.js';
import type { ObjectCounts } from './session-counts.js';
import { writeSyncHistory } from './sync-history.js';
import { SessionCancelledError } from './session-cancel.js';
import { OrgChangedError } from './org-guard.js';

export interface RunningSession {
  readonly session: SyncSession;
  /** Stops the heartbeat; call it however the session ends. */
  readonly stop: () => void;
}

/**
 * Moves a queued session to running (a running one is resumed), claims it and starts its heartbeat (every
 * `everyMs`: real-time batches beat faster, as their claims go stale sooner).
 */
export async function beginSession(
  store: Store,
  sessionId: string,
  everyMs = heartbeatMs,
): Promise<RunningSession> {
  const found = await findSession(store, sessionId);
  if (found === undefined) throw new Error(`sync session ${sessionId} does not exist`);
  if (found.state === 'queued') await store.transaction((tx) => transitionSession(tx, sessionId, 'running'));
  else if (found.state !== 'running')
    throw new Error(`sync session ${sessionId} is ${found.state}; it cannot run`);
  await claimSession(store, sessionId);
  return { session: found, stop: startHeartbeat(store, sessionId, everyMs) };
}

/** Marks the session failed (cancelled, for an admin's cancel) with the error's message and records it in
 * Sync_History__c (best effort). */
export async function failSession(
  deps: SyncDeps,
  sessionId: string,
  error: unknown,
  counts: Readonly<Record<string, ObjectCounts>>,
): Promise<SyncSession> {
  const message = (error as Error).message;
  // An admin's cancel ends the session cancelled, not failed (it is not resumed from its checkpoints).
  const cancelled = error instanceof SessionCancelledError;
  if (cancelled) deps.logger.info({ sessionId }, 'sync session cancelled by an admin');
  else deps.logger.error({ err: error, sessionId }, 'sync session failed');
  const failed = await deps.store.transaction((tx) =>
    transitionSession(tx, sessionId, cancelled ? 'cancelled' : 'failed', { error: message }),
  );
  // Refused because Salesforce is another org: nothing is written there, not even the history.
  if (!(error instanceof OrgChangedError))
    await writeSyncHistory(deps, failed, counts).catch(() => undefined);
  return failed;
}

/**
 * Ends a session no process can run any more (an on-demand session is answered by the request that started
 * it; one left queued or running by a stopped process can no longer be answered): it ends failed, with its
 * history, instead of running as another kind of session.
 */
export async function abandonSession(
  deps: SyncDeps,
  session: SyncSession,
  reason: string,
): Promise<SyncSession> {
  if (session.state === 'queued')
    await deps.store.transaction((tx) => transitionSession(tx, session.id, 'running'));
  if (session.state !== 'queued' && session.state !== 'running') return session;
  return failSession(deps, session.id, new Error(reason), {});
}
