// SQL for the durable change-event queue (`change_events`): intake with a dedupe key, claims that a batch
// takes under its session (FOR UPDATE SKIP LOCKED, so two processes on one PostgreSQL never take the same
// event), release of claims left by a stopped process, and the outcome of each event.
import type { Queryable } from '../store/store.js';

export interface NewChangeEvent {
  readonly dedupeKey: string;
  readonly entityId: string;
  readonly zuoraObject: string;
  readonly zuoraId: string;
  readonly eventType: string;
  /** When the record changed in Zuora (its UpdatedDate), the start of the latency measurement. */
  readonly occurredAt: Date;
  readonly source: 'callout' | 'reconcile';
  readonly payload: Readonly<Record<string, unknown>>;
}

export interface ClaimedEvent {
  readonly id: string;
  readonly zuoraObject: string;
  readonly zuoraId: string;
  readonly eventType: string;
  readonly occurredAt: Date;
  /** When the service received it (the callout arrived, or reconciliation found it). */
  readonly receivedAt: Date;
  readonly source: 'callout' | 'reconcile';
  /** Failed attempts so far (a batch that threw with this event's record in it). */
  readonly attempts: number;
}

export type EventOutcome = 'synced' | 'failed' | 'skipped' | 'turbo';

/** Stores one event; false when its dedupe key is known already (a retried or duplicated callout). */
export async function insertChangeEvent(db: Queryable, e: NewChangeEvent): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO change_events (dedupe_key, entity_id, zuora_object, zuora_id, event_type, occurred_at, source, payload)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [
      e.dedupeKey,
      e.entityId,
      e.zuoraObject,
      e.zuoraId,
      e.eventType,
      e.occurredAt.toISOString(),
      e.source,
      JSON.stringify(e.payload),
    ],
  );
  return rows.length > 0;
}

/**
 * Enqueues a change found by reconciliation unless an event for the same record at or after that change
 * time is known already (its callout arrived). Answers whether it was enqueued.
 */
export async function insertMissedChange(db: Queryable, e: NewChangeEvent): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO change_events (dedupe_key, entity_id, zuora_object, zuora_id, event_type, occurred_at, source, payload)
     SELECT $1, $2, $3, $4, $5, $6, 'reconcile', $7
      WHERE NOT EXISTS (SELECT 1 FROM change_events
                         WHERE entity_id = $2 AND zuora_object = $3 AND zuora_id = $4 AND occurred_at >= $6)
     ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [
      e.dedupeKey,
      e.entityId,
      e.zuoraObject,
      e.zuoraId,
      e.eventType,
      e.occurredAt.toISOString(),
      JSON.stringify(e.payload),
    ],
  );
  return rows.length > 0;
}

/** An event backing off after a failed attempt is not due until its next attempt time. */
const due = '(next_attempt_at IS NULL OR next_attempt_at <= now())';

export interface PendingSummary {
  readonly entityId: string;
  /** Events not processed, not claimed by a batch, and due (not backing off after a failure). */
  readonly waiting: number;
  /** Events not processed (claimed or not). */
  readonly pending: number;
  readonly oldestReceivedAt: Date | undefined;
  /** When the newest waiting event arrived (adaptive batching waits while changes keep arriving). */
  readonly newestReceivedAt?: Date | undefined;
  readonly oldestOccurredAt: Date | undefined;
}

export async function pendingByEntity(db: Queryable): Promise<PendingSummary[]> {
  const rows = await db.query<{
    entity_id: string;
    waiting: string;
    pending: string;
    oldest_received: Date | null;
    newest_received: Date | null;
    oldest_occurred: Date | null;
  }>(
    // Events backing off neither fire batches nor count toward the fallback's latency: a poison event
    // waits its turn (and ends dead-lettered), it does not send the whole entity to Turbo Sync.
    `SELECT entity_id, count(*) FILTER (WHERE claimed_by_session IS NULL AND ${due}) AS waiting,
            count(*) AS pending,
            min(received_at) FILTER (WHERE claimed_by_session IS NULL AND ${due}) AS oldest_received,
            max(received_at) FILTER (WHERE claimed_by_session IS NULL AND ${due}) AS newest_received,
            min(occurred_at) FILTER (WHERE attempts = 0) AS oldest_occurred
       FROM change_events WHERE processed_at IS NULL GROUP BY entity_id ORDER BY entity_id`,
  );
  return rows.map((r) => ({
    entityId: r.entity_id,
    waiting: Number(r.waiting),
    pending: Number(r.pending),
    oldestReceivedAt: r.oldest_received === null ? undefined : new Date(r.oldest_received),
    newestReceivedAt: r.newest_received === null ? undefined : new Date(r.newest_received),
    oldestOccurredAt: r.oldest_occurred === null ? undefined : new Date(r.oldest_occurred),
  }));
}

/** Claims up to `limit` waiting and due events of an entity, oldest first, for a batch's session. */
export async function claimEvents(
  db: Queryable,
  sessionId: string,
  entityId: string,
  limit: number,
): Promise<ClaimedEvent[]> {
  const rows = await db.query<{
    id: string;
    zuora_object: string;
    zuora_id: string;
    event_type: string;
    occurred_at: Date;
    received_at: Date;
    source: 'callout' | 'reconcile';
    attempts: number;
  }>(
    `UPDATE change_events SET claimed_by_session = $1, claimed_at = now()
      WHERE id IN (SELECT id FROM change_events
                    WHERE processed_at IS NULL AND claimed_by_session IS NULL AND entity_id = $2 AND ${due}
                    ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
      RETURNING id, zuora_object, zuora_id, event_type, occurred_at, received_at, source, attempts`,
    [sessionId, entityId, limit],
  );
  return rows.map((r) => ({
    id: String(r.id),
    zuoraObject: r.zuora_object,
    zuoraId: r.zuora_id,
    eventType: r.event_type,
    occurredAt: new Date(r.occurred_at),
    receivedAt: new Date(r.received_at),
    source: r.source,
    attempts: Number(r.attempts),
  }));
}

/** Gives a batch's unprocessed events back to the queue (the batch waited, failed or its process died). */
export async function releaseClaims(db: Queryable, sessionIds: readonly string[]): Promise<number> {
  if (sessionIds.length === 0) return 0;
  const rows = await db.query(
    `UPDATE change_events SET claimed_by_session = NULL, claimed_at = NULL
      WHERE processed_at IS NULL AND claimed_by_session = ANY($1::uuid[]) RETURNING id`,
    [sessionIds],
  );
  return rows.length;
}

export async function markProcessed(
  db: Queryable,
  ids: readonly string[],
  outcome: EventOutcome,
  sessionId: string,
  error: string | null = null,
): Promise<void> {
  if (ids.length === 0) return;
  await db.query(
    `UPDATE change_events SET processed_at = now(), outcome = $2, processed_by_session = $3, error = $4,
            claimed_by_session = COALESCE(claimed_by_session, $3)
      WHERE id = ANY($1::bigint[]) AND processed_at IS NULL`,
    [ids, outcome, sessionId, error],
  );
}

/** Events a Turbo session covered (changed at or before what it extracted), marked processed by it. */
export async function markCoveredByTurbo(
  db: Queryable,
  entityId: string,
  coveredTo: Date,
  sessionId: string,
): Promise<number> {
  const rows = await db.query(
    `UPDATE change_events SET processed_at = now(), outcome = 'turbo', processed_by_session = $3
      WHERE processed_at IS NULL AND claimed_by_session IS NULL AND entity_id = $1 AND occurred_at <= $2
      RETURNING id`,
    [entityId, coveredTo.toISOString(), sessionId],
  );
  return rows.length;
}
