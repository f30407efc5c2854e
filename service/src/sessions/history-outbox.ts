// The history outbox (migration 008): a session's Sync_History__c record stored in the same transaction as its
// end, then sent to Salesforce and deleted once Salesforce answered. A process killed between the commit and
// the send leaves the row, which the next start sends (sendPendingHistory), so the record is never lost; the
// send is an upsert on the external id Session_Id__c, so a row sent twice still makes one record.
import type { Queryable } from '../store/store.js';
import type { ObjectCounts } from './session-counts.js';
import type { SyncSession } from './session-rows.js';
import type { SyncDeps } from './sync-deps.js';
import { buildSyncHistory, sendSyncHistory, type SyncHistoryRecord } from './sync-history.js';

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
       ON CONFLICT (session_id) DO UPDATE SET record = EXCLUDED.record, attempts = 0, last_error = NULL`,
    [session.id, JSON.stringify(record)],
  );
}

/**
 * Sends the outbox row of one session, if it is still there, and deletes it once Salesforce answered; a
 * failure stays on the row (attempts, last error) for the next send. True when the record was delivered.
 */
export async function sendOutboxHistory(deps: SyncDeps, sessionId: string): Promise<boolean> {
  const rows = await deps.store.query<{ record: SyncHistoryRecord | string }>(
    'SELECT record FROM history_outbox WHERE session_id = $1',
    [sessionId],
  );
  const row = rows[0];
  if (row === undefined) return false;
  const record = typeof row.record === 'string' ? (JSON.parse(row.record) as SyncHistoryRecord) : row.record;
  try {
    await sendSyncHistory(deps.salesforce, record);
  } catch (error) {
    await deps.store.query(
      `UPDATE history_outbox SET attempts = attempts + 1, last_error = $2, last_attempt_at = now()
        WHERE session_id = $1`,
      [sessionId, (error as Error).message.slice(0, 2_000)],
    );
    deps.logger.warn({ err: error, sessionId }, 'Sync_History__c not written; it stays in the outbox');
    return false;
  }
  // Only this version of the record: one enqueued again meanwhile (a newer end) is sent on its own.
  await deps.store.query('DELETE FROM history_outbox WHERE session_id = $1 AND record = $2::jsonb', [
    sessionId,
    JSON.stringify(record),
  ]);
  return true;
}

/**
 * Sends the rows left in the outbox at least `olderThanMs` ago (oldest first): at start every row (a process
 * killed before its send), later only rows whose own process had time to send them. How many were delivered
 * and how many are still there.
 */
export async function sendPendingHistory(
  deps: SyncDeps,
  olderThanMs = 0,
): Promise<{ sent: number; left: number }> {
  const rows = await deps.store.query<{ session_id: string }>(
    `SELECT session_id FROM history_outbox WHERE created_at <= now() - $1 * interval '1 millisecond'
      ORDER BY created_at, session_id LIMIT 500`,
    [olderThanMs],
  );
  let sent = 0;
  for (const r of rows) if (await sendOutboxHistory(deps, r.session_id)) sent += 1;
  return { sent, left: rows.length - sent };
}

/** Rows waiting in the outbox (GET /v1/realtime/stats). */
export async function pendingHistoryCount(db: Queryable): Promise<number> {
  const rows = await db.query<{ n: string }>('SELECT count(*) AS n FROM history_outbox');
  return Number(rows[0]?.n ?? 0);
}
