// A full S sync killed with SIGKILL at several points (during extraction, early and late in loading), then
// restarted, ends with exactly the Salesforce state of a clean run: the same records, the same values, no
// duplicates. The emulators and PostgreSQL live in this test process; the sync runs as a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
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
import { mapsInScope } from '../../src/mapping/object-maps.js';
import { insertSession } from '../../src/sessions/session-rows.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';

const cli = join(import.meta.dirname, '../../../bin/zuora-sync.js');
const size = 'S';
let clean: SyncHarness;
let crashed: SyncHarness;
let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  [clean, crashed] = await Promise.all([
    startSyncHarness({ size, store: 'pglite' }),
    startSyncHarness({ size, store: 'postgres' }),
  ]);
  dataDir = mkdtempSync(join(tmpdir(), 'zsync-crash-'));
  const s = await insertSession(clean.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
  await runTurboSession(clean.deps, s.id);
}, 900_000);
afterAll(async () => {
  // A sync still running (the test failed or timed out) is not left behind.
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await Promise.all([clean.close(), crashed.close()]);
  rmSync(dataDir, { recursive: true, force: true });
});

function startSync(args: string[]): {
  child: ChildProcess;
  done: Promise<{ code: number | null; out: string }>;
} {
  const child = spawn(process.execPath, [cli, 'sync', '--scope', 'accounts', ...args], {
    env: {
      ...process.env,
      ZUORA_BASE_URL: crashed.zuora.url,
      ZUORA_CLIENT_ID: DEFAULT_ZUORA_CLIENT_ID,
      ZUORA_CLIENT_SECRET: DEFAULT_ZUORA_CLIENT_SECRET,
      SF_LOGIN_URL: crashed.salesforce.url,
      SF_CLIENT_ID: DEFAULT_CLIENT_ID,
      SF_CLIENT_SECRET: DEFAULT_CLIENT_SECRET,
      SF_USERNAME: DEFAULT_USERNAME,
      SF_PASSWORD: DEFAULT_PASSWORD,
      API_TOKEN: 'crash-test-token-0123456789abcdef',
      DATABASE_URL: crashed.storeFixture.databaseUrl ?? '',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<{ code: number | null; out: string }>((resolve) => {
    child.on('exit', (code) => resolve({ code, out }));
  });
  return { child, done };
}

/** Waits for a condition (never for a time): a loaded machine only makes it come later. */
async function until(check: () => Promise<boolean> | boolean, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the kill point');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The upsert key of each Salesforce record, and its values minus what differs between two orgs. */
function snapshot(h: SyncHarness): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const map of mapsInScope('accounts')) {
    const key = map.stableExternalId?.salesforce ?? map.externalId.salesforce;
    const rows = new Map<string, string>();
    for (const r of h.salesforce.records(map.salesforceObject)) {
      const values = Object.entries(r)
        .filter(
          ([f]) =>
            !/^(Id|CreatedDate|LastModifiedDate|SystemModstamp|CreatedById|LastModifiedById|OwnerId)$/.test(
              f,
            ),
        )
        .filter(([, v]) => !(typeof v === 'string' && /^[a-zA-Z0-9]{18}$/.test(v) && /^(00|a0)/.test(v)))
        .sort(([a], [b]) => a.localeCompare(b));
      const k = String(r[key]);
      expect(rows.has(k), `${map.salesforceObject} ${k} is duplicated`).toBe(false);
      rows.set(k, JSON.stringify(values));
    }
    out.set(map.salesforceObject, rows);
  }
  return out;
}

describe('Turbo Sync crash and resume', () => {
  it('is killed at several points and ends with the state of a clean run', async () => {
    const checkpoint = async (phase: string) =>
      (
        await crashed.store.query(
          `SELECT 1 FROM session_checkpoints WHERE stream = 'extract' AND phase = $1`,
          [phase],
        )
      ).length > 0;
    const killPoints: { name: string; reached: () => Promise<boolean> | boolean }[] = [
      { name: 'during extraction', reached: () => checkpoint('extracting') },
      { name: 'early in loading', reached: () => crashed.salesforce.stats().ingestJobs >= 4 },
      { name: 'late in loading', reached: () => crashed.salesforce.stats().ingestJobs >= 16 },
    ];
    let first = true;
    for (const point of killPoints) {
      const run = startSync(first ? ['--full'] : []);
      first = false;
      await until(point.reached);
      run.child.kill('SIGKILL');
      const result = await run.done;
      expect(result.code, `${point.name}: ${result.out}`).toBeNull();
    }
    const jobsBeforeFinal = crashed.salesforce.stats().ingestJobs;
    const final = startSync([]);
    const result = await final.done;
    expect(result.code, result.out).toBe(0);
    expect(result.out).toMatch(/resuming accounts session/);

    const sessions = await crashed.store.query<{ state: string }>('SELECT state FROM sync_sessions');
    expect(sessions).toEqual([{ state: 'finished_with_errors' }]);
    // At most one job per object (and per pass) is sent again after each kill.
    const objects = mapsInScope('accounts').length;
    expect(crashed.salesforce.stats().ingestJobs - jobsBeforeFinal).toBeLessThanOrEqual(objects * 3);

    const want = snapshot(clean);
    const got = snapshot(crashed);
    for (const [object, rows] of want) {
      const mine = got.get(object) ?? new Map<string, string>();
      expect(mine.size, object).toBe(rows.size);
      for (const [k, v] of rows) expect(mine.get(k), `${object} ${k}`).toBe(v);
    }
  }, 1_800_000);
});
