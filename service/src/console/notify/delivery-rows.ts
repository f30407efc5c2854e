// Notification deliveries: one row per notification and channel, created once (the dedupe key makes a
// repeated evaluation a no-op), then claimed by one process (SKIP LOCKED), sent, and marked sent; a failed
// send is tried again with backoff, five times in all. A process killed between sending and marking sends
// again after two minutes: each delivery carries its id (Delivery_Id__c, X-Zuora-Sync-Delivery, the email
// Message-ID) so a receiver can recognise the repeat.
import type { Queryable } from '../../store/store.js';

export type Channel = 'platform_event' | 'email' | 'webhook';

export interface NotificationPayload {
  readonly eventType: 'FAILURES' | 'LATENCY' | 'SILENCE' | 'DRIFT' | 'TEST' | 'ON_DEMAND_FINISHED';
  readonly ruleId: string | null;
  readonly ruleName: string;
  readonly message: string;
  readonly value: number | null;
  readonly threshold: number | null;
  readonly thresholdType: string | null;
  readonly windowStart: string | null;
  readonly windowEnd: string;
  readonly sessionId?: string;
  /** Email recipients (email channel) and the webhook URL (webhook channel) as decided when created. */
  readonly to?: readonly string[];
  readonly url?: string;
}

export interface Delivery {
  readonly id: string;
  readonly ruleId: string | null;
  readonly ruleName: string;
  readonly channel: Channel;
  readonly eventType: string;
  readonly payload: NotificationPayload;
  readonly state: 'pending' | 'sending' | 'sent' | 'failed' | 'muted';
  readonly attempts: number;
  readonly lastError: string | null;
  readonly createdAt: Date;
  readonly sentAt: Date | null;
}

interface Row {
  id: string;
  rule_id: string | null;
  rule_name: string;
  channel: Channel;
  event_type: string;
  payload: NotificationPayload;
  state: Delivery['state'];
  attempts: number;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
}

const toDelivery = (r: Row): Delivery => ({
  id: r.id,
  ruleId: r.rule_id,
  ruleName: r.rule_name,
  channel: r.channel,
  eventType: r.event_type,
  payload: r.payload,
  state: r.state,
  attempts: r.attempts,
  lastError: r.last_error,
  createdAt: new Date(r.created_at),
  sentAt: r.sent_at === null ? null : new Date(r.sent_at),
});

export async function createDeliveries(
  db: Queryable,
  dedupeKey: string,
  payload: NotificationPayload,
  channels: readonly { channel: Channel; to?: readonly string[]; url?: string }[],
  state: 'pending' | 'muted' = 'pending',
): Promise<number> {
  let created = 0;
  for (const c of channels) {
    const body = {
      ...payload,
      ...(c.to === undefined ? {} : { to: c.to }),
      ...(c.url === undefined ? {} : { url: c.url }),
    };
    const rows = await db.query(
      `INSERT INTO notification_deliveries (rule_id, rule_name, dedupe_key, channel, event_type, payload, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key, channel) DO NOTHING RETURNING id`,
      [
        payload.ruleId,
        payload.ruleName,
        dedupeKey,
        c.channel,
        payload.eventType,
        JSON.stringify(body),
        state,
      ],
    );
    created += rows.length;
  }
  return created;
}

/** Notifications (not muted) of a rule in the last `hours`, for its mute limit. */
export async function recentNotifications(db: Queryable, ruleId: string, hours: number): Promise<number> {
  const rows = await db.query<{ n: string | number }>(
    `SELECT count(DISTINCT dedupe_key) AS n FROM notification_deliveries
      WHERE rule_id = $1 AND state <> 'muted' AND created_at > now() - make_interval(hours => $2)`,
    [ruleId, hours],
  );
  return Number(rows[0]?.n ?? 0);
}

export async function claimDueDeliveries(db: Queryable, limit = 20): Promise<Delivery[]> {
  const rows = await db.query<Row>(
    `UPDATE notification_deliveries SET state = 'sending', claimed_at = now(), attempts = attempts + 1
      WHERE id IN (SELECT id FROM notification_deliveries
                    WHERE next_attempt_at <= now()
                      AND (state = 'pending' OR (state = 'sending' AND claimed_at < now() - interval '2 minutes'))
                    ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
      RETURNING *`,
    [limit],
  );
  return rows.map(toDelivery);
}

export async function markSent(db: Queryable, id: string): Promise<void> {
  await db.query(
    `UPDATE notification_deliveries SET state = 'sent', sent_at = now(), last_error = NULL WHERE id = $1`,
    [id],
  );
}

export async function markFailedAttempt(
  db: Queryable,
  d: Delivery,
  error: string,
  maxAttempts = 5,
): Promise<void> {
  const last = d.attempts >= maxAttempts;
  await db.query(
    `UPDATE notification_deliveries SET state = $2, last_error = $3,
            next_attempt_at = now() + make_interval(secs => $4) WHERE id = $1`,
    [d.id, last ? 'failed' : 'pending', error.slice(0, 2_000), 30 * 2 ** d.attempts],
  );
}

export async function listDeliveries(
  db: Queryable,
  ruleId: string | undefined,
  limit: number,
): Promise<Delivery[]> {
  const rows = await db.query<Row>(
    `SELECT * FROM notification_deliveries WHERE ($1::uuid IS NULL OR rule_id = $1::uuid)
      ORDER BY created_at DESC, id LIMIT $2`,
    [ruleId ?? null, limit],
  );
  return rows.map(toDelivery);
}
