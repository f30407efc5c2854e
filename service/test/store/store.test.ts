// The same store cases against PGlite (embedded default) and PostgreSQL at 127.0.0.1:5432 (scale-out).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../src/store/migrate.js';
import { startJobQueue } from '../../src/store/job-queue.js';
import { insertSession, findSession, transitionSession } from '../../src/sessions/session-rows.js';
import { InvalidTransitionError } from '../../src/sessions/session-states.js';
import { openTestStore, storeKinds, type StoreFixture } from '../support/stores.js';

const run = promisify(execFile);
const cli = join(import.meta.dirname, '../../../bin/zuora-sync.js');

describe.each(storeKinds)('store on %s', (kind) => {
  let fx: StoreFixture;
  beforeEach(async () => {
    fx = await openTestStore(kind);
  });
  afterEach(async () => {
    await fx.dispose();
  });

  it('migrates from empty and records every migration once', async () => {
    const report = await migrate(fx.store);
    expect(report.applied).toEqual(readMigrations().map((m) => m.label));
    const tables = await fx.store.query<{ t: string }>(
      `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`,
    );
    expect(tables.map((r) => r.t)).toEqual(
      expect.arrayContaining([
        'change_events',
        'failed_records',
        'session_checkpoints',
        'sync_sessions',
        'watermarks',
      ]),
    );
  });

  it('re-running migrations applies nothing and keeps the data', async () => {
    await migrate(fx.store);
    const s = await insertSession(fx.store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
    const again = await migrate(fx.store);
    expect(again.applied).toEqual([]);
    expect((await findSession(fx.store, s.id))?.state).toBe('queued');
  });

  it('refuses a released migration whose text changed', async () => {
    await migrate(fx.store);
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'different' } : m));
    await expect(migrate(fx.store, edited)).rejects.toThrow(/was changed after it was applied/);
  });

  it('concurrent migrations in one process apply each file once', async () => {
    const results = await Promise.all([migrate(fx.store), migrate(fx.store), migrate(fx.store)]);
    expect(results.flatMap((r) => r.applied)).toHaveLength(readMigrations().length);
    const rows = await fx.store.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0]?.n).toBe(readMigrations().length);
  });

  it('a transaction that fails leaves nothing behind', async () => {
    await migrate(fx.store);
    await expect(
      fx.store.transaction(async (tx) => {
        await insertSession(tx, { scope: 'accounts', trigger: 'manual', mode: 'full' });
        await tx.query(`INSERT INTO change_events (dedupe_key, zuora_object, zuora_id, event_type, occurred_at)
                        VALUES ('k1', 'Account', 'z1', 'updated', now())`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const counts = await fx.store.query<{ s: number; e: number }>(
      'SELECT (SELECT count(*)::int FROM sync_sessions) AS s, (SELECT count(*)::int FROM change_events) AS e',
    );
    expect(counts[0]).toEqual({ s: 0, e: 0 });
    // The store stays usable after a rollback.
    await fx.store.transaction((tx) =>
      insertSession(tx, { scope: 'catalog', trigger: 'manual', mode: 'full' }),
    );
    expect((await fx.store.query('SELECT 1 FROM sync_sessions')).length).toBe(1);
  });

  it('enforces the session state machine on every change', async () => {
    await migrate(fx.store);
    const s = await insertSession(fx.store, { scope: 'accounts', trigger: 'scheduled', mode: 'incremental' });
    const running = await fx.store.transaction((tx) => transitionSession(tx, s.id, 'running'));
    expect(running.state).toBe('running');
    expect(running.startedAt).toBeInstanceOf(Date);
    const done = await fx.store.transaction((tx) =>
      transitionSession(tx, s.id, 'finished_with_errors', { counts: { Account: 3 } }),
    );
    expect(done.finishedAt).toBeInstanceOf(Date);
    expect(done.counts).toEqual({ Account: 3 });
    await expect(fx.store.transaction((tx) => transitionSession(tx, s.id, 'running'))).rejects.toBeInstanceOf(
      InvalidTransitionError,
    );
  });

  it('runs a pg-boss job round trip and a cron schedule', async () => {
    await migrate(fx.store);
    const boss = await startJobQueue(fx.store, { schema: fx.bossSchema, cronMonitorIntervalSeconds: 1 });
    try {
      await boss.createQueue('echo');
      await boss.createQueue('tick');
      const echoed = new Promise<unknown>((resolve) => {
        void boss.work('echo', { pollingIntervalSeconds: 0.5 }, async ([job]) => resolve(job?.data));
      });
      await boss.send('echo', { hello: 'world' });
      expect(await echoed).toEqual({ hello: 'world' });

      const ticked = new Promise<unknown>((resolve) => {
        void boss.work('tick', { pollingIntervalSeconds: 0.5 }, async ([job]) => resolve(job?.data));
      });
      await boss.schedule('tick', '* * * * *', { scheduled: true });
      expect((await boss.getSchedules()).map((s) => s.name)).toContain('tick');
      expect(await ticked).toEqual({ scheduled: true });
    } finally {
      await boss.stop({ graceful: false, wait: true, close: false });
    }
  }, 180_000);

  it('two processes migrating at once both succeed and apply each migration once', async () => {
    if (kind === 'pglite') {
      // PGlite's files belong to one process: the second start is refused by name, and the data stays intact.
      const dir = mkdtempSync(join(tmpdir(), 'zsync-pglite-'));
      try {
        const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: '' };
        const results = await Promise.allSettled([
          run(process.execPath, [cli, 'migrate'], { env }),
          run(process.execPath, [cli, 'migrate'], { env }),
        ]);
        const ok = results.filter((r) => r.status === 'fulfilled');
        expect(ok.length).toBeGreaterThanOrEqual(1);
        for (const r of results) {
          if (r.status === 'rejected')
            expect(String((r.reason as { stderr: string }).stderr)).toMatch(/in use by process \d+/);
        }
        const after = await run(process.execPath, [cli, 'migrate'], { env });
        expect(after.stdout).toMatch(/store is current/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      return;
    }
    const env = { ...process.env, DATABASE_URL: fx.databaseUrl ?? '' };
    const [a, b] = await Promise.all([
      run(process.execPath, [cli, 'migrate'], { env }),
      run(process.execPath, [cli, 'migrate'], { env }),
    ]);
    expect(`${a.stdout}${b.stdout}`).toMatch(/applied 001_initial/);
    expect(`${a.stdout}${b.stdout}`).toMatch(/store is current/);
    const rows = await fx.store.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0]?.n).toBe(readMigrations().length);
  }, 300_000);
});
