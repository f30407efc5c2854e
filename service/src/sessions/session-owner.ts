// Who runs a session: `host:pid`, with a heartbeat while it runs. A session whose owner process is gone
// (same host, pid not alive) or whose heartbeat is stale is orphaned, and may be resumed by anyone.
import { hostname } from 'node:os';
import type { Queryable } from '../store/store.js';
import type { SessionScope } from './session-rows.js';

export const thisOwner = `${hostname()}:${String(process.pid)}`;

export function ownerIsGone(owner: string | null): boolean {
  if (owner === null) return true;
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

/** Bulk sessions of a scope left running or queued by a process that is gone (or silent for `staleSeconds`). */
export async function orphanedSessions(
  db: Queryable,
  scope: SessionScope,
  entityId: string,
  staleSeconds = 120,
): Promise<string[]> {
  const rows = await db.query<{ id: string; owner: string | null; stale: boolean }>(
    `SELECT id, owner, coalesce(heartbeat_at, requested_at) < now() - make_interval(secs => $3) AS stale
       FROM sync_sessions
      WHERE scope = $1 AND entity_id = $2 AND state IN ('running', 'queued')
        AND trigger IN ('manual', 'scheduled', 'backfill', 'cleanup')
      ORDER BY requested_at`,
    [scope, entityId, staleSeconds],
  );
  return rows.filter((r) => r.stale || ownerIsGone(r.owner)).map((r) => r.id);
}
