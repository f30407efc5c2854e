// The session list of the console and of GET /v1/syncs: filters by time, trigger, scope, entity and state,
// newest first, a page at a time (keyset on requested_at, id, so deep pages cost what the first one does).
import type { Queryable } from '../store/store.js';
import type { SessionScope, SessionTrigger } from './session-rows.js';
import type { SessionState } from './session-states.js';

export interface SessionFilter {
  readonly from?: Date;
  readonly to?: Date;
  readonly triggers?: readonly SessionTrigger[];
  readonly scopes?: readonly SessionScope[];
  readonly states?: readonly SessionState[];
  readonly entityId?: string;
  /** Continue after this session of the previous page (its requestedAt and id). */
  readonly after?: { readonly requestedAt: Date; readonly id: string };
  readonly limit: number;
}

export interface SessionListItem {
  readonly id: string;
  readonly scope: SessionScope;
  readonly trigger: SessionTrigger;
  readonly mode: 'full' | 'incremental';
  readonly state: SessionState;
  readonly entityId: string;
  readonly requestedAt: Date;
  readonly startedAt: Date | undefined;
  readonly finishedAt: Date | undefined;
  readonly recordsRead: number;
  readonly recordsWritten: number;
  readonly recordsFailed: number;
  readonly recordsDeleted: number;
  readonly salesforceCalls: number | undefined;
  readonly zuoraCalls: number | undefined;
  readonly cancelRequested: boolean;
  readonly error: string | undefined;
  readonly counts: Readonly<Record<string, unknown>>;
  /** Salesforce API usage (org-wide, Sforce-Limit-Info) while it ran, when measured. */
  readonly apiUsageDelta: number | undefined;
}

interface Row {
  id: string;
  scope: SessionScope;
  trigger: SessionTrigger;
  mode: 'full' | 'incremental';
  state: SessionState;
  entity_id: string;
  requested_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  records_read: string | number;
  records_written: string | number;
  records_failed: string | number;
  records_deleted: string | number;
  salesforce_calls: number | null;
  zuora_calls: number | null;
  cancel_requested_at: Date | null;
  error: string | null;
  counts: Record<string, unknown>;
  sf_api_used_start: number | null;
  sf_api_used_end: number | null;
}

const date = (d: Date | null) => (d === null ? undefined : new Date(d));

export const listColumns = `id, scope, trigger, mode, state, entity_id, requested_at, started_at, finished_at,
  records_read, records_written, records_failed, records_deleted, salesforce_calls, zuora_calls,
  cancel_requested_at, error, counts, sf_api_used_start, sf_api_used_end`;

export function toListItem(r: Row): SessionListItem {
  return {
    id: r.id,
    scope: r.scope,
    trigger: r.trigger,
    mode: r.mode,
    state: r.state,
    entityId: r.entity_id,
    requestedAt: new Date(r.requested_at),
    startedAt: date(r.started_at),
    finishedAt: date(r.finished_at),
    recordsRead: Number(r.records_read),
    recordsWritten: Number(r.records_written),
    recordsFailed: Number(r.records_failed),
    recordsDeleted: Number(r.records_deleted),
    salesforceCalls: r.salesforce_calls ?? undefined,
    zuoraCalls: r.zuora_calls ?? undefined,
    cancelRequested: r.cancel_requested_at !== null,
    error: r.error ?? undefined,
    counts: r.counts,
    apiUsageDelta:
      r.sf_api_used_start === null || r.sf_api_used_end === null
        ? undefined
        : Math.max(0, r.sf_api_used_end - r.sf_api_used_start),
  };
}

export async function searchSessions(db: Queryable, f: SessionFilter): Promise<SessionListItem[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${String(params.length)}`));
  };
  if (f.from !== undefined) add('requested_at >= ?', f.from.toISOString());
  if (f.to !== undefined) add('requested_at < ?', f.to.toISOString());
  if (f.triggers !== undefined && f.triggers.length > 0) add('trigger = ANY(?::text[])', f.triggers);
  if (f.scopes !== undefined && f.scopes.length > 0) add('scope = ANY(?::text[])', f.scopes);
  if (f.states !== undefined && f.states.length > 0) add('state = ANY(?::text[])', f.states);
  if (f.entityId !== undefined) add('entity_id = ?', f.entityId);
  if (f.after !== undefined) {
    params.push(f.after.requestedAt.toISOString(), f.after.id);
    where.push(
      `(requested_at, id) < ($${String(params.length - 1)}::timestamptz, $${String(params.length)}::uuid)`,
    );
  }
  params.push(f.limit);
  const rows = await db.query<Row>(
    `SELECT ${listColumns} FROM sync_sessions ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
      ORDER BY requested_at DESC, id DESC LIMIT $${String(params.length)}`,
    params,
  );
  return rows.map(toListItem);
}

export async function findListItem(db: Queryable, id: string): Promise<SessionListItem | undefined> {
  const rows = await db.query<Row>(`SELECT ${listColumns} FROM sync_sessions WHERE id = $1`, [id]);
  return rows[0] === undefined ? undefined : toListItem(rows[0]);
}
