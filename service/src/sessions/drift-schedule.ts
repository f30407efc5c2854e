// The drift check on a schedule (DRIFT_SCHEDULE: weekly by default, daily, off or a cron expression): a pg-boss
// cron job requests one drift check per entity (a full accounts dry run reading Salesforce whole, writing
// nothing) and queues it; its report is kept in drift_reports, where the drift notification rule reads it.
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import { requestSession } from './request-session.js';
import { enqueueSession } from './session-worker.js';

export const driftQueue = 'scheduled-drift';

/** `off`, `weekly` (Sunday 04:00 UTC), `daily` (04:00 UTC) or a five-field cron expression. */
export function driftCron(setting: string): string | undefined {
  if (setting === 'off') return undefined;
  if (setting === 'weekly') return '0 4 * * 0';
  if (setting === 'daily') return '0 4 * * *';
  return setting;
}

export async function startDriftSchedule(
  boss: PgBoss,
  store: Store,
  logger: Logger,
  cron: string | undefined,
  entities: () => Promise<readonly string[]>,
): Promise<void> {
  await boss.createQueue(driftQueue);
  if (cron === undefined) {
    await boss.unschedule(driftQueue);
    return;
  }
  await boss.schedule(driftQueue, cron, {}, { tz: 'UTC' });
  await boss.work(driftQueue, async () => {
    for (const entityId of await entities()) {
      const result = await requestSession(store, {
        scope: 'accounts',
        trigger: 'scheduled',
        mode: 'full',
        entityId,
        params: { dryRun: true, drift: true },
      });
      if (!result.ok) {
        logger.warn({ entityId }, `scheduled drift check skipped: ${result.message}`);
        continue;
      }
      await enqueueSession(boss, result.session.id);
    }
  });
}
