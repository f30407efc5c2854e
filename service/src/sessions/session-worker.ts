// Sessions run as pg-boss jobs, so any service process sharing the store can run them and a session whose
// process died is picked up again: at start, sessions still marked running with a stale heartbeat are
// re-queued, and resume from their checkpoints.
import type PgBoss from 'pg-boss';
import type { Store } from '../store/store.js';
import type { SyncSession } from './session-rows.js';
import type { SyncDeps } from './sync-deps.js';

export const sessionQueue = 'sync-session';

export interface SessionJob {
  readonly sessionId: string;
}

/** Runs one session to its end, whatever its kind (the composition root passes the engines' dispatcher). */
export type SessionRunner = (deps: SyncDeps, sessionId: string) => Promise<SyncSession>;

export async function startSessionWorker(
  boss: PgBoss,
  deps: SyncDeps,
  runSession: SessionRunner,
  onFinished?: (session: SyncSession) => void,
): Promise<void> {
  await boss.createQueue(sessionQueue);
  await boss.work<SessionJob>(sessionQueue, { pollingIntervalSeconds: 1, batchSize: 1 }, async ([job]) => {
    if (job === undefined) return;
    const heartbeat = setInterval(() => {
      void deps.store
        .query('UPDATE sync_sessions SET heartbeat_at = now() WHERE id = $1', [job.data.sessionId])
        .catch(() => undefined);
    }, 15_000);
    try {
      const session = await runSession(deps, job.data.sessionId);
      onFinished?.(session);
    } finally {
      clearInterval(heartbeat);
    }
  });
}

/**
 * Queues a session's job. pg-boss answers null, silently, when the queue does not exist, so it is created
 * first (idempotent); after that a null only means this session's job is queued already (singletonKey).
 */
export async function enqueueSession(boss: PgBoss, sessionId: string): Promise<void> {
  await boss.createQueue(sessionQueue);
  await boss.send(sessionQueue, { sessionId } satisfies SessionJob, { singletonKey: sessionId });
}

/** Sessions left running by a process that died (no heartbeat for `staleSeconds`), queued again. */
export async function requeueOrphanedSessions(
  boss: PgBoss,
  store: Store,
  staleSeconds: number,
): Promise<string[]> {
  const rows = await store.query<{ id: string }>(
    `SELECT id FROM sync_sessions WHERE state = 'running'
        AND coalesce(heartbeat_at, started_at, requested_at) < now() - make_interval(secs => $1)
      UNION ALL SELECT id FROM sync_sessions WHERE state = 'queued'`,
    [staleSeconds],
  );
  for (const r of rows) await enqueueSession(boss, r.id);
  return rows.map((r) => r.id);
}
