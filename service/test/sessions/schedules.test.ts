// Scheduled sessions: a pg-boss cron schedule requests a "scheduled" accounts session and queues it; the
// settings are validated (the catalog is scheduled daily only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigError } from '../../src/config/config-error.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createLogger } from '../../src/config/logger.js';
import { migrate } from '../../src/store/migrate.js';
import { startJobQueue } from '../../src/store/job-queue.js';
import { listSessions } from '../../src/sessions/session-rows.js';
import { accountsCron, catalogCron, startSchedules } from '../../src/sessions/schedules.js';
import { sessionQueue } from '../../src/sessions/session-worker.js';
import { openTestStore, type StoreFixture } from '../support/stores.js';

let fx: StoreFixture;
beforeAll(async () => {
  fx = await openTestStore('pglite');
  await migrate(fx.store);
});
afterAll(async () => {
  await fx.dispose();
});

describe('scheduled sessions', () => {
  it('translates the settings Zuora 360 offers into cron expressions', () => {
    expect(accountsCron('every-2h')).toBe('0 */2 * * *');
    expect(accountsCron('every-24h')).toBe('0 0 * * *');
    expect(accountsCron('*/15 * * * *')).toBe('*/15 * * * *');
    expect(accountsCron('off')).toBeUndefined();
    expect(catalogCron('daily')).toBe('0 3 * * *');
    expect(catalogCron('daily@22')).toBe('0 22 * * *');
  });

  it('refuses a catalog schedule other than daily, and a malformed cron, by name', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems.map((p) => p.name);
      }
    };
    expect(problems({ CATALOG_SCHEDULE: 'every-2h' })).toEqual(['CATALOG_SCHEDULE']);
    expect(problems({ SYNC_SCHEDULE: 'sometimes' })).toEqual(['SYNC_SCHEDULE']);
  });

  it('a due cron schedule requests a scheduled accounts session and queues it', async () => {
    const boss = await startJobQueue(fx.store, { schema: fx.bossSchema, cronMonitorIntervalSeconds: 1 });
    try {
      await startSchedules(boss, fx.store, createLogger('silent'), {
        accounts: '* * * * *',
        catalog: undefined,
      });
      let sessions: Awaited<ReturnType<typeof listSessions>> = [];
      for (let i = 0; i < 120 && sessions.length === 0; i += 1) {
        await new Promise((r) => setTimeout(r, 500));
        sessions = await listSessions(fx.store, 10);
      }
      expect(sessions).toHaveLength(1);
      expect(sessions[0]).toMatchObject({
        scope: 'accounts',
        trigger: 'scheduled',
        mode: 'full',
        state: 'queued',
      });
      const queued = await boss.fetch<{ sessionId: string }>(sessionQueue);
      expect(queued?.[0]?.data.sessionId).toBe(sessions[0]?.id);
    } finally {
      await boss.stop({ graceful: false, wait: true, close: false });
    }
  }, 180_000);
});
