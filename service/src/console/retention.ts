// Console data is kept CONSOLE_RETENTION_DAYS (30 by default; Zuora's dashboard keeps 7): an hourly pg-boss
// job (one process runs each occurrence) deletes older ended sessions (their checkpoints go with them),
// resolved failures, processed change events, latency samples, sent deliveries and expired sign-ins, a few
// thousand rows per statement so no table is locked for long. Open failures and running sessions stay.
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { rm } from 'node:fs/promises';
import type { Queryable } from '../store/store.js';
import { dryRunFile } from '../turbo/dry-run-finish.js';

export const retentionQueue = 'console-retention';

const batches: readonly { table: string; key: string; where: string }[] = [
  {
    table: 'sync_sessions',
    key: 'id',
    where: `state IN ('finished', 'finished_with_errors', 'failed', 'cancelled') AND finished_at < $1`,
  },
  { table: 'failed_records', key: 'id', where: 'resolved_at < $1' },
  { table: 'change_events', key: 'id', where: 'processed_at < $1' },
  { table: 'realtime_latencies', key: 'id', where: 'committed_at < $1' },
  {
    table: 'notification_deliveries',
    key: 'id',
    where: `state IN ('sent', 'failed', 'muted') AND created_at < $1`,
  },
  { table: 'console_sessions', key: 'id_hash', where: 'expires_at < now() AND $1::timestamptz IS NOT NULL' },
];

export async function pruneConsoleData(
  db: Queryable,
  retentionDays: number,
  now = new Date(),
  batch = 5_000,
  /** Called with the ids of the sessions removed (their dry-run files go with them). */
  onSessionsRemoved: (ids: string[]) => Promise<void> = () => Promise.resolve(),
): Promise<Record<string, number>> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  const removed: Record<string, number> = {};
  for (const b of batches) {
    removed[b.table] = 0;
    for (;;) {
      const rows = await db.query(
        `DELETE FROM ${b.table} WHERE ${b.key} IN (SELECT ${b.key} FROM ${b.table} WHERE ${b.where} LIMIT ${String(batch)}) RETURNING ${b.key}`,
        [cutoff],
      );
      removed[b.table] = (removed[b.table] ?? 0) + rows.length;
      if (b.table === 'sync_sessions') await onSessionsRemoved(rows.map((r) => String(r[b.key])));
      if (rows.length < batch) break;
    }
  }
  return removed;
}

export async function startRetention(
  boss: PgBoss,
  db: Queryable,
  retentionDays: number,
  logger: Logger,
  /** Where sessions spool (DATA_DIR/spool): a removed dry run's NDJSON file beside it is removed too. */
  spoolDir?: string,
): Promise<void> {
  await boss.createQueue(retentionQueue);
  await boss.schedule(retentionQueue, '17 * * * *', {}, { tz: 'UTC' });
  await boss.work(retentionQueue, async () => {
    const files = async (ids: string[]) => {
      if (spoolDir !== undefined) for (const id of ids) await rm(dryRunFile(spoolDir, id), { force: true });
    };
    const removed = await pruneConsoleData(db, retentionDays, new Date(), 5_000, files);
    logger.info({ removed, retentionDays }, 'console data older than the retention period removed');
  });
}
