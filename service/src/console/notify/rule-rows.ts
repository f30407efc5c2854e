// Notification rules in the store: Zuora's parameters (interval, window, threshold as a count or a
// percentage, mute) for failures, latency and silence, and the channels each rule delivers to. The webhook
// secret is stored for signing and never answered back.
import type { Queryable } from '../../store/store.js';

export type RuleKind = 'failures' | 'latency' | 'silence' | 'drift';
export type ThresholdType = 'count' | 'percentage' | 'ms' | 'minutes';
export type LatencyStat = 'avg' | 'p50' | 'p90' | 'p95' | 'p99';

export interface RuleInput {
  readonly name: string;
  readonly kind: RuleKind;
  readonly enabled: boolean;
  readonly intervalMinutes: number;
  readonly windowMinutes: number;
  readonly thresholdType: ThresholdType;
  readonly threshold: number;
  readonly latencyStat: LatencyStat | null;
  readonly mute: { readonly active: boolean; readonly limit: number; readonly hours: number };
  readonly platformEvent: boolean;
  readonly emailTo: readonly string[];
  readonly webhookUrl: string | null;
  /** undefined on update: keep the stored secret. */
  readonly webhookSecret?: string | null;
}

export interface Rule extends Omit<RuleInput, 'webhookSecret'> {
  readonly id: string;
  readonly webhookSecretSet: boolean;
  readonly lastEvaluatedAt: Date | null;
  readonly lastValue: number | null;
  readonly nextDueAt: Date;
}

export interface RuleWithSecret extends Rule {
  readonly webhookSecret: string | null;
}

interface Row {
  id: string;
  name: string;
  kind: RuleKind;
  enabled: boolean;
  interval_minutes: number;
  window_minutes: number;
  threshold_type: ThresholdType;
  threshold: number;
  latency_stat: LatencyStat | null;
  mute_active: boolean;
  mute_limit: number;
  mute_hours: number;
  platform_event: boolean;
  email_to: string[];
  webhook_url: string | null;
  webhook_secret: string | null;
  last_evaluated_at: Date | null;
  last_value: number | null;
  next_due_at: Date;
}

const toRule = (r: Row): RuleWithSecret => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  enabled: r.enabled,
  intervalMinutes: r.interval_minutes,
  windowMinutes: r.window_minutes,
  thresholdType: r.threshold_type,
  threshold: Number(r.threshold),
  latencyStat: r.latency_stat,
  mute: { active: r.mute_active, limit: r.mute_limit, hours: r.mute_hours },
  platformEvent: r.platform_event,
  emailTo: r.email_to,
  webhookUrl: r.webhook_url,
  webhookSecret: r.webhook_secret,
  webhookSecretSet: r.webhook_secret !== null,
  lastEvaluatedAt: r.last_evaluated_at === null ? null : new Date(r.last_evaluated_at),
  lastValue: r.last_value === null ? null : Number(r.last_value),
  nextDueAt: new Date(r.next_due_at),
});

export const publicRule = (r: RuleWithSecret): Rule => {
  const { webhookSecret: _secret, ...rest } = r;
  return rest;
};

const values = (r: RuleInput) => [
  r.name,
  r.kind,
  r.enabled,
  r.intervalMinutes,
  r.windowMinutes,
  r.thresholdType,
  r.threshold,
  r.latencyStat,
  r.mute.active,
  r.mute.limit,
  r.mute.hours,
  r.platformEvent,
  [...r.emailTo],
  r.webhookUrl,
];

export async function insertRule(db: Queryable, r: RuleInput): Promise<RuleWithSecret> {
  const rows = await db.query<Row>(
    `INSERT INTO notification_rules (name, kind, enabled, interval_minutes, window_minutes, threshold_type, threshold,
       latency_stat, mute_active, mute_limit, mute_hours, platform_event, email_to, webhook_url, webhook_secret)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING *`,
    [...values(r), r.webhookSecret ?? null],
  );
  return toRule(rows[0] as Row);
}

export async function updateRule(
  db: Queryable,
  id: string,
  r: RuleInput,
): Promise<RuleWithSecret | undefined> {
  const rows = await db.query<Row>(
    `UPDATE notification_rules SET name = $2, kind = $3, enabled = $4, interval_minutes = $5, window_minutes = $6,
       threshold_type = $7, threshold = $8, latency_stat = $9, mute_active = $10, mute_limit = $11, mute_hours = $12,
       platform_event = $13, email_to = $14, webhook_url = $15,
       webhook_secret = CASE WHEN $16 THEN $17 ELSE webhook_secret END, updated_at = now(), next_due_at = now()
     WHERE id = $1 RETURNING *`,
    [id, ...values(r), r.webhookSecret !== undefined, r.webhookSecret ?? null],
  );
  return rows[0] === undefined ? undefined : toRule(rows[0]);
}

export async function deleteRule(db: Queryable, id: string): Promise<boolean> {
  return (await db.query('DELETE FROM notification_rules WHERE id = $1 RETURNING id', [id])).length > 0;
}

export async function listRules(db: Queryable): Promise<RuleWithSecret[]> {
  return (await db.query<Row>('SELECT * FROM notification_rules ORDER BY name, id')).map(toRule);
}

export async function findRule(db: Queryable, id: string): Promise<RuleWithSecret | undefined> {
  const rows = await db.query<Row>('SELECT * FROM notification_rules WHERE id = $1', [id]);
  return rows[0] === undefined ? undefined : toRule(rows[0]);
}

/** Enabled rules whose time has come, taken by one process (SKIP LOCKED) and moved to their next time. */
export async function claimDueRules(db: Queryable): Promise<RuleWithSecret[]> {
  const rows = await db.query<Row>(
    `UPDATE notification_rules r SET next_due_at = now() + make_interval(mins => r.interval_minutes),
            last_evaluated_at = now()
      WHERE id IN (SELECT id FROM notification_rules WHERE enabled AND next_due_at <= now()
                    ORDER BY next_due_at LIMIT 50 FOR UPDATE SKIP LOCKED)
      RETURNING r.*`,
  );
  return rows.map(toRule);
}

export async function recordValue(db: Queryable, id: string, value: number | null): Promise<void> {
  await db.query('UPDATE notification_rules SET last_value = $2 WHERE id = $1', [id, value]);
}
