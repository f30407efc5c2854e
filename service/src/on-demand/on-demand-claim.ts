// One on-demand sync per record at a time, across every process sharing the store: under an advisory lock,
// ids already in a live on-demand session (same scope and entity, heartbeat fresh) join that session, the
// rest start a new session, which is inserted already running and claimed by this process. A live session
// whose process died (sessions/session-owner.ts, the orphan rule) is failed here, so it is never joined.
import type { Queryable, Store } from '../store/store.js';
import {
  activeSessions,
  insertSession,
  transitionSession,
  type SessionScope,
  type SyncSession,
} from '../sessions/session-rows.js';
import type { SessionParams } from '../sessions/session-json.js';
import { claimSession, orphanedSessions } from '../sessions/session-owner.js';

const ON_DEMAND_LOCK_KEY = 7_311_402_017;
/** A running on-demand session heartbeats every 10 s; silent for this long means its process is gone. */
export const staleAfterSeconds = 60;

export interface OnDemandClaim {
  /** The session this request runs, with the ids it syncs; undefined when every id joined another. */
  readonly own: { readonly session: SyncSession; readonly zuoraIds: readonly string[] } | undefined;
  /** Sessions in flight this request joins, with the ids each covers. */
  readonly joined: ReadonlyMap<string, readonly string[]>;
}

/** Live on-demand sessions whose process is gone are failed here (the orphan rule), so they neither block nor are joined. */
async function failOrphans(db: Queryable, scope: SessionScope, entityId: string): Promise<void> {
  const orphans = await orphanedSessions(db, { triggers: ['on_demand'], scope, entityId }, staleAfterSeconds);
  for (const s of orphans) {
    if (s.state === 'queued') await transitionSession(db, s.id, 'running');
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
    readonly params: SessionParams;
  },
): Promise<OnDemandClaim> {
  return store.withAdvisoryLock(ON_DEMAND_LOCK_KEY, async (db) => {
    await failOrphans(db, request.scope, request.entityId);
    const live = (await activeSessions(db)).filter(
      (s) =>
        s.trigger === 'on_demand' &&
        s.scope === request.scope &&
        s.entityId === request.entityId &&
        s.params.dryRun !== true,
    );
    // A dry run neither joins a real sync nor is joined by one: each answers what it did itself.
    const dryRun = request.params.dryRun === true;
    const joined = new Map<string, string[]>();
    const rest: string[] = [];
    for (const id of new Set(request.zuoraIds)) {
      const owner = dryRun ? undefined : live.find((s) => s.params.zuoraIds?.includes(id) === true);
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
