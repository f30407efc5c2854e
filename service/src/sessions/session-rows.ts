// Sync session rows and their mapping to domain objects (JSON columns parsed with zod at this edge). SQL on
// sync_sessions lives in sessions/ and nowhere else: here, and the owner and orphan rule (session-owner.ts).
import type { SessionState } from './session-states.js';
import { canTransition, InvalidTransitionError } from './session-states.js';
import {
  parseSessionJson,
  sessionCountsSchema,
  sessionParamsSchema,
  type SessionCounts,
  type SessionParams,
} from './session-json.js';
import type { Queryable } from '../store/store.js';

/** What the Zuora -> Salesforce engines (Turbo, API sync) sync. */
export type EngineScope = 'accounts' | 'catalog';
/** Every session's scope: the engines' two, and 'cpq' (Salesforce CPQ orders -> Zuora, service/src/cpq/). */
export type SessionScope = EngineScope | 'cpq';
export type SessionTrigger = 'manual' | 'scheduled' | 'on_demand' | 'realtime' | 'backfill' | 'cleanup';
export type SessionMode = 'full' | 'incremental';

interface SessionRow {
  id: string;
  scope: SessionScope;
  trigger: SessionTrigger;
  mode: SessionMode;
  state: SessionState;
  entity_id: string;
  params: unknown;
  counts: unknown;
  error: string | null;
  requested_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface SyncSession {
  readonly id: string;
  readonly scope: SessionScope;
  readonly trigger: SessionTrigger;
  readonly mode: SessionMode;
  readonly state: SessionState;
  readonly entityId: string;
  readonly params: SessionParams;
  readonly counts: SessionCounts;
  readonly error: string | undefined;
  readonly requestedAt: Date;
  readonly startedAt: Date | undefined;
  readonly finishedAt: Date | undefined;
}

function toSession(row: SessionRow): SyncSession {
  return {
    id: row.id,
    scope: row.scope,
    trigger: row.trigger,
    mode: row.mode,
    state: row.state,
    entityId: row.entity_id,
    params: parseSessionJson(sessionParamsSchema, row.params, row.id, 'params'),
    counts: parseSessionJson(sessionCountsSchema, row.counts, row.id, 'counts'),
    error: row.error ?? undefined,
    requestedAt: new Date(row.requested_at),
    startedAt: row.started_at === null ? undefined : new Date(row.started_at),
    finishedAt: row.finished_at === null ? undefined : new Date(row.finished_at),
  };
}

const columns =
  'id, scope, trigger, mode, state, entity_id, params, counts, error, requested_at, started_at, finished_at';

export interface NewSession {
  readonly scope: SessionScope;
  readonly trigger: SessionTrigger;
  readonly mode: SessionMode;
  readonly entityId?: string;
  readonly params?: SessionParams;
}

export async function insertSession(db: Queryable, s: NewSession): Promise<SyncSession> {
  const rows = await db.query<SessionRow>(
    `INSERT INTO sync_sessions (scope, trigger, mode, entity_id, params) VALUES ($1, $2, $3, $4, $5) RETURNING ${columns}`,
    [s.scope, s.trigger, s.mode, s.entityId ?? '', JSON.stringify(s.params ?? {})],
  );
  return toSession(rows[0] as SessionRow);
}

export async function findSession(db: Queryable, id: string): Promise<SyncSession | undefined> {
  const rows = await db.query<SessionRow>(`SELECT ${columns} FROM sync_sessions WHERE id = $1`, [id]);
  return rows[0] === undefined ? undefined : toSession(rows[0]);
}

export async function listSessions(db: Queryable, limit: number): Promise<SyncSession[]> {
  const rows = await db.query<SessionRow>(
    `SELECT ${columns} FROM sync_sessions ORDER BY requested_at DESC LIMIT $1`,
    [limit],
  );
  return rows.map(toSession);
}

/** The scope of a session an engine runs; a CPQ session given to an engine is a wiring mistake. */
export function engineScopeOf(session: Pick<SyncSession, 'id' | 'scope'>): EngineScope {
  if (session.scope === 'cpq')
    throw new Error(
      `sync session ${session.id} is a CPQ orders session; the Zuora -> Salesforce engines cannot run it`,
    );
  return session.scope;
}

/** Moves a session to `to`, refusing any change the state machine does not allow (checked under a row lock). */
export async function transitionSession(
  db: Queryable,
  id: string,
  to: SessionState,
  patch: { error?: string; counts?: SessionCounts } = {},
): Promise<SyncSession> {
  const current = await db.query<{ state: SessionState }>(
    'SELECT state FROM sync_sessions WHERE id = $1 FOR UPDATE',
    [id],
  );
  const from = current[0]?.state;
  if (from === undefined) throw new Error(`sync session ${id} does not exist`);
  if (!canTransition(from, to)) throw new InvalidTransitionError(id, from, to);
  const rows = await db.query<SessionRow>(
    `UPDATE sync_sessions SET state = $2,
       started_at = CASE WHEN $2 = 'running' AND started_at IS NULL THEN now() ELSE started_at END,
       finished_at = CASE WHEN $2 IN ('finished', 'finished_with_errors', 'failed', 'cancelled') THEN now() ELSE NULL END,
       error = COALESCE($3, error),
       counts = CASE WHEN $4::jsonb IS NULL THEN counts ELSE $4::jsonb END
     WHERE id = $1 RETURNING ${columns}`,
    [id, to, patch.error ?? null, patch.counts === undefined ? null : JSON.stringify(patch.counts)],
  );
  return toSession(rows[0] as SessionRow);
}

/** Sessions queued or running, oldest first. */
export async function activeSessions(db: Queryable): Promise<SyncSession[]> {
  const rows = await db.query<SessionRow>(
    `SELECT ${columns} FROM sync_sessions WHERE state IN ('queued', 'running') ORDER BY requested_at`,
  );
  return rows.map(toSession);
}

/** The Sync_History__c record a session wrote, so requests that joined it can answer its id. */
export async function setHistoryId(db: Queryable, id: string, historyId: string): Promise<void> {
  await db.query('UPDATE sync_sessions SET salesforce_history_id = $2 WHERE id = $1', [id, historyId]);
}

export async function historyIdOf(db: Queryable, id: string): Promise<string | null> {
  const rows = await db.query<{ salesforce_history_id: string | null }>(
    'SELECT salesforce_history_id FROM sync_sessions WHERE id = $1',
    [id],
  );
  return rows[0]?.salesforce_history_id ?? null;
}
