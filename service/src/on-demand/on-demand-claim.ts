// One on-demand sync per record at a time, across every process sharing the store: under an advisory lock,
// ids already in a live on-demand session (same scope and entity, heartbeat fresh) join that session, the
// rest start a new session, which is inserted already running and claimed by this process. A live session
// whose heartbeat went stale (its process died) is failed here, so it neither blocks nor is joined.
import type { Queryable, Store } from '../store/store.js';
import {
  insertSession,
  transitionSession,
  type SessionScope,
  type SyncSession,
} from '../sessions/session-rows.js';
import { claimSession } from '../sessions/session-owner.js';

const ON_DEMAND_LOCK_KEY = 7_311_402_017;
/** A running on-demand session heartbeats every 10 s; silent for this long means its process is gone. */
export const staleAfterSeconds = 60;

export interface OnDemandClaim {
  /** The session this request runs, with the ids it syncs; undefined when every id joined another. */
  readonly own: { readonly session: SyncSession; readonly zuoraIds: readonly string[] } | undefined;
  /** Sessions in flight this request joins, with the ids each covers. */
  readonly joined: ReadonlyMap<string, readonly string[]>;
}

async function failStale(db: Queryable, scope: SessionScope, entityId: string): Promise<void> {
  const stale = await db.query<{ id: string }>(
    `SELECT id FROM sync_sessions
      WHERE trigger = 'on_demand' AND scope = $1 AND entity_id = $2 AND state IN ('queued', 'running')
        AND coalesce(heartbeat_at, requested_at) <= now() - make_interval(secs => $3)`,
    [scope, entityId, staleAfterSeconds],
  );
  for (const s of stale) {
    const from = await db.query<{ state: string }>('SELECT state FROM sync_sessions WHERE id = $1', [s.id]);
    if (from[0]?.state === 'queued') await transitionSession(db, s.id, 'running');
    await transitionSession(db, s.id, 'failed', {
      error: 'the process running this on-demand sync stopped before it finished',
    });
  }
}

export async function claimOnDemand(
  store: Store,
  request: {
    readonly scope: SessionScope;
    readonly entityId: string;
    readonly zuoraIds: readonly string[];
    readonly params: Record<string, unknown>;
  },
): Promise<OnDemandClaim> {
  return store.withAdvisoryLock(ON_DEMAND_LOCK_KEY, async (db) => {
    await failStale(db, request.scope, request.entityId);
    const live = await db.query<{ id: string; params: { zuoraIds?: unknown } }>(
      `SELECT id, params FROM sync_sessions
        WHERE trigger = 'on_demand' AND scope = $1 AND entity_id = $2 AND state IN ('queued', 'running')
        ORDER BY requested_at`,
      [request.scope, request.entityId],
    );
    const joined = new Map<string, string[]>();
    const rest: string[] = [];
    for (const id of new Set(request.zuoraIds)) {
      const owner = live.find((s) => Array.isArray(s.params.zuoraIds) && s.params.zuoraIds.includes(id));
      if (owner === undefined) {
        rest.push(id);
        continue;
      }
      joined.set(owner.id, [...(joined.get(owner.id) ?? []), id]);
    }
    // A request whose ids all resolved to nothing still gets a session of its own (its history record).
    if (rest.length === 0 && request.zuoraIds.length > 0) return { own: undefined, joined };
    const inserted = await insertSession(db, {
      scope: request.scope,
      trigger: 'on_demand',
      mode: 'full',
      entityId: request.entityId,
      params: { ...request.params, zuoraIds: rest },
    });
    const session = await transitionSession(db, inserted.id, 'running');
    await claimSession(db, session.id);
    return { own: { session, zuoraIds: rest }, joined };
  });
}
