// Who runs a session: `host:pid`, with one heartbeat while it runs. The one orphan rule: a queued or running
// session is orphaned when its heartbeat is older than the caller's staleness bound, or when its owner is a
// process of this host that is no longer alive; anyone may then resume it (or, for sessions that cannot be
// resumed, end it).
import { hostname } from 'node:os';
import type { Queryable } from '../store/store.js';
import type { SessionScope, SessionTrigger } from './session-rows.js';

export const thisOwner = `${hostname()}:${String(process.pid)}`;

/** How often a running session beats; staleness bounds are a few beats long. */
export const heartbeatMs = 10_000;

export function ownerIsGone(owner: string | null): boolean {
  if (owner === null) return false;
  const [host, pid] = owner.split(':');
  if (host !== hostname()) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'EPERM';
  }
}

export async function claimSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query('UPDATE sync_sessions SET owner = $2, heartbeat_at = now() WHERE id = $1', [
    sessionId,
    thisOwner,
  ]);
}

export async function heartbeat(db: Queryable, sessionId: string): Promise<void> {
  await db.query('UPDATE sync_sessions SET heartbeat_at = now() WHERE id = $1 AND owner = $2', [
    sessionId,
    thisOwner,
  ]);
}

/** Beats for a session this process claimed until the returned function is called. */
export function startHeartbeat(db: Queryable, sessionId: string, everyMs = heartbeatMs): () => void {
  const timer = setInterval(() => void heartbeat(db, sessionId).catch(() => undefined), everyMs);
  return () => clearInterval(timer);
}

export interface OrphanFilter {
  readonly triggers: readonly SessionTrigger[];
  readonly scope?: SessionScope;
  readonly entityId?: string;
  /**
   * Count a session no process ever claimed (queued, never begun) as well: the CLI runs sessions itself,
   * with no job worker to hand them to.
   */
  readonly unclaimed?: boolean;
}

export interface OrphanedSession {
  readonly id: string;
  readonly state: 'queued' | 'running';
}

/** Sessions matching `filter` that the orphan rule says no live process runs, oldest first. */
export async function orphanedSessions(
  db: Queryable,
  filter: OrphanFilter,
  staleSeconds: number,
): Promise<OrphanedSession[]> {
  const rows = await db.query<{
    id: string;
    state: 'queued' | 'running';
    owner: string | null;
    stale: boolean;
  }>(
    `SELECT id, state, owner,
            coalesce(heartbeat_at, started_at, requested_at) < now() - make_interval(secs => $4) AS stale
       FROM sync_sessions
      WHERE state IN ('queued', 'running') AND trigger = ANY($1::text[])
        AND ($2::text IS NULL OR scope = $2) AND ($3::text IS NULL OR entity_id = $3)
      ORDER BY requested_at`,
    [[...filter.triggers], filter.scope ?? null, filter.entityId ?? null, staleSeconds],
  );
  return rows
    .filter((r) => r.stale || ownerIsGone(r.owner) || (filter.unclaimed === true && r.owner === null))
    .map((r) => ({ id: r.id, state: r.state }));
}
