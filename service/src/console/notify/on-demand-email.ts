// The Apex API's emailNotificationEnabled flag (docs/apex-api.md): when an on-demand sync asked for it
// ("emailNotification": true) ends, the requesting Salesforce user is emailed the outcome; when it did not,
// nothing is sent. The user's address is read from Salesforce (User.Email, one query per session).
import type jsforce from 'jsforce';
import type { Logger } from 'pino';
import type { Queryable } from '../../store/store.js';
import { createDeliveries } from './delivery-rows.js';

interface Ended {
  id: string;
  state: string;
  user_id: string;
  finished_at: Date;
  records_written: string | number;
  records_failed: string | number;
  error: string | null;
}

export async function queueOnDemandEmails(
  db: Queryable,
  conn: jsforce.Connection | undefined,
  logger: Logger,
): Promise<void> {
  if (conn === undefined) return;
  const ended = await db.query<Ended>(
    `SELECT s.id, s.state, s.params -> 'requestedBy' ->> 'userId' AS user_id, s.finished_at, s.records_written,
            s.records_failed, s.error
       FROM sync_sessions s
      WHERE s.trigger = 'on_demand' AND s.finished_at > now() - interval '1 day'
        AND s.params ->> 'emailNotification' = 'true' AND s.params -> 'requestedBy' ->> 'userId' IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM notification_deliveries d WHERE d.dedupe_key = 'on-demand:' || s.id::text)
      ORDER BY s.finished_at LIMIT 50`,
  );
  for (const s of ended) {
    if (!/^[a-zA-Z0-9]{15,18}$/.test(s.user_id)) continue;
    let email: string | undefined;
    try {
      const users = await conn.query<{ Email: string }>(`SELECT Email FROM User WHERE Id = '${s.user_id}'`);
      email = users.records[0]?.Email;
    } catch (err) {
      logger.warn({ err, sessionId: s.id }, 'on-demand email: could not read the user');
      continue;
    }
    const outcome =
      s.state === 'finished'
        ? `finished: ${String(s.records_written)} records synced`
        : s.state === 'finished_with_errors'
          ? `finished with errors: ${String(s.records_written)} records synced, ${String(s.records_failed)} failed`
          : `failed: ${s.error ?? 'see the service log'}`;
    await createDeliveries(
      db,
      `on-demand:${s.id}`,
      {
        eventType: 'ON_DEMAND_FINISHED',
        ruleId: null,
        ruleName: 'On-demand sync',
        message: `Your on-demand sync ${s.id} ${outcome}.`,
        value: null,
        threshold: null,
        thresholdType: null,
        windowStart: null,
        windowEnd: new Date(s.finished_at).toISOString(),
        sessionId: s.id,
      },
      [{ channel: 'email', to: email === undefined ? [] : [email] }],
    );
  }
}
