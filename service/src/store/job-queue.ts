// pg-boss on whichever store is open: the same job queue and cron schedules on PGlite and on PostgreSQL.
import PgBoss from 'pg-boss';
import type { Store } from './store.js';

export interface JobQueueOptions {
  /** Schema for pg-boss's own tables (tests use one per run). */
  readonly schema?: string;
  /** How often schedules are evaluated; pg-boss accepts 1..45 seconds. */
  readonly cronMonitorIntervalSeconds?: number;
  readonly pollingIntervalSeconds?: number;
  readonly onError?: (error: Error) => void;
}

export async function startJobQueue(store: Store, options: JobQueueOptions = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    db: store.bossDb(),
    schema: options.schema ?? 'pgboss',
    cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds ?? 30,
    cronWorkerIntervalSeconds: Math.min(options.cronMonitorIntervalSeconds ?? 5, 45),
    // The embedded store is one process: pg-boss's maintenance runs there too.
    supervise: true,
  });
  boss.on('error', options.onError ?? (() => undefined));
  await boss.start();
  return boss;
}
