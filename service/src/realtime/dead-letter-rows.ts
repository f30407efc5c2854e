// Reads dead-lettered change events (outcome 'dead': every allowed attempt failed) for the admin's list.
import type { Queryable } from '../store/store.js';

export interface DeadLetter {
  readonly id: string;
  readonly entityId: string;
  readonly zuoraObject: string;
  readonly zuoraId: string;
  readonly eventType: string;
  readonly source: string;
  readonly attempts: number;
  readonly error: string;
  readonly receivedAt: string;
  /** When its first attempt failed (null for events dead-lettered before migration 008 recorded it). */
  readonly firstAttemptAt: string | null;
  /** When its last allowed attempt failed. */
  readonly deadAt: string;
}

interface DeadLetterRow {
  id: string;
  entity_id: string;
  zuora_object: string;
  zuora_id: string;
  event_type: string;
  source: string;
  attempts: number;
  error: string | null;
  received_at: Date;
  first_attempt_at: Date | null;
  dead_at: Date | null;
}

/** Dead-lettered events, newest first, `limit` at a time below `beforeId` (the last id of the page before). */
export async function listDeadLetters(
  db: Queryable,
  page: { readonly limit: number; readonly beforeId?: string | undefined },
): Promise<DeadLetter[]> {
  const rows = await db.query<DeadLetterRow>(
    `SELECT id, entity_id, zuora_object, zuora_id, event_type, source, attempts, error, received_at, first_attempt_at,
            dead_at
       FROM change_events WHERE outcome = 'dead' AND ($2::bigint IS NULL OR id < $2::bigint)
      ORDER BY id DESC LIMIT $1`,
    [page.limit, page.beforeId ?? null],
  );
  return rows.map((r) => ({
    id: String(r.id),
    entityId: r.entity_id,
    zuoraObject: r.zuora_object,
    zuoraId: r.zuora_id,
    eventType: r.event_type,
    source: r.source,
    attempts: Number(r.attempts),
    error: r.error ?? '',
    receivedAt: new Date(r.received_at).toISOString(),
    firstAttemptAt: r.first_attempt_at === null ? null : new Date(r.first_attempt_at).toISOString(),
    deadAt: new Date(r.dead_at ?? r.received_at).toISOString(),
  }));
}
