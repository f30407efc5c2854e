// Spool parts carry billing PII (names, addresses, payment details), so they live only while a resume may
// need them: a queued, running (interrupted) or failed session resumes from its checkpoints and re-sends its
// parts; a finished or cancelled one never reads them again. A session's parts go when it ends so; at start
// and every hour after, the parts of every session that ended or no longer exists (a failed session deleted
// by retention) are pruned. Each process prunes its own DATA_DIR.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir } from '../config/private-files.js';
import type { SessionState } from '../sessions/session-states.js';
import type { SyncDeps } from '../sessions/sync-deps.js';

/** States from which a session can still run again (sessions/session-states.ts). */
export const resumableStates: readonly SessionState[] = ['queued', 'running', 'failed'];

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Deletes a session's spool unless it may resume; answers whether it did. */
export function discardSpool(
  deps: Pick<SyncDeps, 'spoolDir'>,
  sessionId: string,
  state: SessionState,
): boolean {
  if (resumableStates.includes(state)) return false;
  rmSync(join(deps.spoolDir, sessionId), { recursive: true, force: true });
  return true;
}

/** Deletes the spool of every session that ended or no longer exists; answers the entries removed. */
export async function pruneSpool(deps: Pick<SyncDeps, 'spoolDir' | 'store' | 'logger'>): Promise<string[]> {
  ensurePrivateDir(deps.spoolDir);
  const names = readdirSync(deps.spoolDir);
  const ids = names.filter((n) => uuid.test(n));
  const kept = new Set(
    ids.length === 0
      ? []
      : (
          await deps.store.query<{ id: string }>(
            'SELECT id::text AS id FROM sync_sessions WHERE id::text = ANY($1::text[]) AND state = ANY($2::text[])',
            [ids, resumableStates],
          )
        ).map((r) => r.id),
  );
  // Anything else in the folder is a leftover: only sessions write here.
  const pruned = names.filter((n) => !kept.has(n));
  for (const name of pruned) rmSync(join(deps.spoolDir, name), { recursive: true, force: true });
  if (pruned.length > 0)
    deps.logger.info({ entries: pruned.length }, 'spool parts of ended sessions removed');
  return pruned;
}

/** Prunes now and then every `everyMs` (errors logged, never thrown); answers the function that stops it. */
export async function startSpoolPruning(
  deps: Pick<SyncDeps, 'spoolDir' | 'store' | 'logger'>,
  everyMs = 3_600_000,
): Promise<() => void> {
  await pruneSpool(deps);
  const timer = setInterval(() => {
    pruneSpool(deps).catch((err: unknown) => deps.logger.warn({ err }, 'spool pruning failed'));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
