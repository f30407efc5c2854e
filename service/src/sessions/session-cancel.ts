// Cancelling a manual session (Zuora's System Health cancels manual jobs): a queued one is cancelled at
// once; a running one is asked to stop, and its engine stops at the next checkpoint (after the Bulk job in
// flight), ending `cancelled`. Its watermark does not move, so the next session reads the same changes again.
import type { Queryable, Store } from '../store/store.js';
import { transitionSession } from './session-rows.js';
import type { SessionTrigger } from './session-rows.js';
import type { SessionState } from './session-states.js';

/** Sessions an admin started (manually or as a backfill) are the ones an admin may cancel. */
export const cancellableTriggers: readonly SessionTrigger[] = ['manual', 'backfill'];

export type CancelResult =
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'requested' }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'refused'; readonly message: string };

export class SessionCancelledError extends Error {
  constructor(sessionId: string) {
    super(`sync session ${sessionId} was cancelled by an admin`);
    this.name = 'SessionCancelledError';
  }
}

export async function requestCancel(store: Store, sessionId: string): Promise<CancelResult> {
  return store.transaction(async (tx) => {
    const rows = await tx.query<{ state: SessionState; trigger: SessionTrigger }>(
      'SELECT state, trigger FROM sync_sessions WHERE id = $1 FOR UPDATE',
      [sessionId],
    );
    const row = rows[0];
    if (row === undefined) return { kind: 'not_found' };
    if (!cancellableTriggers.includes(row.trigger))
      return {
        kind: 'refused',
        message: `only manual and backfill sessions can be cancelled; this one is ${row.trigger}`,
      };
    if (row.state === 'queued') {
      await transitionSession(tx, sessionId, 'cancelled', {
        error: 'cancelled by an admin before it started',
      });
      return { kind: 'cancelled' };
    }
    if (row.state !== 'running') return { kind: 'refused', message: `the session is ${row.state} already` };
    await tx.query(
      'UPDATE sync_sessions SET cancel_requested_at = COALESCE(cancel_requested_at, now()) WHERE id = $1',
      [sessionId],
    );
    return { kind: 'requested' };
  });
}

/** Throws SessionCancelledError when an admin asked the session to stop (engines call it at checkpoints). */
export async function throwIfCancelRequested(db: Queryable, sessionId: string): Promise<void> {
  const rows = await db.query<{ requested: boolean }>(
    'SELECT cancel_requested_at IS NOT NULL AS requested FROM sync_sessions WHERE id = $1',
    [sessionId],
  );
  if (rows[0]?.requested === true) throw new SessionCancelledError(sessionId);
}
