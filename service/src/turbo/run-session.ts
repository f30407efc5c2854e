// Runs a session of any kind: a clean-up deletes synced data; every other trigger is a Turbo Sync
// (full, incremental or a targeted backfill).
import { findSession, type SyncSession } from '../sessions/session-rows.js';
import { abandonSession } from '../sessions/session-lifecycle.js';
import { runCleanupSession } from './cleanup-session.js';
import type { SyncDeps } from '../sessions/sync-deps.js';
import { runTurboSession } from './turbo-session.js';

export async function runSession(deps: SyncDeps, sessionId: string): Promise<SyncSession> {
  const session = await findSession(deps.store, sessionId);
  if (session?.trigger === 'cleanup') return runCleanupSession(deps, sessionId);
  // On-demand sessions run inside their HTTP request; one left behind by a stopped process ends failed.
  if (session?.trigger === 'on_demand')
    return abandonSession(
      deps,
      session,
      'the process running this on-demand sync stopped before it finished; request it again',
    );
  return runTurboSession(deps, sessionId);
}
