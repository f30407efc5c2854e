// Runs a session of any kind: a clean-up deletes synced data; every other trigger is a Turbo Sync
// (full, incremental or a targeted backfill).
import { abandonOnDemand } from '../apisync/on-demand-claim.js';
import { findSession, type SyncSession } from '../store/session-rows.js';
import { runCleanupSession } from './cleanup-session.js';
import type { SyncDeps } from './sync-deps.js';
import { runTurboSession } from './turbo-session.js';

export async function runSession(deps: SyncDeps, sessionId: string): Promise<SyncSession> {
  const session = await findSession(deps.store, sessionId);
  if (session?.trigger === 'cleanup') return runCleanupSession(deps, sessionId);
  // On-demand sessions run inside their HTTP request; one left behind by a stopped process ends failed.
  if (session?.trigger === 'on_demand') return abandonOnDemand(deps, session);
  return runTurboSession(deps, sessionId);
}
