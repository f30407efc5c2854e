// Per-stream checkpoints of a session: what was extracted (spooled), which Bulk job carries it, what is done.
// Written after every page and every job, so a resumed session continues instead of starting over.
import type { Queryable } from '../store/store.js';

export type CheckpointPhase = 'pending' | 'extracting' | 'loading' | 'done' | 'failed';

export interface Checkpoint {
  readonly stream: string;
  readonly phase: CheckpointPhase;
  readonly cursor: Record<string, unknown> | null;
  readonly bulkJobId: string | null;
  readonly recordsRead: number;
  readonly recordsWritten: number;
  readonly recordsFailed: number;
}

interface CheckpointRow {
  stream: string;
  phase: CheckpointPhase;
  cursor: Record<string, unknown> | null;
  bulk_job_id: string | null;
  records_read: string | number;
  records_written: string | number;
  records_failed: string | number;
}

const toCheckpoint = (r: CheckpointRow): Checkpoint => ({
  stream: r.stream,
  phase: r.phase,
  cursor: r.cursor,
  bulkJobId: r.bulk_job_id,
  recordsRead: Number(r.records_read),
  recordsWritten: Number(r.records_written),
  recordsFailed: Number(r.records_failed),
});

export async function readCheckpoints(db: Queryable, sessionId: string): Promise<Map<string, Checkpoint>> {
  const rows = await db.query<CheckpointRow>(
    `SELECT stream, phase, cursor, bulk_job_id, records_read, records_written, records_failed
       FROM session_checkpoints WHERE session_id = $1`,
    [sessionId],
  );
  return new Map(rows.map((r) => [r.stream, toCheckpoint(r)]));
}

export interface CheckpointPatch {
  readonly phase: CheckpointPhase;
  readonly cursor?: Record<string, unknown> | null;
  readonly bulkJobId?: string | null;
  readonly recordsRead?: number;
  readonly recordsWritten?: number;
  readonly recordsFailed?: number;
}

export async function writeCheckpoint(
  db: Queryable,
  sessionId: string,
  stream: string,
  patch: CheckpointPatch,
): Promise<void> {
  await db.query(
    `INSERT INTO session_checkpoints
       (session_id, stream, phase, cursor, bulk_job_id, records_read, records_written, records_failed, updated_at)
     VALUES ($1, $2, $3, $4, $5, COALESCE($6, 0), COALESCE($7, 0), COALESCE($8, 0), now())
     ON CONFLICT (session_id, stream) DO UPDATE SET
       phase = EXCLUDED.phase,
       cursor = CASE WHEN $9 THEN EXCLUDED.cursor ELSE session_checkpoints.cursor END,
       bulk_job_id = CASE WHEN $10 THEN EXCLUDED.bulk_job_id ELSE session_checkpoints.bulk_job_id END,
       records_read = COALESCE($6, session_checkpoints.records_read),
       records_written = COALESCE($7, session_checkpoints.records_written),
       records_failed = COALESCE($8, session_checkpoints.records_failed),
       updated_at = now()`,
    [
      sessionId,
      stream,
      patch.phase,
      patch.cursor === undefined || patch.cursor === null ? null : JSON.stringify(patch.cursor),
      patch.bulkJobId ?? null,
      patch.recordsRead ?? null,
      patch.recordsWritten ?? null,
      patch.recordsFailed ?? null,
      patch.cursor !== undefined,
      patch.bulkJobId !== undefined,
    ],
  );
}
