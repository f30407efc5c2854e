// Billing PII does not stay on disk (issue 17, defect 2): after a full sync and after a SIGKILL and resume, run as
// the command a user runs (real credentials pointing at emulators in this process, PGlite under DATA_DIR), no
// spool file is left and nothing under DATA_DIR, the embedded store included, is readable by others.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killLeftoverCli, runCli, type CliRun } from '../support/cli-process.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';
import { until } from '../support/wait-for.js';

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ size: 'XS', store: 'pglite' });
}, 180_000);
afterAll(async () => {
  killLeftoverCli();
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

const syncCommand = (dataDir: string, args: string[]): CliRun =>
  runCli(h, ['sync', '--scope', 'accounts', ...args], {
    dataDir,
    apiToken: 'spool-test-token-0123456789abcdef',
  });

const spoolParts = (dir: string): string[] =>
  existsSync(dir)
    ? walk(dir)
        .filter((e) => e.file && e.path.endsWith('.csv'))
        .map((e) => e.path)
    : [];

describe('DATA_DIR after a sync and after a crash', () => {
  it('after a full sync and after a crash and resume: no spool file, nothing readable by others', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'zsync-pii-')), 'data');
    try {
      const full = await syncCommand(dataDir, ['--full']).done;
      expect(full.code, full.out).toBe(0);
      expectPrivateAndNoSpool(dataDir, 'after a full sync');

      const crashed = syncCommand(dataDir, ['--full']);
      // Killed once the session has spooled and then called Salesforce (loading).
      await until(
        'spool parts',
        () => spoolParts(join(dataDir, 'spool')).length,
        (n) => n > 0,
        600_000,
        20,
      );
      const requestsAtSpool = h.salesforce.stats().apiRequests;
      await until(
        'a Salesforce call after spooling',
        () => h.salesforce.stats().apiRequests,
        (n) => n > requestsAtSpool,
        600_000,
        20,
      );
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
