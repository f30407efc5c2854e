// Billing PII does not stay on disk (issue 17, defect 2): a session's spool parts live only while a resume may
// need them (a failed or interrupted session keeps them; a finished or cancelled one does not), parts of
// sessions that ended or no longer exist are pruned at start, and every file the service leaves under
// DATA_DIR is its owner's only (after a full sync and a SIGKILL: data-dir-crash.test.ts).
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertSession, transitionSession, findSession } from '../../src/sessions/session-rows.js';
import { runTurboSession } from '../../src/turbo/turbo-session.js';
import { pruneSpool, startSpoolPruning } from '../../src/turbo/spool-retention.js';
import { startSyncHarness, type SyncHarness } from '../support/sync-harness.js';

let h: SyncHarness;

beforeAll(async () => {
  h = await startSyncHarness({ size: 'XS', store: 'pglite' });
}, 180_000);
afterAll(async () => {
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

  it('keeps pruning while the service runs (a failed session deleted by retention loses its parts)', async () => {
    const stop = await startSpoolPruning(h.deps, 50);
    try {
      const gone = join(h.deps.spoolDir, '00000000-0000-4000-8000-0000000000bb');
      mkdirSync(gone, { recursive: true });
      writeFileSync(join(gone, 'Account.upsert.0.csv'), 'Id\n1\n');
      const deadline = Date.now() + 120_000;
      while (existsSync(gone) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(existsSync(gone)).toBe(false);
    } finally {
      stop();
    }
  });
});
