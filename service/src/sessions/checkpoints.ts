// A session's checkpoints, one per stage and unit of work: the billing entity, the extraction (its AQuA jobs
// and window, then what it read), and each load unit (a pass over one object's spool part, with the Bulk job
// carrying it). Written after every job, so a resumed session continues instead of starting over. Keys are
// typed and encoded in one place; each kind's cursor is parsed with zod when read back.
import { z } from 'zod';
import type { Queryable } from '../store/store.js';

export type CheckpointPhase = 'pending' | 'extracting' | 'loading' | 'done' | 'failed';
export type LoadPass = 'upsert' | 'deferred' | 'delete';

export type CheckpointKey =
  | { readonly kind: 'billing-entity' }
  | { readonly kind: 'extract' }
  | { readonly kind: 'load'; readonly pass: LoadPass; readonly object: string; readonly part: number }
  /** A CPQ session's order (service/src/cpq/): how far its sync got, so a resumed session goes on from there. */
  | { readonly kind: 'cpq-order'; readonly orderId: string };

const counts = z.record(z.string(), z.number());
const cursorSchemas = {
  'billing-entity': z.object({ created: z.boolean() }),
  extract: z.object({
    /** The Zuora time the extraction covers up to: the next watermark. */
    windowEnd: z.string(),
    since: z.string().optional(),
    aquaJobId: z.string().optional(),
    retryJobId: z.string().optional(),
    /** The jobs reading the records of accounts cancelled in the window (they go with their account). */
    cancelledJobIds: z.array(z.string()).optional(),
    read: counts.optional(),
    mappingFailures: counts.optional(),
    skipped: counts.optional(),
  }),
  load: z.object({
    created: z.number(),
    jobs: z.number(),
    /** Rows of the object's last part this part's job carries (turbo/batch-fill.ts): records and bytes. */
    borrowed: z
      .object({ from: z.number(), to: z.number(), fromByte: z.number(), toByte: z.number() })
      .optional(),
  }),
  'cpq-order': z.looseObject({
    /** The order's version (SystemModstamp) this checkpoint is about; another version starts over. */
    version: z.string(),
    step: z.enum(['accounts', 'contacts', 'catalog', 'submitted', 'completed', 'written-back']),
    /** The async Orders job carrying the order, once submitted (polled again after a restart). */
    jobId: z.string().optional(),
    idempotencyKey: z.string().optional(),
  }),
};
type CursorOf = { [K in keyof typeof cursorSchemas]: z.infer<(typeof cursorSchemas)[K]> };
export type ExtractCursor = CursorOf['extract'];

export interface Checkpoint<C> {
  readonly phase: CheckpointPhase;
  readonly cursor: C | undefined;
  readonly bulkJobId: string | undefined;
  readonly recordsRead: number;
  readonly recordsWritten: number;
  readonly recordsFailed: number;
}

export interface CheckpointPatch<C> {
  readonly phase: CheckpointPhase;
  readonly cursor?: C;
  readonly bulkJobId?: string;
  readonly recordsRead?: number;
  readonly recordsWritten?: number;
  readonly recordsFailed?: number;
}

/** The stored name of a key: `extract`, `billing-entity`, `upsert:Invoice__c`, `upsert:Invoice__c:2`. */
export function checkpointStream(key: CheckpointKey): string {
  if (key.kind === 'cpq-order') return `cpq-order:${key.orderId}`;
  if (key.kind !== 'load') return key.kind;
  return key.part === 0 ? `${key.pass}:${key.object}` : `${key.pass}:${key.object}:${String(key.part)}`;
}

interface CheckpointRow {
  stream: string;
  phase: CheckpointPhase;
  cursor: unknown;
  bulk_job_id: string | null;
  records_read: string | number;
  records_written: string | number;
  records_failed: string | number;
}

export class SessionCheckpoints {
  readonly #db: Queryable;
  readonly #sessionId: string;
  readonly #rows: Map<string, CheckpointRow>;

  private constructor(db: Queryable, sessionId: string, rows: Map<string, CheckpointRow>) {
    this.#db = db;
    this.#sessionId = sessionId;
    this.#rows = rows;
  }

  static async read(db: Queryable, sessionId: string): Promise<SessionCheckpoints> {
    const rows = await db.query<CheckpointRow>(
      `SELECT stream, phase, cursor, bulk_job_id, records_read, records_written, records_failed
         FROM session_checkpoints WHERE session_id = $1`,
      [sessionId],
    );
    return new SessionCheckpoints(db, sessionId, new Map(rows.map((r) => [r.stream, r])));
  }

  get<K extends CheckpointKey>(key: K): Checkpoint<CursorOf[K['kind']]> | undefined {
    const stream = checkpointStream(key);
    const row = this.#rows.get(stream);
    if (row === undefined) return undefined;
    let cursor: CursorOf[K['kind']] | undefined;
    if (row.cursor !== null && row.cursor !== undefined) {
      const parsed = cursorSchemas[key.kind].safeParse(row.cursor);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `cursor.${i.path.join('.')}: ${i.message}`).join('; ');
        throw new Error(`checkpoint ${stream} of sync session ${this.#sessionId} is malformed: ${issues}`);
      }
      cursor = parsed.data as CursorOf[K['kind']];
    }
    return {
      phase: row.phase,
      cursor,
      bulkJobId: row.bulk_job_id ?? undefined,
      recordsRead: Number(row.records_read),
      recordsWritten: Number(row.records_written),
      recordsFailed: Number(row.records_failed),
    };
  }

  /** Writes a checkpoint; fields left out of the patch keep their stored value. */
  async write<K extends CheckpointKey>(key: K, patch: CheckpointPatch<CursorOf[K['kind']]>): Promise<void> {
    const stream = checkpointStream(key);
    const rows = await this.#db.query<CheckpointRow>(
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
         updated_at = now()
       RETURNING stream, phase, cursor, bulk_job_id, records_read, records_written, records_failed`,
      [
        this.#sessionId,
        stream,
        patch.phase,
        patch.cursor === undefined ? null : JSON.stringify(patch.cursor),
        patch.bulkJobId ?? null,
        patch.recordsRead ?? null,
        patch.recordsWritten ?? null,
        patch.recordsFailed ?? null,
        patch.cursor !== undefined,
        patch.bulkJobId !== undefined,
      ],
    );
    const row = rows[0];
    if (row !== undefined) this.#rows.set(stream, row);
  }
}
