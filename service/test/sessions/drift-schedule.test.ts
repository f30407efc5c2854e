// The drift check's schedule: a due pg-boss cron job requests one scheduled drift check per entity (a full
// accounts dry run reading Salesforce whole) and queues it for the session worker; `off` schedules nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/config/logger.js';
import { driftCron, driftQueue, startDriftSchedule } from '../../src/sessions/drift-schedule.js';
import { listSessions } from '../../src/sessions/session-rows.js';
import { sessionQueue } from '../../src/sessions/session-worker.js';
import { startJobQueue } from '../../src/store/job-queue.js';
import { migrate } from '../../src/store/migrate.js';
import { until } from '../support/wait-for.js';
import { openTestStore, type StoreFixture } from '../support/stores.js';

let fx: StoreFixture;
beforeAll(async () => {
  fx = await openTestStore('pglite');
  await migrate(fx.store);
});
afterAll(async () => {
  await fx.dispose();
});

describe('drift schedule', () => {
  it('requests a scheduled drift check per entity when due, and queues it', async () => {
    expect(driftCron('daily')).toBe('0 4 * * *');
    const boss = await startJobQueue(fx.store, { schema: fx.bossSchema, cronMonitorIntervalSeconds: 1 });
    try {
      await startDriftSchedule(boss, fx.store, createLogger('silent'), '* * * * *', () =>
        Promise.resolve(['']),
      );
      const sessions = await until(
        'the scheduled drift check',
        () => listSessions(fx.store, 10),
        (s) => s.length > 0,
        150_000,
        500,
      );
      expect(sessions).toHaveLength(1);
      expect(sessions[0]).toMatchObject({
        scope: 'accounts',
        trigger: 'scheduled',
        mode: 'full',
        state: 'queued',
      });
      expect(sessions[0]?.params).toMatchObject({ dryRun: true, drift: true });
      const queued = await boss.fetch<{ sessionId: string }>(sessionQueue);
      expect(queued?.[0]?.data.sessionId).toBe(sessions[0]?.id);
      await startDriftSchedule(boss, fx.store, createLogger('silent'), undefined, () =>
        Promise.resolve(['']),
      );
      expect((await boss.getSchedules()).map((s) => s.name)).not.toContain(driftQueue);
    } finally {
      await boss.stop({ graceful: false, wait: true, close: false });
    }
  }, 200_000);
});
