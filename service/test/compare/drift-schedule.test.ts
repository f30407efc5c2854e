// Drift on a schedule, kept and notified: DRIFT_SCHEDULE is validated at start (weekly by default); a
// scheduled drift check through both emulators keeps its report in drift_reports (migration 007) with the
// differing record down to the field and its billing account; the drift notification rule fires through the
// same delivery as the other rules (a signed webhook here) when the drifted accounts reach its threshold,
// and stays quiet below it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/config/logger.js';
import { listDeliveries } from '../../src/console/notify/delivery-rows.js';
import { Notifier } from '../../src/console/notify/notifier.js';
import { insertRule, type RuleInput } from '../../src/console/notify/rule-rows.js';
import { driftCron } from '../../src/sessions/drift-schedule.js';
import { insertSession } from '../../src/sessions/session-rows.js';
import { findDriftReport, listDriftReports } from '../../src/store/drift-report-rows.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';

const secret = 'drift-webhook-secret-0123456789';
const rule = (over: Partial<RuleInput>): RuleInput => ({
  name: 'Drift',
  kind: 'drift',
  enabled: true,
  intervalMinutes: 60,
  windowMinutes: 10_080,
  thresholdType: 'count',
  threshold: 1,
  latencyStat: null,
  mute: { active: false, limit: 1, hours: 1 },
  platformEvent: false,
  emailTo: [],
  webhookUrl: null,
  webhookSecret: null,
  ...over,
});

describe('drift on a schedule', () => {
  let h: SyncHarness;
  let hooks: Server;
  const received: string[] = [];

  beforeAll(async () => {
    h = await startSyncHarness({ store: 'pglite' });
    const first = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
    expect((await runTurboSession(h.deps, first.id)).state).toMatch(/^finished/);
    hooks = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        received.push(body);
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((r) => hooks.listen(0, '127.0.0.1', r));
  }, 180_000);
  afterAll(async () => {
    await new Promise((r) => hooks.close(r));
    await h.close();
  });

  it('takes weekly by default, daily, off or a cron expression, and refuses anything else by name', () => {
    expect(loadConfig({}).schedules.drift).toBe('weekly');
    expect(driftCron('weekly')).toBe('0 4 * * 0');
    expect(driftCron('off')).toBeUndefined();
    expect(loadConfig({ DRIFT_SCHEDULE: '30 2 * * 1' }).schedules.drift).toBe('30 2 * * 1');
    expect(() => loadConfig({ DRIFT_SCHEDULE: 'hourly' })).toThrow(/DRIFT_SCHEDULE/);
    expect(() => loadConfig({ DRIFT_SCHEDULE: '61 * * * *' })).toThrow(/DRIFT_SCHEDULE/);
  });

  it('keeps a scheduled check report to the field and notifies past the threshold', async () => {
    const invoice = h.salesforce.records('ZInvoice__c')[0];
    if (invoice === undefined) throw new Error('no invoice synced');
    await h.deps.salesforce.sobject('ZInvoice__c').update({ Id: String(invoice.Id), Balance2__c: 4321.5 });
    const zuoraInvoice = h.zuora.tenant.table('Invoice').get(String(invoice.External_Id__c))?.record;
    const account = String(zuoraInvoice?.AccountId);

    const s = await insertSession(h.store, {
      scope: 'accounts',
      trigger: 'scheduled',
      mode: 'full',
      params: { dryRun: true, drift: true },
    });
    const check = await runTurboSession(h.deps, s.id);
    expect(check.state).toBe('finished');
    const [latest] = await listDriftReports(h.store, 10);
    expect(latest).toMatchObject({ sessionId: check.id, trigger: 'scheduled', driftedAccounts: 1 });
    expect(latest?.driftedRecords).toBe(1);
    expect(latest?.checkedAccounts).toBe(check.counts.dryRun?.drift?.checkedAccounts);
    const full = await findDriftReport(h.store, check.id);
    // Records the sync itself could not send (the tenant's seeded invalid rows) are listed as failed.
    const changes = (full?.changes ?? []) as { action: string }[];
    expect(changes.filter((c) => c.action !== 'failed')).toEqual([
      {
        object: 'ZInvoice__c',
        action: 'update',
        key: invoice.External_Id__c,
        salesforceId: invoice.Id,
        account,
        changes: [{ field: 'Balance2__c', old: '4321.5', new: expect.anything() as unknown }],
      },
    ]);
    expect(Object.keys(check.counts.dryRun?.drift?.accounts ?? {})).toEqual([account]);

    const hook = `http://127.0.0.1:${String((hooks.address() as AddressInfo).port)}/drift`;
    const quiet = await insertRule(h.store, rule({ threshold: 2, webhookUrl: hook, webhookSecret: secret }));
    const loud = await insertRule(h.store, rule({ threshold: 1, webhookUrl: hook, webhookSecret: secret }));
    const notifier = new Notifier({
      store: h.store,
      logger: createLogger('silent'),
      salesforce: undefined,
      smtpUrl: undefined,
      smtpFrom: 'zuora-sync@example.test',
      tickMs: 3_600_000,
    });
    expect(await notifier.evaluate(quiet, new Date())).toBe(false);
    expect(await notifier.evaluate(loud, new Date())).toBe(true);
    await notifier.deliverDue();
    expect((await listDeliveries(h.store, loud.id, 10)).map((d) => d.state)).toEqual(['sent']);
    expect(await listDeliveries(h.store, quiet.id, 10)).toEqual([]);
    expect(received).toHaveLength(1);
    expect(JSON.parse(received[0] ?? '{}')).toMatchObject({ eventType: 'DRIFT', value: 1, threshold: 1 });
  }, 240_000);
});
