// The service killed with SIGKILL in the middle of a burst of 10,000 callouts loses none of them: every
// callout Zuora saw acknowledged was committed first, the ones sent while the service was down are retried by
// Zuora (and reconciliation stands behind them), the batch the kill interrupted gives its events back, and in
// the end every event is processed once, by a batch whose counts and Sync_History__c record say so, and
// Salesforce matches Zuora. The service runs as a child process, on PostgreSQL (DATABASE_URL) and on PGlite
// on disk under DATA_DIR; the test follows it through GET /v1/realtime/stats (so it never opens the child's
// PGlite while the child holds it) and waits for conditions, never for a time. The emulators live in this
// test process.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
} from '../../../emulators/salesforce/src/index.js';
import { DEFAULT_ZUORA_CLIENT_ID, DEFAULT_ZUORA_CLIENT_SECRET } from '../../../emulators/zuora/src/index.js';
import { insertSession } from '../../src/sessions/session-rows.js';
import { PgliteStore } from '../../src/store/pglite-store.js';
import type { Store } from '../../src/store/store.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { storeKinds, type StoreKind } from '../support/stores.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';
import { until } from '../support/wait-for.js';

const cli = join(import.meta.dirname, '../../../bin/zuora-sync.js');
const hmacKey = 'crash-callout-hmac-key-0123456789';
const apiToken = 'realtime-crash-token-0123456789';
const burst = 10_000;
let h: SyncHarness;
let dataDir: string;
let kind: StoreKind;
const children: ChildProcess[] = [];

function startService(port: number): {
  child: ChildProcess;
  listening: Promise<void>;
  exited: Promise<number | null>;
} {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [cli, 'serve'], {
    env: {
      ...inherited,
      ZUORA_BASE_URL: h.zuora.url,
      ZUORA_CLIENT_ID: DEFAULT_ZUORA_CLIENT_ID,
      ZUORA_CLIENT_SECRET: DEFAULT_ZUORA_CLIENT_SECRET,
      SF_LOGIN_URL: h.salesforce.url,
      SF_CLIENT_ID: DEFAULT_CLIENT_ID,
      SF_CLIENT_SECRET: DEFAULT_CLIENT_SECRET,
      SF_USERNAME: DEFAULT_USERNAME,
      SF_PASSWORD: DEFAULT_PASSWORD,
      API_TOKEN: apiToken,
      // No DATABASE_URL: the embedded PGlite under DATA_DIR.
      ...(h.storeFixture.databaseUrl === undefined ? {} : { DATABASE_URL: h.storeFixture.databaseUrl }),
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: process.env.RT_CRASH_LOG === undefined ? 'silent' : 'info',
      REALTIME_SYNC: 'on',
      REALTIME_EVENT_THRESHOLD: '100',
      REALTIME_MAX_WAIT_SECONDS: '1',
      REALTIME_RECONCILE_SECONDS: '5',
      REALTIME_RECONCILE_GRACE_SECONDS: '2',
      REALTIME_BURST_THRESHOLD: '1000000',
      REALTIME_CLAIM_STALE_SECONDS: '5',
      ZUORA_CALLOUT_HMAC_KEY: hmacKey,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  if (process.env.RT_CRASH_LOG !== undefined) {
    const log = createWriteStream(process.env.RT_CRASH_LOG, { flags: 'a' });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  }
  const listening = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('listening on')) resolve();
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) =>
      reject(new Error(`service exited (${String(code)}) before listening: ${out}`)),
    );
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, listening, exited };
}

interface EventFigures {
  readonly received: number;
  readonly pending: number;
  readonly synced: number;
  /** History records committed and not yet delivered to Salesforce. */
  readonly historyOutbox: number;
}

/** The service's own event counts (GET /v1/realtime/stats); undefined while it does not answer. */
async function figures(port: number): Promise<EventFigures | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${String(port)}/v1/realtime/stats`, {
      headers: { authorization: `Bearer ${apiToken}` },
    });
    if (!res.ok) return undefined;
    const body = (await res.json()) as { events: EventFigures; historyOutbox: number };
    return { ...body.events, historyOutbox: body.historyOutbox };
  } catch {
    return undefined;
  }
}

/** The store the service wrote: the PostgreSQL schema, or its PGlite under DATA_DIR once it has stopped. */
async function serviceStore(): Promise<{ store: Store; close: () => Promise<void> }> {
  if (kind === 'postgres') return { store: h.store, close: () => Promise.resolve() };
  const store = await PgliteStore.open(dataDir);
  return { store, close: () => store.close() };
}

async function count(store: Store, sql: string): Promise<number> {
  return Number((await store.query<{ n: string }>(sql))[0]?.n ?? 0);
}

describe.each(storeKinds)('near-real-time sync crash (%s)', (storeKind) => {
  beforeAll(async () => {
    kind = storeKind;
    h = await startSyncHarness({ size: 'XS', store: kind });
    dataDir = mkdtempSync(join(tmpdir(), 'zsync-rt-crash-'));
    const s = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
    await runTurboSession(h.deps, s.id);
  }, 480_000);
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await h.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no event of a 10,000-event burst when killed with SIGKILL and restarted', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const first = startService(port);
    await first.listening;
    h.zuora.callouts.configure([
      {
        id: 'service',
        url: `http://127.0.0.1:${String(port)}/v1/webhooks/zuora`,
        events: ['Account.updated'],
        // At most 5 attempts (Zuora's limit), 20 s apart. On a machine so loaded that the restart outlasts
        // them, Zuora gives up on some notifications: reconciliation then finds those changes (asserted below).
        // https://docs.zuora.com/en/zuora-platform/extensibility/events-and-notifications/configure-callout-settings
        attempts: 5,
        retryIntervalMs: 20_000,
        headers: { 'X-Zuora-Timestamp': '{{Event.Timestamp}}' },
        hmac: {
          key: hmacKey,
          data: '{{Event.Timestamp}}\n{{Event.NotificationId}}\n{{Event.ObjectType}}\n{{Event.ChangeType}}\n{{Event.ObjectId}}\n{{Event.EntityId}}\n{{Event.UpdatedDate}}\n',
          signedHeaderKey: 'X-Zuora-Signature',
        },
      },
    ]);
    const accounts = [...h.zuora.tenant.scan('Account', null)]
      .map((s) => s.record)
      .filter((a) => typeof a.CrmId === 'string' && a.CrmId !== '');
    // The burst: 10,000 account changes in 500-change waves. The last 2,000 wait for the kill, so that
    // however slowly a loaded machine runs the batches, changes keep coming while the service is down (a
    // condition, not a wall-clock budget); the pause between waves only spreads them out.
    let sent = 0;
    let killed = (): void => undefined;
    const afterKill = new Promise<void>((resolve) => (killed = resolve));
    const waves = (async () => {
      while (sent < burst) {
        if (sent >= burst - 2_000) await afterKill;
        for (let i = 0; i < 500; i += 1, sent += 1) {
          const a = accounts[sent % accounts.length];
          if (a !== undefined) h.zuora.tenant.update('Account', a.Id, { Notes: `burst ${String(sent)}` });
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    // Kill once batches are committing and the burst is still coming in.
    await until(
      'the first 200 events synced by the first service',
      () => figures(port),
      (f) => (f?.synced ?? 0) >= 200,
      600_000,
    );
    expect(sent).toBeLessThan(burst);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    killed();
    const second = startService(port);
    await second.listening;
    await waves;
    await h.zuora.callouts.idle();
    await until(
      'every stored event processed by the restarted service, and every history record delivered',
      () => figures(port),
      (f) => f !== undefined && f.pending === 0 && f.received >= burst && f.historyOutbox === 0,
      600_000,
    );
    second.child.kill('SIGTERM');
    await second.exited;

    // Every notification Zuora saw acknowledged was stored, once; one it gave up on (the restart outlasted
    // its retries) was found by reconciliation.
    const attempts = h.zuora.callouts.attempts().filter((a) => a.targetId === 'service');
    const notifications = new Set(attempts.map((a) => a.notificationId));
    const acknowledged = new Set(attempts.filter((a) => a.ok).map((a) => a.notificationId));
    expect(notifications.size).toBe(burst);
    expect(
      attempts.some((a) => !a.ok),
      'some deliveries failed while the service was down',
    ).toBe(true);
    const { store, close } = await serviceStore();
    try {
      const stored = await store.query<{ dedupe_key: string }>(
        `SELECT dedupe_key FROM change_events WHERE source = 'callout'`,
      );
      expect(new Set(stored.map((r) => r.dedupe_key.slice('callout:'.length)))).toEqual(acknowledged);
      if (acknowledged.size < burst)
        expect(
          await count(store, `SELECT count(*) AS n FROM change_events WHERE source = 'reconcile'`),
        ).toBeGreaterThan(0);
      expect(
        await count(store, `SELECT count(*) AS n FROM change_events WHERE outcome IS DISTINCT FROM 'synced'`),
      ).toBe(0);
      await expectBatchesAccounted(store);
    } finally {
      await close();
    }

    // Salesforce matches Zuora.
    const byExternalId = new Map(
      h.salesforce.records('CustomerAccount__c').map((r) => [String(r.External_Id__c), r]),
    );
    for (const a of accounts) {
      const current = h.zuora.tenant.get('Account', a.Id)?.record;
      expect(byExternalId.get(a.Id)?.Notes__c, a.Id).toBe(current?.Notes);
    }
  }, 1_200_000);
});

/**
 * The batch the kill interrupted (if one was in flight) was failed and its events synced later; every other
 * batch counted exactly the events it processed, and its Sync_History__c record (every one has it) says what
 * its row says.
 */
async function expectBatchesAccounted(store: Store): Promise<void> {
  const sessions = await store.query<{
    id: string;
    state: string;
    error: string | null;
    counts: { realtime?: { events: number }; objects?: Record<string, { read: number }> };
    records_failed: string;
    processed: string;
  }>(
    `SELECT s.id, s.state, s.error, s.counts, s.records_failed,
            (SELECT count(*) FROM change_events e WHERE e.processed_by_session = s.id) AS processed
       FROM sync_sessions s WHERE s.trigger = 'realtime'`,
  );
  const history = new Map(
    h.salesforce
      .records('Sync_History__c')
      .filter((r) => r.Sync_Type__c === 'Real-time')
      .map((r) => [String(r.Session_Id__c), r]),
  );
  for (const s of sessions) {
    if (s.state !== 'finished') {
      expect(s.state).toBe('failed');
      expect(s.error).toMatch(/process running this real-time batch stopped/);
      expect(Number(s.processed), `failed batch ${s.id} processed nothing`).toBe(0);
      continue;
    }
    expect(Number(s.processed), `batch ${s.id}`).toBe(s.counts.realtime?.events);
    // The history record commits with the batch (the history outbox, sessions/history-outbox.ts): even the
    // batch the kill caught between its commit and its send has one, sent by the restarted service.
    const record = history.get(s.id);
    expect(record, `Sync_History__c of batch ${s.id}`).toBeDefined();
    expect(record?.Status__c, `Sync_History__c of batch ${s.id}`).toBe('Finished');
    expect(record?.Records_Failed__c).toBe(Number(s.records_failed));
    expect(record?.Records_Processed__c, `Sync_History__c of batch ${s.id}`).toBe(
      recordsRead(s.counts.objects),
    );
  }
  expect(await count(store, 'SELECT count(*) AS n FROM history_outbox'), 'history outbox drained').toBe(0);
}

function recordsRead(objects: Record<string, { read: number }> | undefined): number {
  return Object.values(objects ?? {}).reduce((n, c) => n + c.read, 0);
}
