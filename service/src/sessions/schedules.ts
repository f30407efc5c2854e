// Scheduled sessions through pg-boss cron: accounts every 2 h, every 24 h or any cron expression; the
// product catalog daily only, as Zuora 360 allows (seed 000, product-behaviours.md).
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import type { EngineScope } from './session-rows.js';
import { requestSession } from './request-session.js';
import { enqueueSession } from './session-worker.js';

export const scheduleQueues: Readonly<Record<EngineScope, string>> = {
  accounts: 'scheduled-sync-accounts',
  catalog: 'scheduled-sync-catalog',
};

/** `off`, `every-2h`, `every-24h` or a five-field cron expression. */
export function accountsCron(setting: string): string | undefined {
  if (setting === 'off') return undefined;
  if (setting === 'every-2h') return '0 */2 * * *';
  if (setting === 'every-24h') return '0 0 * * *';
  return setting;
}

/** `off` or `daily` (03:00 UTC) or `daily@HH`. */
export function catalogCron(setting: string): string | undefined {
  if (setting === 'off') return undefined;
  const hour = setting === 'daily' ? 3 : Number(/^daily@(\d{1,2})$/.exec(setting)?.[1] ?? NaN);
  return `0 ${String(hour)} * * *`;
}

export async function startSchedules(
  boss: PgBoss,
  store: Store,
  logger: Logger,
  crons: Readonly<Record<EngineScope, string | undefined>>,
  /** The entities a scheduled sync covers (one session each); default: the tenant itself. */
  entities: () => Promise<readonly string[]> = () => Promise.resolve(['']),
): Promise<void> {
  for (const scope of ['accounts', 'catalog'] as const) {
    const queue = scheduleQueues[scope];
    await boss.createQueue(queue);
    const cron = crons[scope];
    if (cron === undefined) {
      await boss.unschedule(queue);
      continue;
    }
    await boss.schedule(queue, cron, {}, { tz: 'UTC' });
    await boss.work(queue, async () => {
      for (const entityId of await entities()) {
        const result = await requestSession(store, { scope, trigger: 'scheduled', entityId });
        if (!result.ok) {
          logger.warn({ scope, entityId }, `scheduled ${scope} sync skipped: ${result.message}`);
          continue;
        }
        await enqueueSession(boss, result.session.id);
      }
    });
  }
}
