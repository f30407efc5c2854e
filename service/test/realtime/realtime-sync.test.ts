// Near-real-time sync end to end, on both stores: business changes in the Zuora emulator raise signed
// callouts to the service's webhook, the engine batches them through the API-sync engine into the
// Salesforce emulator; a dropped callout is caught by reconciliation; real-time waits while a manual
// accounts session runs; a backlog past the burst threshold falls back to Turbo Sync and comes back, each
// switch in Sync_History__c. Ticks are driven by the test (no timers), so every step is deterministic.
import type { FastifyInstance } from 'fastify';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZRecord } from '../../../emulators/zuora/src/model/zuora-record.js';
import { runApiSync } from '../../src/api-sync/api-sync.js';
import type { ApiSyncDeps } from '../../src/api-sync/api-sync-types.js';
import { createMetricsRegistry } from '../../src/http/metrics.js';
import { webhooksRoute } from '../../src/http/routes/webhooks-route.js';
import { buildServer } from '../../src/http/server.js';
import { createLogger } from '../../src/config/logger.js';
import type { BatchResult } from '../../src/realtime/realtime-batch.js';
import { RealtimeEngine } from '../../src/realtime/realtime-engine.js';
import { LatencyRecorder } from '../../src/realtime/realtime-latency.js';
import type { RealtimeSettings } from '../../src/config/realtime-settings.js';
import { realtimeStats } from '../../src/realtime/realtime-stats.js';
import { fallbackReason } from '../../src/realtime/realtime-fallback.js';
import { realtimeStatsRoute } from '../../src/http/routes/realtime-stats-route.js';
import { ApiBudgetGovernor } from '../../src/salesforce/api-budget.js';
import { startJobQueue } from '../../src/store/job-queue.js';
import { insertSession, transitionSession } from '../../src/sessions/session-rows.js';
import { startSessionWorker } from '../../src/sessions/session-worker.js';
import { runSession } from '../../src/turbo/run-session.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';
import { storeKinds } from '../support/stores.js';

const hmacKey = 'e2e-callout-hmac-key';
const basic = { username: 'zuora-callouts', password: 'e2e-callout-password' };
const signedData =
  '{{Event.Timestamp}}\n{{Event.NotificationId}}\n{{Event.ObjectType}}\n{{Event.ChangeType}}\n{{Event.ObjectId}}\n{{Event.EntityId}}\n{{Event.UpdatedDate}}\n';

const settings: RealtimeSettings = {
  enabled: true,
  eventThreshold: 1,
  maxWaitMs: 1_000,
  reconcileMs: 0,
  reconcileGraceMs: 0,
  fallbackLatencyMs: 15 * 60_000,
  burstThreshold: 10_000,
  recoverBelowRecords: 10_000,
  claimStaleMs: 60_000,
  maxBatchEvents: 2_000,
  tickMs: 100,
  coalesceMs: 50,
  callouts: { hmacKey, basic, maxAgeSeconds: 300 },
};

async function until<T>(
  what: string,
  read: () => Promise<T> | T,
  ok: (v: T) => boolean,
  ms = 30_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(v)})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(storeKinds)('near-real-time sync (%s)', (kind) => {
  let h: SyncHarness;
  let hook: FastifyInstance;
  let boss: PgBoss;
  let api: ApiSyncDeps;
  let engine: RealtimeEngine;
  const batches: BatchResult[] = [];
  const metrics = createMetricsRegistry();

  const latency = () => new LatencyRecorder(metrics);
  let recorder: LatencyRecorder;
  const makeEngine = (overrides: Partial<RealtimeSettings> = {}, deps: ApiSyncDeps = api) =>
    new RealtimeEngine({
      api: deps,
      runApiSync,
      boss,
      latency: recorder,
      settings: { ...settings, ...overrides },
      entities: () => Promise.resolve(['']),
      onBatch: (_e, r) => batches.push(r),
    });

  /** A synced account (with a CRM id) that has an open invoice, so a payment can be made on it. */
  const payableAccount = (skip: ReadonlySet<string>): ZRecord => {
    const open = new Set(
      [...h.zuora.tenant.scan('Invoice', null)]
        .filter((i) => Number(i.record.Balance) > 0)
        .map((i) => String(i.record.AccountId)),
    );
    const a = [...h.zuora.tenant.scan('Account', null)].find(
      (s) =>
        typeof s.record.CrmId === 'string' &&
        s.record.CrmId !== '' &&
        open.has(s.record.Id) &&
        !skip.has(s.record.Id),
    );
    if (a === undefined) throw new Error('no synced account with an open invoice is left in the tenant');
    return a.record;
  };
  const used = new Set<string>();
  const pay = (): string => {
    const account = payableAccount(used);
    used.add(account.Id);
    const result = h.zuora.changes.apply({ type: 'payment', accountNumber: account.AccountNumber });
    if (!result.ok) throw new Error(result.error);
    const payment = result.changes.find((c) => c.object === 'Payment' && c.action === 'created');
    return payment?.id ?? '';
  };
  const salesforcePayment = (zuoraId: string) =>
    h.salesforce.records('Payment__c').find((r) => r.External_Id__c === zuoraId);
  const pendingEvents = async () =>
    Number(
      (
        await h.store.query<{ n: string }>(
          'SELECT count(*) AS n FROM change_events WHERE processed_at IS NULL',
        )
      )[0]?.n,
    );

  beforeAll(async () => {
    h = await startSyncHarness({ size: 'XS', store: kind });
    const initial = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
    await runTurboSession(h.deps, initial.id);
    api = { ...h.deps, governor: new ApiBudgetGovernor(h.deps.salesforce) };
    boss = await startJobQueue(h.store, { schema: h.storeFixture.bossSchema });
    await startSessionWorker(boss, h.deps, runSession);
    recorder = latency();
    engine = makeEngine();
    hook = await buildServer({
      apiToken: 'e2e-realtime-token-0123456789',
      bodyLimitBytes: 1_048_576,
      logger: false,
      metrics: createMetricsRegistry(),
      version: 'test',
      routes: [
        webhooksRoute({ store: h.store, callouts: settings.callouts, logger: createLogger('silent') }),
      ],
    });
    const url = await hook.listen({ host: '127.0.0.1', port: 0 });
    h.zuora.callouts.configure([
      {
        id: 'service',
        url: `${url}/v1/webhooks/zuora`,
        events: ['*'],
        auth: { type: 'basic', username: basic.username, password: basic.password },
        headers: { 'X-Zuora-Timestamp': '{{Event.Timestamp}}' },
        hmac: { algorithm: 'SHA-256', key: hmacKey, data: signedData, signedHeaderKey: 'X-Zuora-Signature' },
      },
    ]);
  }, 240_000);
  afterAll(async () => {
    await engine.stop();
    await hook.close();
    await boss.stop({ graceful: false, wait: true, close: false });
    await h.close();
  });

  it('syncs a business change to Salesforce through a signed callout, with its latency', async () => {
    const paymentId = pay();
    expect(salesforcePayment(paymentId)).toBeUndefined();
    await h.zuora.callouts.idle();
    expect(h.zuora.callouts.attempts().every((a) => a.ok)).toBe(true);
    await engine.tick();
    const written = await until(
      'the payment in Salesforce',
      () => salesforcePayment(paymentId),
      (r) => r !== undefined,
    );
    expect(written?.Amount__c).toBeGreaterThan(0);
    expect(await pendingEvents()).toBe(0);
    const synced = batches.filter((b) => b.kind === 'synced');
    expect(synced.length).toBeGreaterThan(0);
    const sessions = await h.store.query<{ trigger: string; state: string }>(
      `SELECT trigger, state FROM sync_sessions WHERE trigger = 'realtime'`,
    );
    expect(sessions.map((s) => s.state)).toEqual(sessions.map(() => 'finished'));
    const history = h.salesforce.records('Sync_History__c').filter((r) => r.Sync_Type__c === 'Real-time');
    expect(history.length).toBe(sessions.length);
    const stats = await realtimeStats(h.store, true);
    expect(stats.latency.count).toBeGreaterThan(0);
    expect(stats.latency.p50Ms).not.toBeNull();
    expect(stats.events.synced).toBeGreaterThan(0);
    expect(stats.events.pending).toBe(0);
  }, 180_000);

  it('catches a dropped callout by reconciliation', async () => {
    await h.zuora.callouts.idle();
    const before = h.zuora.stats().callouts.dropped;
    await fetch(`${h.zuora.url}/__emulator/faults`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.zuora.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ dropCalloutRate: 1 }),
    });
    const paymentId = pay();
    await h.zuora.callouts.idle();
    expect(h.zuora.stats().callouts.dropped).toBeGreaterThan(before);
    await engine.tick();
    expect(salesforcePayment(paymentId)).toBeUndefined();
    await new Promise((r) => setTimeout(r, 1_100)); // the reconciliation window ends at whole seconds
    await engine.reconcileNow();
    const found = await h.store.query<{ zuora_object: string }>(
      `SELECT zuora_object FROM change_events WHERE source = 'reconcile' AND zuora_id = $1`,
      [paymentId],
    );
    expect(found).toEqual([{ zuora_object: 'Payment' }]);
    batches.length = 0;
    await engine.tick();
    expect(salesforcePayment(paymentId)).toBeDefined();
    await fetch(`${h.zuora.url}/__emulator/faults`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.zuora.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ dropCalloutRate: 0 }),
    });
    // A second pass over the same window enqueues nothing: the changes are known.
    const again = await h.store.query<{ n: string }>(
      `SELECT count(*) AS n FROM change_events WHERE source = 'reconcile'`,
    );
    await engine.reconcileNow();
    expect(await h.store.query(`SELECT count(*) AS n FROM change_events WHERE source = 'reconcile'`)).toEqual(
      again,
    );
    await engine.tick(); // the pass reconciliation woke has ended
  }, 180_000);

  it('waits while a manual accounts session runs, then syncs', async () => {
    const manual = await insertSession(h.store, {
      scope: 'accounts',
      trigger: 'manual',
      mode: 'incremental',
    });
    await h.store.transaction((tx) => transitionSession(tx, manual.id, 'running'));
    const paymentId = pay();
    await h.zuora.callouts.idle();
    batches.length = 0;
    await engine.tick();
    expect(batches.map((b) => b.kind)).toContain('waiting');
    expect(
      batches.some((b) => b.kind === 'waiting' && /manual Accounts & Related Objects session/.test(b.reason)),
    ).toBe(true);
    expect(await pendingEvents()).toBeGreaterThan(0);
    expect(salesforcePayment(paymentId)).toBeUndefined();
    await h.store.transaction((tx) => transitionSession(tx, manual.id, 'finished'));
    await engine.tick();
    expect(salesforcePayment(paymentId)).toBeDefined();
    expect(await pendingEvents()).toBe(0);
  }, 180_000);

  it('falls back to Turbo Sync past the burst threshold and comes back, recording both switches', async () => {
    const burst = makeEngine({ burstThreshold: 3 });
    const payments = [pay(), pay(), pay()];
    await h.zuora.callouts.idle();
    expect(await pendingEvents()).toBeGreaterThan(3);
    await burst.tick();
    const state = await h.store.query<{ mode: string; turbo_session_id: string }>(
      'SELECT mode, turbo_session_id FROM realtime_state',
    );
    expect(state[0]?.mode).toBe('turbo');
    const turboId = state[0]?.turbo_session_id ?? '';
    await until(
      'the Turbo session',
      async () =>
        (
          await h.store.query<{ state: string }>('SELECT state FROM sync_sessions WHERE id = $1', [turboId])
        )[0]?.state,
      (s) => s === 'finished' || s === 'finished_with_errors',
      120_000,
    );
    await burst.tick();
    const back = await h.store.query<{ mode: string }>('SELECT mode FROM realtime_state');
    expect(back[0]?.mode).toBe('realtime');
    for (const id of payments) expect(salesforcePayment(id), id).toBeDefined();
    const covered = await h.store.query<{ outcome: string; processed_by_session: string }>(
      `SELECT DISTINCT outcome, processed_by_session FROM change_events WHERE outcome = 'turbo'`,
    );
    expect(covered).toEqual([{ outcome: 'turbo', processed_by_session: turboId }]);
    expect(await pendingEvents()).toBe(0);
    const switches = h.salesforce
      .records('Sync_History__c')
      .map((r) => (typeof r.Sync_Target__c === 'string' ? r.Sync_Target__c : ''))
      .filter((t) => t.includes('->'));
    expect(switches[0]).toMatch(
      /^Real-time -> Turbo Sync: backlog of \d+ events passed the burst threshold of 3/,
    );
    expect(switches[1]).toMatch(/^Turbo Sync -> Real-time: the Turbo session .* synced \d+ records/);
    await burst.stop();
  }, 180_000);

  it('keeps events waiting while the Salesforce API budget is spent, then syncs them', async () => {
    const source = { limitInfo: { apiUsage: { used: 95, limit: 100 } } };
    const spent = makeEngine({}, { ...h.deps, governor: new ApiBudgetGovernor(source) });
    const paymentId = pay();
    await h.zuora.callouts.idle();
    batches.length = 0;
    await spent.tick();
    expect(batches).toEqual([]);
    expect(await pendingEvents()).toBeGreaterThan(0);
    expect(salesforcePayment(paymentId)).toBeUndefined();
    source.limitInfo.apiUsage.used = 10;
    await spent.tick();
    expect(salesforcePayment(paymentId)).toBeDefined();
    expect(await pendingEvents()).toBe(0);
    await spent.stop();
  }, 180_000);

  it('reports a record Salesforce cannot take in failed_records and keeps its event, marked failed', async () => {
    const account = payableAccount(used);
    used.add(account.Id);
    const result = h.zuora.changes.apply({
      type: 'crm-id-change',
      accountNumber: account.AccountNumber,
      crmId: null,
    });
    expect(result.ok).toBe(true);
    await h.zuora.callouts.idle();
    await engine.tick();
    const events = await h.store.query<{
      outcome: string;
      error: string | null;
      processed_by_session: string;
    }>(
      `SELECT outcome, error, processed_by_session FROM change_events WHERE zuora_object = 'Account' AND zuora_id = $1`,
      [account.Id],
    );
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) {
      expect(e.outcome).toBe('failed');
      expect(e.error).toMatch(/DACO-02/);
    }
    const failures = await h.store.query<{ error_code: string; session_id: string }>(
      `SELECT error_code, session_id FROM failed_records WHERE zuora_id = $1 AND resolved_at IS NULL`,
      [account.Id],
    );
    expect(failures.map((f) => f.error_code)).toContain('DACO-02');
    const session = await h.store.query<{ state: string }>('SELECT state FROM sync_sessions WHERE id = $1', [
      events[0]?.processed_by_session,
    ]);
    expect(session[0]?.state).toBe('finished_with_errors');
  }, 180_000);

  it('serves latency percentiles at GET /v1/realtime/stats (bearer) and as a Prometheus histogram', async () => {
    const app = await buildServer({
      apiToken: 'stats-test-token-0123456789abc',
      bodyLimitBytes: 1_048_576,
      logger: false,
      metrics,
      version: 'test',
      routes: [realtimeStatsRoute(h.store, true)],
    });
    try {
      expect((await app.inject({ method: 'GET', url: '/v1/realtime/stats' })).statusCode).toBe(401);
      const res = await app.inject({
        method: 'GET',
        url: '/v1/realtime/stats',
        headers: { authorization: 'Bearer stats-test-token-0123456789abc' },
      });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{
        latency: { count: number; p50Ms: number; p90Ms: number; p95Ms: number; p99Ms: number };
        events: { pending: number; fromReconciliation: number; turbo: number; failed: number };
        entities: { entityId: string; mode: string }[];
      }>();
      expect(body.latency.count).toBeGreaterThan(0);
      expect(body.latency.p50Ms).toBeLessThanOrEqual(body.latency.p90Ms);
      expect(body.latency.p90Ms).toBeLessThanOrEqual(body.latency.p95Ms);
      expect(body.latency.p95Ms).toBeLessThanOrEqual(body.latency.p99Ms);
      expect(body.events.fromReconciliation).toBeGreaterThan(0);
      expect(body.events.turbo).toBeGreaterThan(0);
      expect(body.events.failed).toBeGreaterThan(0);
      expect(body.entities).toEqual([expect.objectContaining({ entityId: '', mode: 'realtime' })]);
      const exposition = await metrics.metrics();
      const counted = /zuora_sync_realtime_latency_seconds_count\{object="Payment"\} (\d+)/.exec(exposition);
      expect(Number(counted?.[1] ?? 0)).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});

describe('fallback decision', () => {
  const settings = { fallbackLatencyMs: 15 * 60_000, burstThreshold: 10_000, recoverBelowRecords: 10_000 };
  const now = new Date('2026-01-01T12:00:00Z');
  const pending = (oldestMinutes: number, waiting: number) => ({
    entityId: '',
    waiting,
    pending: waiting,
    oldestReceivedAt: new Date(now.getTime() - oldestMinutes * 60_000),
    oldestOccurredAt: new Date(now.getTime() - oldestMinutes * 60_000),
  });
  it('falls back when the oldest pending change is more than 15 minutes old, or the backlog passes the burst threshold', () => {
    expect(fallbackReason(settings, pending(14.9, 100), now)).toBeUndefined();
    expect(fallbackReason(settings, pending(15.1, 1), now)).toMatch(/latency 15\.1 min passed 15\.0 min/);
    expect(fallbackReason(settings, pending(1, 10_001), now)).toMatch(/backlog of 10001 events/);
    expect(fallbackReason(settings, undefined, now)).toBeUndefined();
  });
});
