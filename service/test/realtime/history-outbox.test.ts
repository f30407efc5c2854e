// Sync_History__c through the store's history outbox (issue 17), on both stores. A real-time batch whose
// Salesforce stops answering right after the batch's data writes (as if the process were killed between
// committing its events and sending its history record) keeps that record in the outbox: the events are
// processed, the record waits with its failed attempt, and the next engine start delivers it with the batch's
// counts and empties the outbox. Sending a record again updates the one Sync_History__c record (an upsert on
// Session_Id__c). Ticks are driven by the test (no timers).
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runApiSync } from '../../src/api-sync/api-sync.js';
import type { ApiSyncDeps } from '../../src/api-sync/api-sync-types.js';
import type { RealtimeSettings } from '../../src/config/realtime-settings.js';
import { createMetricsRegistry } from '../../src/http/metrics.js';
import { insertChangeEvent } from '../../src/realtime/change-event-rows.js';
import type { RunApiSync } from '../../src/realtime/realtime-batch.js';
import { RealtimeEngine } from '../../src/realtime/realtime-engine.js';
import { LatencyRecorder } from '../../src/realtime/realtime-latency.js';
import { realtimeStats } from '../../src/realtime/realtime-stats.js';
import { ApiBudgetGovernor } from '../../src/salesforce/api-budget.js';
import { enqueueSyncHistory, sendPendingHistory } from '../../src/sessions/history-outbox.js';
import { findSession } from '../../src/sessions/session-rows.js';
import { startJobQueue } from '../../src/store/job-queue.js';
import { insertSession } from '../../src/sessions/session-rows.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';
import { storeKinds } from '../support/stores.js';
import { until } from '../support/wait-for.js';

const settings: RealtimeSettings = {
  enabled: true,
  eventThreshold: 1,
  maxWaitMs: 1_000,
  reconcileMs: 0,
  reconcileGraceMs: 0,
  fallbackLatencyMs: 60 * 60_000,
  burstThreshold: 1_000_000,
  recoverBelowRecords: 10_000,
  claimStaleMs: 120_000,
  maxBatchEvents: 2_000,
  tickMs: 60_000,
  coalesceMs: 50,
  retry: { maxAttempts: 4, baseMs: 10_000 },
  callouts: { hmacKey: undefined, basic: undefined, maxAgeSeconds: 300 },
};

describe.each(storeKinds)('history outbox (%s)', (kind) => {
  let h: SyncHarness;
  let boss: PgBoss;
  let api: ApiSyncDeps;
  const engines: RealtimeEngine[] = [];

  const makeEngine = (run: RunApiSync) => {
    const engine = new RealtimeEngine({
      api,
      runApiSync: run,
      boss,
      latency: new LatencyRecorder(createMetricsRegistry()),
      settings,
      entities: () => Promise.resolve(['']),
    });
    engines.push(engine);
    return engine;
  };
  const outboxRows = () =>
    h.store.query<{ session_id: string; attempts: number; last_error: string | null }>(
      'SELECT session_id, attempts, last_error FROM history_outbox',
    );
  const historyOf = (sessionId: string) =>
    h.salesforce.records('Sync_History__c').filter((r) => r.Session_Id__c === sessionId);

  beforeAll(async () => {
    h = await startSyncHarness({ size: 'XS', store: kind });
    const initial = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
    await runTurboSession(h.deps, initial.id);
    api = { ...h.deps, governor: new ApiBudgetGovernor(h.deps.salesforce) };
    boss = await startJobQueue(h.store, { schema: h.storeFixture.bossSchema });
  }, 300_000);
  afterAll(async () => {
    for (const e of engines) await e.stop();
    h.salesforce.faults.set({ serverErrorRatio: 0 });
    await boss.stop({ graceful: false, wait: true, close: false });
    await h.close();
  });

  it('keeps the history record of a batch whose send failed, and delivers it at the next start', async () => {
    const account = [...h.zuora.tenant.scan('Account', null)].find(
      (a) => typeof a.record.CrmId === 'string' && a.record.CrmId !== '',
    )?.record;
    if (account === undefined) throw new Error('the XS tenant has no synced account');
    h.zuora.tenant.update('Account', account.Id, { Notes: 'outbox change' });
    await insertChangeEvent(h.store, {
      dedupeKey: 'outbox:1',
      entityId: '',
      zuoraObject: 'Account',
      zuoraId: account.Id,
      eventType: 'UPDATE',
      occurredAt: new Date(),
      source: 'callout',
      payload: {},
    });
    // Salesforce stops answering once the batch's records are written: the history send is what fails.
    const thenDown: RunApiSync = async (deps, request) => {
      const result = await runApiSync(deps, request);
      h.salesforce.faults.set({ serverErrorRatio: 1 });
      return result;
    };
    const first = makeEngine(thenDown);
    await first.tick();
    await first.stop();
    h.salesforce.faults.set({ serverErrorRatio: 0 });

    const events = await h.store.query<{ outcome: string | null; processed_by_session: string | null }>(
      `SELECT outcome, processed_by_session FROM change_events WHERE dedupe_key = 'outbox:1'`,
    );
    expect(events).toEqual([{ outcome: 'synced', processed_by_session: expect.any(String) }]);
    const sessionId = String(events[0]?.processed_by_session);
    const session = await findSession(h.store, sessionId);
    expect(session?.state).toBe('finished');
    expect(
      h.salesforce.records('CustomerAccount__c').find((r) => r.External_Id__c === account.Id)?.Notes__c,
    ).toBe('outbox change');
    // Not in Salesforce, but committed with the batch: waiting in the outbox with its failed send.
    expect(historyOf(sessionId)).toEqual([]);
    expect(await outboxRows()).toEqual([
      { session_id: sessionId, attempts: 1, last_error: expect.any(String) },
    ]);
    expect((await realtimeStats(h.store, true)).historyOutbox).toBe(1);

    // The next start sends it.
    const second = makeEngine(runApiSync);
    second.start();
    await until('the outbox delivered', outboxRows, (rows) => rows.length === 0);
    await second.stop();
    const [record] = historyOf(sessionId);
    expect(historyOf(sessionId)).toHaveLength(1);
    expect(record?.Sync_Type__c).toBe('Real-time');
    expect(record?.Status__c).toBe('Finished');
    expect(record?.Records_Processed__c).toBe(1);
    expect(record?.Records_Failed__c).toBe(0);
    expect((await realtimeStats(h.store, true)).historyOutbox).toBe(0);

    // Sent again (a resend after an answer that never arrived): still the one record, updated.
    if (session === undefined) throw new Error('no session');
    await h.store.transaction((tx) =>
      enqueueSyncHistory(tx, api.zuoraHost, session, { Account: { ...zero, read: 1, written: 1 } }),
    );
    expect(await sendPendingHistory(api)).toEqual({ sent: 1, left: 0 });
    expect(historyOf(sessionId)).toHaveLength(1);
    expect(historyOf(sessionId)[0]?.Id).toBe(record?.Id);
  }, 300_000);
});

const zero = { read: 0, written: 0, created: 0, failed: 0, deleted: 0 };
