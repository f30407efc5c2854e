// The service killed with SIGKILL in the middle of a burst of 10,000 callouts loses none of them: every
// callout Zuora saw acknowledged was committed first, the ones sent while the service was down are retried by
// Zuora (and reconciliation stands behind them), the batch the kill interrupted gives its events back, and in
// the end every event is processed and Salesforce matches Zuora. The service runs as a child process on
// PostgreSQL; the emulators live in this test process.
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
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';

const cli = join(import.meta.dirname, '../../../bin/zuora-sync.js');
const hmacKey = 'crash-callout-hmac-key-0123456789';
const burst = 10_000;
let h: SyncHarness;
let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  h = await startSyncHarness({ size: 'XS', store: 'postgres' });
  dataDir = mkdtempSync(join(tmpdir(), 'zsync-rt-crash-'));
  const s = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
  await runTurboSession(h.deps, s.id);
}, 480_000);
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await h.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function startService(port: number): {
  child: ChildProcess;
  listening: Promise<void>;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, [cli, 'serve'], {
    env: {
      ...process.env,
      ZUORA_BASE_URL: h.zuora.url,
      ZUORA_CLIENT_ID: DEFAULT_ZUORA_CLIENT_ID,
      ZUORA_CLIENT_SECRET: DEFAULT_ZUORA_CLIENT_SECRET,
      SF_LOGIN_URL: h.salesforce.url,
      SF_CLIENT_ID: DEFAULT_CLIENT_ID,
      SF_CLIENT_SECRET: DEFAULT_CLIENT_SECRET,
      SF_USERNAME: DEFAULT_USERNAME,
      SF_PASSWORD: DEFAULT_PASSWORD,
      API_TOKEN: 'realtime-crash-token-0123456789',
      DATABASE_URL: h.storeFixture.databaseUrl ?? '',
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

async function count(sql: string): Promise<number> {
  return Number((await h.store.query<{ n: string }>(sql))[0]?.n ?? 0);
}

async function until(what: string, check: () => Promise<boolean>, ms = 300_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('near-real-time sync crash', () => {
  it('loses no event of a 10,000-event burst when killed with SIGKILL and restarted', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const first = startService(port);
    await first.listening;
    h.zuora.callouts.configure([
      {
        id: 'service',
        url: `http://127.0.0.1:${String(port)}/v1/webhooks/zuora`,
        events: ['Account.updated'],
        // At most 5 attempts (Zuora's limit), 20 s apart: the retries outlast a restart on a loaded machine.
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
    // The burst: 10,000 account changes in 500-change waves, about 2,000 a second. The last 2,000 wait for
    // the kill, so that however slowly a loaded machine runs the batches, changes keep coming while the
    // service is down (a condition, not a wall-clock budget).
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
      'batches under way',
      async () =>
        (await count(`SELECT count(*) AS n FROM change_events WHERE processed_at IS NOT NULL`)) >= 200,
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
      'every event processed',
      async () => (await count(`SELECT count(*) AS n FROM change_events WHERE processed_at IS NULL`)) === 0,
    );

    // Every notification Zuora sent ended acknowledged, and every acknowledged one was stored.
    const attempts = h.zuora.callouts.attempts().filter((a) => a.targetId === 'service');
    const notifications = new Set(attempts.map((a) => a.notificationId));
    const acknowledged = new Set(attempts.filter((a) => a.ok).map((a) => a.notificationId));
    expect(notifications.size).toBe(burst);
    expect(acknowledged.size).toBe(burst);
    expect(
      attempts.some((a) => !a.ok),
      'some deliveries failed while the service was down',
    ).toBe(true);
    const stored = await h.store.query<{ dedupe_key: string }>(
      `SELECT dedupe_key FROM change_events WHERE source = 'callout'`,
    );
    expect(new Set(stored.map((r) => r.dedupe_key.slice('callout:'.length)))).toEqual(acknowledged);
    expect(await count(`SELECT count(*) AS n FROM change_events WHERE outcome <> 'synced'`)).toBe(0);
    // The batch the kill interrupted (if one was in flight) was failed and its events synced later.
    const realtime = await h.store.query<{ state: string; error: string | null }>(
      `SELECT state, error FROM sync_sessions WHERE trigger = 'realtime' AND state NOT IN ('finished')`,
    );
    for (const s of realtime) {
      expect(s.state).toBe('failed');
      expect(s.error).toMatch(/process running this real-time batch stopped/);
    }

    // Salesforce matches Zuora.
    const byExternalId = new Map(
      h.salesforce.records('CustomerAccount__c').map((r) => [String(r.External_Id__c), r]),
    );
    for (const a of accounts) {
      const current = h.zuora.tenant.get('Account', a.Id)?.record;
      expect(byExternalId.get(a.Id)?.Notes__c, a.Id).toBe(current?.Notes);
    }
    second.child.kill('SIGTERM');
    await second.exited;
  }, 600_000);
});
