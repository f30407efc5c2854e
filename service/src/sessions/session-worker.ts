// Sessions run as pg-boss jobs, so any service process sharing the store can run them and a session whose
// process died is picked up again: at start, sessions still marked running with a stale heartbeat are
// re-queued, and resume from their checkpoints.
import type PgBoss from 'pg-boss';
import type { Store } from '../store/store.js';
import type { SyncSession } from './session-rows.js';
import type { SyncDeps } from './sync-deps.js';
import { signalProgress } from './progress-bus.js';

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
    // A session cancelled (or otherwise ended) while its job waited has nothing left to run.
    const ended = await deps.store.query<{ state: string }>(
      "SELECT state FROM sync_sessions WHERE id = $1 AND state NOT IN ('queued', 'running')",
      [job.data.sessionId],
    );
    if (ended.length > 0) return;
    const heartbeat = setInterval(() => {
      void deps.store
        .query('UPDATE sync_sessions SET heartbeat_at = now() WHERE id = $1', [job.data.sessionId])
        .catch(() => undefined);
    }, 15_000);
    const usage = () => deps.salesforce.limitInfo?.apiUsage?.used ?? null;
    try {
      await recordApiUsage(deps.store, job.data.sessionId, 'start', usage());
      const id = job.data.sessionId;
      const session = await runSession(
        {
          ...deps,
          onProgress: (event) => {
            deps.onProgress?.(event);
            signalProgress(id);
          },
        },
        id,
      );
      await recordApiUsage(deps.store, job.data.sessionId, 'end', usage());
      onFinished?.(session);
    } finally {
      clearInterval(heartbeat);
    }
  });
}

/**
 * The org's daily API usage (Sforce-Limit-Info, as the last response reported it) when a session starts and
 * ends: the console shows the difference as the Salesforce API calls made during the session (org-wide).
 * https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_api_usage.htm
 */
async function recordApiUsage(
  store: Store,
  sessionId: string,
  at: 'start' | 'end',
  used: number | null,
): Promise<void> {
  if (used === null) return;
  const column = at === 'start' ? 'sf_api_used_start' : 'sf_api_used_end';
  await store.query(
    `UPDATE sync_sessions SET ${column} = COALESCE(${at === 'start' ? column : 'NULL'}, $2) WHERE id = $1`,
    [sessionId, used],
  );
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
