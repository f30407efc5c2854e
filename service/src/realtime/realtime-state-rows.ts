// Per-entity state of near-real-time sync: the mode (real-time, or fallen back to Turbo Sync with the Turbo
// session in charge) and the reconciliation watermark.
import type { Queryable } from '../store/store.js';

export type RealtimeMode = 'realtime' | 'turbo';

export interface RealtimeState {
  readonly entityId: string;
  readonly mode: RealtimeMode;
  readonly modeReason: string | undefined;
  readonly modeChangedAt: Date | undefined;
  readonly turboSessionId: string | undefined;
  readonly reconciledTo: Date | undefined;
}

interface Row {
  entity_id: string;
  mode: RealtimeMode;
  mode_reason: string | null;
  mode_changed_at: Date | null;
  turbo_session_id: string | null;
  reconciled_to: Date | null;
}

const toState = (r: Row): RealtimeState => ({
  entityId: r.entity_id,
  mode: r.mode,
  modeReason: r.mode_reason ?? undefined,
  modeChangedAt: r.mode_changed_at === null ? undefined : new Date(r.mode_changed_at),
  turboSessionId: r.turbo_session_id ?? undefined,
  reconciledTo: r.reconciled_to === null ? undefined : new Date(r.reconciled_to),
});

const columns = 'entity_id, mode, mode_reason, mode_changed_at, turbo_session_id, reconciled_to';

export async function realtimeStates(db: Queryable): Promise<RealtimeState[]> {
  const rows = await db.query<Row>(`SELECT ${columns} FROM realtime_state ORDER BY entity_id`);
  return rows.map(toState);
}

export async function realtimeState(db: Queryable, entityId: string): Promise<RealtimeState> {
  const rows = await db.query<Row>(`SELECT ${columns} FROM realtime_state WHERE entity_id = $1`, [entityId]);
  return rows[0] === undefined
    ? {
        entityId,
        mode: 'realtime',
        modeReason: undefined,
        modeChangedAt: undefined,
        turboSessionId: undefined,
        reconciledTo: undefined,
      }
    : toState(rows[0]);
}

export async function setMode(
  db: Queryable,
  entityId: string,
  mode: RealtimeMode,
  reason: string,
  turboSessionId: string | null,
): Promise<void> {
  await db.query(
    `INSERT INTO realtime_state (entity_id, mode, mode_reason, mode_changed_at, turbo_session_id)
     VALUES ($1, $2, $3, now(), $4)
     ON CONFLICT (entity_id) DO UPDATE SET mode = $2, mode_reason = $3, mode_changed_at = now(),
       turbo_session_id = $4, updated_at = now()`,
    [entityId, mode, reason, turboSessionId],
  );
}

/** Only another Turbo session for an entity already in Turbo mode (the mode change time stays). */
export async function setTurboSession(db: Queryable, entityId: string, sessionId: string): Promise<void> {
  await db.query('UPDATE realtime_state SET turbo_session_id = $2, updated_at = now() WHERE entity_id = $1', [
    entityId,
    sessionId,
  ]);
}

export async function setReconciledTo(db: Queryable, entityId: string, to: Date): Promise<void> {
  await db.query(
    `INSERT INTO realtime_state (entity_id, reconciled_to) VALUES ($1, $2)
     ON CONFLICT (entity_id) DO UPDATE SET reconciled_to = $2, updated_at = now()`,
    [entityId, to.toISOString()],
  );
}
