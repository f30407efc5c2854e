// Sessions run as pg-boss jobs, so any service process sharing the store can run them and a session whose
// process died is picked up again: at start, sessions still marked running with a stale heartbeat are
// re-queued, and resume from their checkpoints.
import type PgBoss from 'pg-boss';
import type { Store } from '../store/store.js';
import { activeSessions, type SessionTrigger, type SyncSession } from './session-rows.js';
import { orphanedSessions } from './session-owner.js';
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
    // The session beats itself while it runs (beginSession); the job only carries its id.
    const id = job.data.sessionId;
    const usage = () => deps.salesforce.limitInfo?.apiUsage?.used ?? null;
    // Before this process's first Salesforce response there is no reading: one GET /limits brings it.
    if (usage() === null)
      await deps.salesforce
        .request(`/services/data/v${deps.salesforce.version}/limits`)
        .catch(() => undefined);
    await recordApiUsage(deps.store, id, 'start', usage());
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
    await recordApiUsage(deps.store, id, 'end', usage());
    onFinished?.(session);
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

/** The sessions jobs run: real-time batches run in their engine, which also ends the ones left behind. */
export const workerTriggers: readonly SessionTrigger[] = [
  'manual',
  'scheduled',
  'backfill',
  'cleanup',
  'on_demand',
];

/**
 * At start: sessions the orphan rule finds (their process died) and sessions still queued get their job
 * again; a session resumes from its checkpoints (or, if it cannot resume, ends failed).
 */
export async function requeueOrphanedSessions(
  boss: PgBoss,
  store: Store,
  staleSeconds: number,
): Promise<string[]> {
  const orphans = await orphanedSessions(store, { triggers: workerTriggers }, staleSeconds);
  const queued = (await activeSessions(store)).filter(
    (s) => s.state === 'queued' && workerTriggers.includes(s.trigger),
  );
  const ids = [...new Set([...orphans.map((o) => o.id), ...queued.map((s) => s.id)])];
  for (const id of ids) await enqueueSession(boss, id);
  return ids;
}
