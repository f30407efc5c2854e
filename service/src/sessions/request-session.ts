// Requesting a session: the parallel-session rules are checked and the session inserted under one
// advisory lock, so two processes asking at once cannot both start conflicting sessions.
import type { Store } from '../store/store.js';
import {
  activeSessions,
  insertSession,
  type SessionMode,
  type SessionScope,
  type SessionTrigger,
  type SyncSession,
} from './session-rows.js';
import type { SessionParams } from './session-json.js';
import { readWatermark } from '../store/watermark-rows.js';
import { blockingSession, refusalMessage } from './parallel-rules.js';

const REQUEST_LOCK_KEY = 7_311_402_002;

export interface SessionRequest {
  readonly scope: SessionScope;
  readonly trigger: SessionTrigger;
  /** Omitted: full when there is no watermark yet (first session, or after a clean-up), else incremental. */
  readonly mode?: SessionMode;
  readonly entityId?: string;
  readonly params?: SessionParams;
}

export type SessionRequestResult =
  | { readonly ok: true; readonly session: SyncSession }
  | {
      readonly ok: false;
      readonly code: 'SESSION_CONFLICT';
      readonly message: string;
      readonly blockingSessionId: string;
    };

export async function requestSession(store: Store, request: SessionRequest): Promise<SessionRequestResult> {
  const entityId = request.entityId ?? '';
  return store.withAdvisoryLock(REQUEST_LOCK_KEY, async (db) => {
    const shape = { scope: request.scope, trigger: request.trigger, entityId };
    const blocker = blockingSession(shape, await activeSessions(db));
    if (blocker !== undefined) {
      return {
        ok: false,
        code: 'SESSION_CONFLICT',
        message: refusalMessage(shape, blocker),
        blockingSessionId: blocker.id,
      };
    }
    // The product catalog is a full sync unless asked otherwise (seed 000: all catalog syncs are full).
    const watermark = await readWatermark(db, request.scope, entityId);
    const mode =
      request.mode ?? (request.scope === 'catalog' || watermark === undefined ? 'full' : 'incremental');
    const session = await insertSession(db, {
      scope: request.scope,
      trigger: request.trigger,
      mode,
      entityId,
      params: request.params ?? {},
    });
    return { ok: true, session };
  });
}
