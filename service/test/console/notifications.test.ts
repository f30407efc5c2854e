// Notification rules end to end without a browser: a failures rule over a real window of sessions, delivered
// by email through an SMTP server (smtp-server, in process) and as a signed webhook, recorded once per
// interval slot however often it is evaluated, muted past its limit; on-demand completion emails follow the
// request's emailNotification flag, to the requesting user's address read from Salesforce (the emulator).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jsforce from 'jsforce';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
  startSalesforceEmulator,
  type SalesforceEmulator,
} from '../../../emulators/salesforce/src/index.js';
import { createLogger } from '../../src/config/logger.js';
import { listDeliveries } from '../../src/console/notify/delivery-rows.js';
import { Notifier } from '../../src/console/notify/notifier.js';
import { insertRule, type RuleInput } from '../../src/console/notify/rule-rows.js';
import { verifyWebhook } from '../../src/console/notify/webhook-signature.js';
import { pruneConsoleData } from '../../src/console/retention.js';
import { migrate } from '../../src/store/migrate.js';
import { openTestStore, type StoreFixture } from '../support/stores.js';

interface Mail {
  to: string[];
  text: string;
}

let fx: StoreFixture;
let smtp: SMTPServer;
let smtpPort: number;
let hooks: Server;
let sf: SalesforceEmulator;
let conn: jsforce.Connection;
const mails: Mail[] = [];
const hooksReceived: { headers: IncomingHttpHeaders; body: string }[] = [];
const secret = 'webhook-secret-for-the-test-0123';

const rule = (over: Partial<RuleInput>): RuleInput => ({
  name: 'Failures',
  kind: 'failures',
  enabled: true,
  intervalMinutes: 5,
  windowMinutes: 60,
  thresholdType: 'count',
  threshold: 2,
  latencyStat: null,
  mute: { active: false, limit: 1, hours: 1 },
  platformEvent: false,
  emailTo: [],
  webhookUrl: null,
  webhookSecret: null,
  ...over,
});

const notifier = () =>
  new Notifier({
    store: fx.store,
    logger: createLogger('silent'),
    salesforce: conn,
    smtpUrl: `smtp://127.0.0.1:${String(smtpPort)}`,
    smtpFrom: 'zuora-sync@example.test',
    tickMs: 3_600_000,
  });

async function endedSession(
  trigger: string,
  failed: number,
  params: Record<string, unknown> = {},
): Promise<string> {
  const rows = await fx.store.query<{ id: string }>(
    `INSERT INTO sync_sessions (scope, trigger, mode, state, requested_at, started_at, finished_at, params, counts)
     VALUES ('accounts', $1, 'incremental', $2, now() - interval '1 minute', now() - interval '1 minute', now(), $3, $4)
     RETURNING id`,
    [
      trigger,
      failed > 0 ? 'finished_with_errors' : 'finished',
      JSON.stringify(params),
      JSON.stringify({
        objects: { Payment__c: { read: 10, written: 10 - failed, created: 0, failed, deleted: 0 } },
      }),
    ],
  );
  return rows[0]?.id ?? '';
}

beforeAll(async () => {
  fx = await openTestStore('pglite');
  await migrate(fx.store);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let text = '';
      stream.on('data', (c: Buffer) => (text += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), text });
        callback();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  hooks = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      hooksReceived.push({ headers: req.headers, body });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => hooks.listen(0, '127.0.0.1', r));
  sf = await startSalesforceEmulator({});
  conn = new jsforce.Connection({
    loginUrl: sf.url,
    version: '62.0',
    oauth2: { loginUrl: sf.url, clientId: DEFAULT_CLIENT_ID, clientSecret: DEFAULT_CLIENT_SECRET },
  });
  await conn.login(DEFAULT_USERNAME, DEFAULT_PASSWORD);
}, 120_000);

afterAll(async () => {
  await new Promise<void>((r) => smtp.close(() => r()));
  await new Promise((r) => hooks.close(r));
  await sf.close();
  await fx.dispose();
});

describe('notifications', () => {
  it('emails and calls the signed webhook once per slot when failures pass the threshold', async () => {
    const hookUrl = `http://127.0.0.1:${String((hooks.address() as AddressInfo).port)}/hook`;
    const r = await insertRule(
      fx.store,
      rule({ emailTo: ['ops@example.test'], webhookUrl: hookUrl, webhookSecret: secret }),
    );
    await endedSession('manual', 1);
    const n = notifier();
    // The window is [now - 60 min, now) and finished_at is the database's now(), in microseconds: evaluating at the
    // same millisecond as the insert (a quiet machine) would leave the session out, so evaluate a second later.
    const soon = () => new Date(Date.now() + 1_000);
    expect(await n.evaluate(r, soon())).toBe(false); // 1 failed record, threshold 2
    await endedSession('realtime', 2);
    const at = soon();
    expect(await n.evaluate(r, at)).toBe(true);
    expect(await n.evaluate(r, at)).toBe(true); // the same slot again: nothing new is recorded
    await n.deliverDue();
    const deliveries = await listDeliveries(fx.store, r.id, 10);
    expect(deliveries.map((d) => `${d.channel}:${d.state}`).sort()).toEqual(['email:sent', 'webhook:sent']);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toEqual(['ops@example.test']);
    expect(mails[0]?.text).toContain('3 records failed in the last 60 min');
    expect(hooksReceived).toHaveLength(1);
    const hook = hooksReceived[0];
    const now = Math.floor(Date.now() / 1000);
    expect(
      verifyWebhook(secret, hook?.body ?? '', String(hook?.headers['x-zuora-sync-signature']), now),
    ).toBe(true);
    expect(
      verifyWebhook(
        'another-secret-0123456789',
        hook?.body ?? '',
        String(hook?.headers['x-zuora-sync-signature']),
        now,
      ),
    ).toBe(false);
    expect(hook?.headers['x-zuora-sync-delivery']).toBe(deliveries.find((d) => d.channel === 'webhook')?.id);
    expect(JSON.parse(hook?.body ?? '{}')).toMatchObject({ eventType: 'FAILURES', value: 3, threshold: 2 });
  });

  it('mutes a rule past its limit within the mute period, and records the muted notification', async () => {
    const r = await insertRule(
      fx.store,
      rule({
        name: 'Muted',
        intervalMinutes: 1,
        emailTo: ['ops@example.test'],
        mute: { active: true, limit: 1, hours: 1 },
      }),
    );
    const n = notifier();
    const t = Date.now();
    expect(await n.evaluate(r, new Date(t))).toBe(true);
    expect(await n.evaluate(r, new Date(t + 60_000))).toBe(true);
    const states = (await listDeliveries(fx.store, r.id, 10)).map((d) => d.state).sort();
    expect(states).toEqual(['muted', 'pending']);
  });

  it('emails the requesting user when an on-demand sync asked for it, and only then', async () => {
    const userId = String(sf.records('User')[0]?.Id);
    const asked = await endedSession('on_demand', 0, {
      emailNotification: true,
      requestedBy: { userId, orgId: '00D8d0000000001EAA' },
    });
    await endedSession('on_demand', 0, {
      emailNotification: false,
      requestedBy: { userId, orgId: '00D8d0000000001EAA' },
    });
    mails.length = 0;
    await notifier().tick();
    const onDemand = mails.filter((m) => m.text.includes('on-demand sync'));
    expect(onDemand).toHaveLength(1);
    expect(onDemand[0]?.to).toEqual([DEFAULT_USERNAME]);
    expect(onDemand[0]?.text).toContain(asked);
    await notifier().tick(); // already queued: not again
    expect(mails.filter((m) => m.text.includes('on-demand sync'))).toHaveLength(1);
  });

  it('prunes console data past the retention period and keeps open failures and recent rows', async () => {
    const old = await endedSession('manual', 0);
    await fx.store.query(`UPDATE sync_sessions SET finished_at = now() - interval '40 days' WHERE id = $1`, [
      old,
    ]);
    await fx.store.query(
      `INSERT INTO failed_records (stream, salesforce_object, external_id, error_code, error_message, resolved_at)
       VALUES ('Account', 'CustomerAccount__c', 'old-resolved', 'X', 'x', now() - interval '40 days'),
              ('Account', 'CustomerAccount__c', 'old-open', 'X', 'x', NULL)`,
    );
    await fx.store.query(`UPDATE failed_records SET last_failed_at = now() - interval '40 days'`);
    const removed = await pruneConsoleData(fx.store, 30, new Date(), 1);
    expect(removed.sync_sessions).toBe(1);
    expect(removed.failed_records).toBe(1);
    const left = await fx.store.query<{ external_id: string }>('SELECT external_id FROM failed_records');
    expect(left.map((f) => f.external_id)).toEqual(['old-open']);
    expect(
      Number((await fx.store.query<{ n: string }>('SELECT count(*) AS n FROM sync_sessions'))[0]?.n),
    ).toBeGreaterThan(3);
  });
});
