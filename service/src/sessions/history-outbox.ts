// The history outbox (migration 008): a session's Sync_History__c record stored in the same transaction as its
// end, then sent to Salesforce and deleted once Salesforce took it. A process killed between the commit and
// the send leaves the row, which the next start sends (sendPendingHistory), so the record is never lost; the
// send is an upsert on the external id Session_Id__c, so a row sent twice still makes one record. Rows are
// sent 200 a call (an sObject Collections upsert), so grouping them costs one call for many sessions.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_upsert.htm
import type { Queryable } from '../store/store.js';
import type { ObjectCounts } from './session-counts.js';
import type { SyncSession } from './session-rows.js';
import type { SyncDeps } from './sync-deps.js';
import { buildSyncHistory, type SyncHistoryRecord } from './sync-history.js';

/** Stores the session's history record in the outbox, in the caller's transaction (replacing an older one). */
export async function enqueueSyncHistory(
  tx: Queryable,
  zuoraHost: string | undefined,
  session: SyncSession,
  counts: Readonly<Record<string, ObjectCounts>>,
): Promise<void> {
  const record = await buildSyncHistory(tx, zuoraHost, session, counts);
  await tx.query(
    `INSERT INTO history_outbox (session_id, record) VALUES ($1, $2::jsonb)
       ON CONFLICT (session_id) DO UPDATE
         SET record = EXCLUDED.record, created_at = clock_timestamp(), attempts = 0, last_error = NULL`,
    [session.id, JSON.stringify(record)],
  );
}

interface OutboxRow {
  readonly session_id: string;
  readonly record: SyncHistoryRecord | string;
  /** When the row was read: a row enqueued again after it (a newer version) is not deleted by this send. */
  readonly read_at: Date;
}

const selectRows = 'SELECT session_id, record, clock_timestamp() AS read_at FROM history_outbox';

/** Sends the outbox row of one session, if it is still there. True when Salesforce took it. */
export async function sendOutboxHistory(deps: SyncDeps, sessionId: string): Promise<boolean> {
  const rows = await deps.store.query<OutboxRow>(`${selectRows} WHERE session_id = $1`, [sessionId]);
  return (await sendGroup(deps, rows)) === rows.length && rows.length > 0;
}

/**
 * Sends the rows in the outbox at least `olderThanMs` old, oldest first, 200 a call; a record Salesforce
 * refused stays, with its error, for the next sweep. How many were delivered and how many read are left.
 */
export async function sendPendingHistory(
  deps: SyncDeps,
  olderThanMs = 0,
): Promise<{ sent: number; left: number }> {
  const rows = await deps.store.query<OutboxRow>(
    `${selectRows} WHERE created_at <= now() - $1 * interval '1 millisecond'
      ORDER BY created_at, session_id LIMIT 2000`,
    [olderThanMs],
  );
  let sent = 0;
  for (let i = 0; i < rows.length; i += groupSize)
    sent += await sendGroup(deps, rows.slice(i, i + groupSize));
  return { sent, left: rows.length - sent };
}

/** Most history records one call sends: an sObject Collections upsert takes 200. */
const groupSize = 200;

/** Upserts the group's history records in one call, then their errors, and deletes the rows Salesforce took. */
async function sendGroup(deps: SyncDeps, rows: readonly OutboxRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const records = rows.map((r) =>
    typeof r.record === 'string' ? (JSON.parse(r.record) as SyncHistoryRecord) : r.record,
  );
  let results: readonly { id?: string | undefined; success: boolean; errors?: unknown }[];
  try {
    results = await deps.salesforce.sobject('Sync_History__c').upsert(
      records.map((r) => r.history),
      'Session_Id__c',
      { allOrNone: false },
    );
  } catch (error) {
    await charge(deps.store, rows, (error as Error).message);
    deps.logger.warn({ err: error, records: rows.length }, 'Sync_History__c not written; kept in the outbox');
    return 0;
  }
  const errors = records.flatMap((r, k) => {
    const id = results[k]?.success === true ? results[k].id : undefined;
    return id === undefined ? [] : r.errors.map((e) => ({ ...e, Sync_History__c: id }));
  });
  if (errors.length > 0)
    await deps.salesforce
      .sobject('Sync_Record_Error__c')
      .upsert(errors, 'External_Id__c', { allowRecursive: true, allOrNone: false });
  const took = rows.filter((_, k) => results[k]?.success === true);
  for (const [k, r] of rows.entries())
    if (results[k]?.success !== true)
      await charge(deps.store, [r], JSON.stringify(results[k]?.errors ?? null));
  for (const r of took)
    await deps.store.query('DELETE FROM history_outbox WHERE session_id = $1 AND created_at <= $2', [
      r.session_id,
      r.read_at,
    ]);
  return took.length;
}

/** Counts a failed send on the rows, with its error, for the next sweep. */
async function charge(db: Queryable, rows: readonly OutboxRow[], error: string): Promise<void> {
  await db.query(
    `UPDATE history_outbox SET attempts = attempts + 1, last_error = $2, last_attempt_at = now()
      WHERE session_id = ANY($1::uuid[])`,
    [rows.map((r) => r.session_id), error.slice(0, 2_000)],
  );
}

/** Rows waiting in the outbox (GET /v1/realtime/stats). */
export async function pendingHistoryCount(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: string }>('SELECT count(*) AS n FROM history_outbox');
  return Number(rows[0]?.n ?? 0);
}
