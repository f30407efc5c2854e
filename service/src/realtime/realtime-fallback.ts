// Automatic fallback from real-time to Turbo Sync, and back. Zuora's connector uses Turbo when real-time
// latency passes 15 minutes, and Turbo is the faster of the two from about 10,000 events a minute; it returns
// to real-time once latency recovers and the last session synced fewer than 10,000 records
// (product-behaviours §1.5; https://knowledgecenter.zuora.com/CPQ/E_Zuora_360/S_Synchronize_Data_from_Z-Billing/R_Real-Time_Sync).
// The fallback is an incremental accounts Turbo session requested like any other (parallel rules apply);
// events that changed before it started are covered by it and marked processed when it ends.
import type PgBoss from 'pg-boss';
import { findSession, type SyncSession } from '../sessions/session-rows.js';
import { requestSession } from '../sessions/request-session.js';
import { enqueueSession } from '../sessions/session-worker.js';
import type { SyncDeps } from '../sessions/sync-deps.js';
import { markCoveredByTurbo, type PendingSummary } from './change-event-rows.js';
import { recordModeSwitch } from './mode-switch-history.js';
import { setMode, setTurboSession, type RealtimeState } from './realtime-state-rows.js';
import type { RealtimeSettings } from '../config/realtime-settings.js';

export interface FallbackDeps {
  readonly sync: SyncDeps;
  readonly boss: PgBoss;
  readonly settings: Pick<RealtimeSettings, 'fallbackLatencyMs' | 'burstThreshold' | 'recoverBelowRecords'>;
  readonly now: () => Date;
}

/** Why real-time should hand over to Turbo now, or undefined. */
export function fallbackReason(
  settings: FallbackDeps['settings'],
  pending: PendingSummary | undefined,
  now: Date,
): string | undefined {
  if (pending === undefined || pending.pending === 0) return undefined;
  const latency =
    pending.oldestOccurredAt === undefined ? 0 : now.getTime() - pending.oldestOccurredAt.getTime();
  if (latency > settings.fallbackLatencyMs)
    return `latency ${(latency / 60_000).toFixed(1)} min passed ${(settings.fallbackLatencyMs / 60_000).toFixed(1)} min`;
  if (pending.waiting > settings.burstThreshold)
    return `backlog of ${String(pending.waiting)} events passed the burst threshold of ${String(settings.burstThreshold)}`;
  return undefined;
}

async function requestTurbo(deps: FallbackDeps, entityId: string): Promise<string | undefined> {
  const requested = await requestSession(deps.sync.store, {
    scope: 'accounts',
    trigger: 'scheduled',
    entityId,
    params: { realtimeFallback: true },
  });
  if (!requested.ok) {
    deps.sync.logger.info({ entityId }, `real-time fallback waits: ${requested.message}`);
    return undefined;
  }
  await enqueueSession(deps.boss, requested.session.id);
  return requested.session.id;
}

/** In real-time mode: switches to Turbo when latency or backlog say so. Answers whether it switched. */
export async function considerFallback(
  deps: FallbackDeps,
  entityId: string,
  pending: PendingSummary | undefined,
): Promise<boolean> {
  const reason = fallbackReason(deps.settings, pending, deps.now());
  if (reason === undefined) return false;
  const sessionId = await requestTurbo(deps, entityId);
  if (sessionId === undefined) return false;
  await setMode(deps.sync.store, entityId, 'turbo', reason, sessionId);
  await recordModeSwitch(deps.sync, entityId, 'turbo', reason, sessionId);
  return true;
}

function recordsSynced(counts: SyncSession['counts']): number {
  return Object.values(counts.objects ?? {}).reduce((n, c) => n + c.written + c.deleted, 0);
}

/**
 * In Turbo mode: once the Turbo session ends, its events are marked processed, and sync returns to real-time
 * if latency is fine and the session synced fewer records than the recovery mark; otherwise another Turbo
 * session runs. A failed Turbo session hands back to real-time (which falls back again if it must).
 */
export async function followTurbo(
  deps: FallbackDeps,
  state: RealtimeState,
  pending: PendingSummary | undefined,
): Promise<void> {
  const { store } = deps.sync;
  const session =
    state.turboSessionId === undefined ? undefined : await findSession(store, state.turboSessionId);
  if (session !== undefined && (session.state === 'queued' || session.state === 'running')) return;
  if (session === undefined || session.state === 'failed' || session.state === 'cancelled') {
    const reason = `the Turbo session ${state.turboSessionId ?? '(none)'} ${session?.state ?? 'is missing'}; real-time resumes`;
    await setMode(store, state.entityId, 'realtime', reason, null);
    await recordModeSwitch(deps.sync, state.entityId, 'realtime', reason, state.turboSessionId ?? null);
    return;
  }
  const coveredTo = session.startedAt ?? session.requestedAt;
  const covered = await markCoveredByTurbo(store, state.entityId, coveredTo, session.id);
  const synced = recordsSynced(session.counts);
  const left: PendingSummary | undefined =
    pending === undefined
      ? undefined
      : {
          ...pending,
          pending: Math.max(0, pending.pending - covered),
          waiting: Math.max(0, pending.waiting - covered),
        };
  const still = fallbackReason(deps.settings, left, deps.now());
  if (still === undefined && synced < deps.settings.recoverBelowRecords) {
    const reason = `the Turbo session ${session.id} synced ${String(synced)} records (under ${String(deps.settings.recoverBelowRecords)}) and covered ${String(covered)} events; latency is back under ${(deps.settings.fallbackLatencyMs / 60_000).toFixed(1)} min`;
    await setMode(store, state.entityId, 'realtime', reason, null);
    await recordModeSwitch(deps.sync, state.entityId, 'realtime', reason, session.id);
    return;
  }
  const next = await requestTurbo(deps, state.entityId);
  if (next !== undefined) await setTurboSession(store, state.entityId, next);
}
