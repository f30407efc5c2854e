// Billing PII does not stay on disk (issue 17, defect 2): a session's spool parts live only while a resume may
// need them (a failed or interrupted session keeps them; a finished or cancelled one does not), parts of
// sessions that ended or no longer exist are pruned at start, and every file the service leaves under
// DATA_DIR (the embedded store included) is its owner's only. The sync runs as the command a user runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
import { insertSession, transitionSession, findSession } from '../../src/sessions/session-rows.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { pruneSpool } from '../../src/turbo/spool-retention.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';

const cli = join(import.meta.dirname, '../../../bin/zuora-sync.js');
let h: SyncHarness;
const children: ChildProcess[] = [];

beforeAll(async () => {
  h = await startSyncHarness({ size: 'XS', store: 'pglite' });
}, 180_000);
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await h.close();
});

/** Every file and folder under `dir`, with its permission bits. */
function walk(dir: string): { path: string; mode: number; file: boolean }[] {
  const out: { path: string; mode: number; file: boolean }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    out.push({ path, mode: statSync(path).mode & 0o777, file: entry.isFile() });
    if (entry.isDirectory()) out.push(...walk(path));
  }
  return out;
}

function expectPrivateAndNoSpool(dataDir: string, when: string): void {
  expect(statSync(dataDir).mode & 0o777, `${when}: DATA_DIR`).toBe(0o700);
  const entries = walk(dataDir);
  expect(entries.length, when).toBeGreaterThan(100); // the embedded store is there
  const open = entries.filter((e) => (e.mode & 0o077) !== 0).map((e) => `${e.path} ${e.mode.toString(8)}`);
  expect(open, `${when}: files readable or writable by others`).toEqual([]);
  const spool = entries.filter((e) => e.file && e.path.startsWith(join(dataDir, 'spool')));
  expect(
    spool.map((e) => e.path),
    `${when}: spool files left behind`,
  ).toEqual([]);
}

function syncCommand(dataDir: string, args: string[]) {
  const child = spawn(process.execPath, [cli, 'sync', '--scope', 'accounts', ...args], {
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
      API_TOKEN: 'spool-test-token-0123456789abcdef',
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<{ code: number | null; out: string }>((resolve) => {
    child.on('exit', (code) => resolve({ code, out }));
  });
  return { child, done };
}

/** Waits for a condition (never for a time): a loaded machine only makes it come later. */
async function until(check: () => boolean, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the condition');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const spoolParts = (dir: string): string[] =>
  existsSync(dir)
    ? walk(dir)
        .filter((e) => e.file && e.path.endsWith('.csv'))
        .map((e) => e.path)
    : [];

describe('spool parts and DATA_DIR', () => {
  it('a session interrupted by an exception keeps its parts for the resume, which removes them', async () => {
    const s = await insertSession(h.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
    const dir = join(h.deps.spoolDir, s.id);
    const interrupted = await runTurboSession(
      {
        ...h.deps,
        onProgress: (e) => {
          if (e.phase === 'loaded') throw new Error('interrupted while loading');
        },
      },
      s.id,
    );
    expect(interrupted.state).toBe('failed');
    expect(spoolParts(dir).length).toBeGreaterThan(0);
    for (const e of walk(dir)) expect(e.mode & 0o077, e.path).toBe(0);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    await h.store.transaction((tx) => transitionSession(tx, s.id, 'queued'));
    const resumed = await runTurboSession(h.deps, s.id);
    expect(resumed.state).toMatch(/^finished/);
    expect(existsSync(dir)).toBe(false);
  }, 300_000);

  it('at start, prunes the parts of sessions that ended or no longer exist, and keeps those a resume needs', async () => {
    const failed = await insertSession(h.store, { scope: 'catalog', trigger: 'manual', mode: 'full' });
    await h.store.transaction(async (tx) => {
      await transitionSession(tx, failed.id, 'running');
      await transitionSession(tx, failed.id, 'failed', { error: 'test' });
    });
    const cancelled = await insertSession(h.store, { scope: 'catalog', trigger: 'backfill', mode: 'full' });
    await h.store.transaction((tx) => transitionSession(tx, cancelled.id, 'cancelled'));
    const gone = '00000000-0000-4000-8000-0000000000aa';
    for (const id of [failed.id, cancelled.id, gone]) {
      mkdirSync(join(h.deps.spoolDir, id), { recursive: true });
      writeFileSync(join(h.deps.spoolDir, id, 'Account.upsert.0.csv'), 'Id\n1\n');
    }
    expect((await findSession(h.store, gone)) === undefined).toBe(true);
    const pruned = await pruneSpool(h.deps);
    expect([...pruned].sort()).toEqual([cancelled.id, gone].sort());
    expect(existsSync(join(h.deps.spoolDir, failed.id, 'Account.upsert.0.csv'))).toBe(true);
    expect(existsSync(join(h.deps.spoolDir, cancelled.id))).toBe(false);
    expect(existsSync(join(h.deps.spoolDir, gone))).toBe(false);
  });

  it('after a full sync and after a crash and resume: no spool file, nothing readable by others', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'zsync-pii-')), 'data');
    try {
      const full = await syncCommand(dataDir, ['--full']).done;
      expect(full.code, full.out).toBe(0);
      expectPrivateAndNoSpool(dataDir, 'after a full sync');

      const crashed = syncCommand(dataDir, ['--full']);
      // Killed once the session has spooled and then called Salesforce (loading).
      await until(() => spoolParts(join(dataDir, 'spool')).length > 0);
      const requestsAtSpool = h.salesforce.stats().apiRequests;
      await until(() => h.salesforce.stats().apiRequests > requestsAtSpool);
      crashed.child.kill('SIGKILL');
      expect((await crashed.done).code).toBeNull();
      const resumed = await syncCommand(dataDir, []).done;
      expect(resumed.code, resumed.out).toBe(0);
      expect(resumed.out).toMatch(/resuming accounts session/);
      expectPrivateAndNoSpool(dataDir, 'after a crash and resume');
    } finally {
      rmSync(join(dataDir, '..'), { recursive: true, force: true });
    }
  }, 600_000);
});
