// Retrying failures from the console (any mode, not only real-time as in Zuora's dashboard): the selected
// failed records are read again from Zuora and written through the API-based engine, one session per entity
// and scope. The session is an on-demand one (an admin asked for these records now; on-demand sessions run
// beside any other, seed 000). Records that now sync resolve their failures; the others are filed again with
// their new error. A record stored without its Zuora id cannot be read again by id: it is reported, not sent.
import type { ApiSyncDeps } from '../api-sync/api-sync-types.js';
import { runApiSync } from '../api-sync/api-sync.js';
import { planStreams } from '../mapping/stream-plan.js';
import { requestSession } from '../sessions/request-session.js';
import { beginSession, failSession } from '../sessions/session-lifecycle.js';
import { transitionSession, type SessionScope } from '../sessions/session-rows.js';
import { writeSyncHistory } from '../sessions/sync-history.js';
import type { FailureRow } from '../store/failure-queries.js';

export interface RetryPlan {
  readonly sessions: {
    readonly id: string;
    readonly entityId: string;
    readonly scope: SessionScope;
    readonly records: number;
  }[];
  readonly skipped: { readonly id: number; readonly reason: string }[];
}

const catalogStreams = new Set(planStreams('catalog').map((s) => s.zuoraObject));

/** Starts the retry sessions and answers at once; `track` receives each session's run (to await at close). */
export async function startRetry(
  deps: ApiSyncDeps,
  failures: readonly FailureRow[],
  track: (run: Promise<unknown>) => void,
): Promise<RetryPlan> {
  const plan: RetryPlan = { sessions: [], skipped: [] };
  const groups = new Map<
    string,
    { entityId: string; scope: SessionScope; refs: Map<string, { zuoraObject: string; zuoraId: string }> }
  >();
  for (const f of failures) {
    if (f.resolvedAt !== null) {
      plan.skipped.push({ id: f.id, reason: 'resolved already' });
      continue;
    }
    if (f.zuoraId === null) {
      plan.skipped.push({
        id: f.id,
        reason: `stored without a Zuora id (key ${f.externalId}): run a backfill of ${f.stream} to retry it`,
      });
      continue;
    }
    const scope: SessionScope = catalogStreams.has(f.stream) ? 'catalog' : 'accounts';
    const key = `${f.entityId}\u0000${scope}`;
    const group = groups.get(key) ?? { entityId: f.entityId, scope, refs: new Map() };
    group.refs.set(`${f.stream}\u0000${f.zuoraId}`, { zuoraObject: f.stream, zuoraId: f.zuoraId });
    groups.set(key, group);
  }
  for (const g of groups.values()) {
    const refs = [...g.refs.values()];
    const requested = await requestSession(deps.store, {
      scope: g.scope,
      trigger: 'on_demand',
      mode: 'incremental',
      entityId: g.entityId,
      params: { retry: { records: refs.length } },
    });
    if (!requested.ok) throw new Error(requested.message);
    const id = requested.session.id;
    plan.sessions.push({ id, entityId: g.entityId, scope: g.scope, records: refs.length });
    track(runRetry(deps, id, g.entityId, refs));
  }
  return plan;
}

async function runRetry(
  deps: ApiSyncDeps,
  sessionId: string,
  entityId: string,
  refs: readonly { zuoraObject: string; zuoraId: string }[],
): Promise<void> {
  const started = Date.now();
  const running = await beginSession(deps.store, sessionId);
  try {
    const result = await runApiSync(deps, {
      sessionId,
      entityId,
      target: { kind: 'records', refs },
      caller: 'console retry',
    });
    const counts = result.counts;
    const failed = result.outcomes.some((o) => !o.success);
    const session = await deps.store.transaction((tx) =>
      transitionSession(tx, sessionId, failed ? 'finished_with_errors' : 'finished', {
        counts: {
          objects: { ...counts },
          durationMs: Date.now() - started,
          salesforceCalls: result.salesforceCalls,
          zuoraCalls: result.zuoraCalls,
        },
      }),
    );
    await writeSyncHistory(deps, session, counts).catch((err: unknown) =>
      deps.logger.warn({ err, sessionId }, 'console retry: Sync_History__c not written'),
    );
  } catch (error) {
    await failSession(deps, sessionId, error, {}).catch(() => undefined);
  } finally {
    running.stop();
  }
}
