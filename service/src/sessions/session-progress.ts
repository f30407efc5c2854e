// Live progress of a session, read from the store (so a session running in another process shows the same):
// the stage, per-object read/written/failed/deleted, records per second and the time left. A Turbo session
// checkpoints after extraction (with the records read per object) and after every Bulk job, which is the
// grain of this progress; API-based sessions (on-demand, real-time) report their counts when they end.
import type { Queryable } from '../store/store.js';
import { findListItem, type SessionListItem } from './session-search.js';
import type { ObjectCounts } from './session-counts.js';

export type ProgressStage =
  'queued' | 'extracting' | 'loading' | 'references' | 'deleting' | 'syncing' | 'done';

export interface ObjectProgress {
  readonly object: string;
  readonly read: number;
  readonly written: number;
  readonly failed: number;
  readonly deleted: number;
}

export interface SessionProgress {
  readonly session: SessionListItem;
  readonly stage: ProgressStage;
  readonly objects: readonly ObjectProgress[];
  readonly totals: Omit<ObjectProgress, 'object'>;
  readonly recordsPerSecond: number | null;
  readonly etaSeconds: number | null;
  /** Bulk API 2.0 jobs the session ran, and the batches Salesforce counts for them (10,000 records each). */
  readonly bulk: { readonly jobs: number; readonly batches: number };
  readonly at: Date;
}

interface CheckpointRow {
  stream: string;
  phase: string;
  cursor: Record<string, unknown> | null;
  records_written: string | number;
  records_failed: string | number;
  updated_at: Date;
}

const zero = (object: string): ObjectProgress => ({ object, read: 0, written: 0, failed: 0, deleted: 0 });

export async function sessionProgress(
  db: Queryable,
  sessionId: string,
  now: Date = new Date(),
): Promise<SessionProgress | undefined> {
  const session = await findListItem(db, sessionId);
  if (session === undefined) return undefined;
  const checkpoints = await db.query<CheckpointRow>(
    `SELECT stream, phase, cursor, records_written, records_failed, updated_at
       FROM session_checkpoints WHERE session_id = $1`,
    [sessionId],
  );
  const ended = session.state !== 'running' && session.state !== 'queued';
  const finishedCounts = ended ? await countsOf(db, sessionId) : undefined;
  // A session that failed or was cancelled ends without counts: its checkpoints say how far it got.
  const counts =
    finishedCounts !== undefined && Object.keys(finishedCounts).length > 0 ? finishedCounts : undefined;
  const p = progressOf(session, checkpoints, counts, now);
  return ended ? { ...p, stage: 'done', etaSeconds: 0 } : p;
}

async function countsOf(db: Queryable, id: string): Promise<Record<string, ObjectCounts>> {
  const rows = await db.query<{ counts: Record<string, unknown> }>(
    'SELECT counts FROM sync_sessions WHERE id = $1',
    [id],
  );
  const counts = rows[0]?.counts ?? {};
  const objects = (counts.objects ?? counts) as Record<string, unknown>;
  const out: Record<string, ObjectCounts> = {};
  for (const [k, v] of Object.entries(objects))
    if (v !== null && typeof v === 'object' && 'written' in v) out[k] = v as ObjectCounts;
  return out;
}

export function progressOf(
  session: SessionListItem,
  checkpoints: readonly CheckpointRow[],
  finished: Readonly<Record<string, ObjectCounts>> | undefined,
  now: Date,
): SessionProgress {
  const objects = new Map<string, ObjectProgress>();
  const get = (o: string) => objects.get(o) ?? zero(o);
  const bump = (o: string, patch: Partial<Omit<ObjectProgress, 'object'>>) => {
    const c = get(o);
    objects.set(o, {
      object: o,
      read: c.read + (patch.read ?? 0),
      written: c.written + (patch.written ?? 0),
      failed: c.failed + (patch.failed ?? 0),
      deleted: c.deleted + (patch.deleted ?? 0),
    });
  };
  let stage: ProgressStage = session.state === 'queued' ? 'queued' : 'extracting';
  let loadStart: Date | undefined;
  if (finished !== undefined) {
    for (const [o, c] of Object.entries(finished)) bump(o, c);
    stage = 'done';
  } else {
    const extract = checkpoints.find((c) => c.stream === 'extract');
    if (extract?.phase === 'done') {
      loadStart = new Date(extract.updated_at);
      stage = 'loading';
      const read = (extract.cursor?.read ?? {}) as Record<string, number>;
      const mapped = (extract.cursor?.mappingFailures ?? {}) as Record<string, number>;
      for (const [o, n] of Object.entries(read)) bump(o, { read: n, failed: mapped[o] ?? 0 });
    } else if (session.state === 'running' && ['on_demand', 'realtime'].includes(session.trigger))
      stage = 'syncing';
    for (const c of checkpoints) {
      const [pass, object] = c.stream.split(':');
      if (object === undefined || c.phase !== 'done') continue;
      if (pass === 'upsert')
        bump(object, { written: Number(c.records_written), failed: Number(c.records_failed) });
      if (pass === 'delete') bump(object, { deleted: Number(c.records_written) });
      if (pass === 'deferred' && stage === 'loading') stage = 'references';
      if (pass === 'delete') stage = 'deleting';
    }
  }
  const list = [...objects.values()].filter((o) => o.read + o.written + o.failed + o.deleted > 0);
  list.sort((a, b) => a.object.localeCompare(b.object));
  const totals = list.reduce(
    (a, o) => ({
      read: a.read + o.read,
      written: a.written + o.written,
      failed: a.failed + o.failed,
      deleted: a.deleted + o.deleted,
    }),
    { read: 0, written: 0, failed: 0, deleted: 0 },
  );
  const processed = totals.written + totals.failed + totals.deleted;
  const since = loadStart ?? session.startedAt;
  const end = session.finishedAt ?? now;
  const seconds = since === undefined ? 0 : (end.getTime() - since.getTime()) / 1000;
  const rate = seconds > 0 && processed > 0 ? processed / seconds : null;
  const remaining = Math.max(0, totals.read - processed);
  const eta = stage === 'done' ? 0 : rate === null || loadStart === undefined ? null : remaining / rate;
  return {
    session,
    stage,
    objects: list,
    totals,
    bulk: bulkUsage(checkpoints),
    recordsPerSecond: rate === null ? null : Math.round(rate * 10) / 10,
    etaSeconds: eta === null ? null : Math.round(eta),
    at: now,
  };
}

/**
 * Bulk jobs from the load checkpoints (each part records the jobs it ran; Composite loads record none), and
 * the batches Salesforce counts: one per 10,000 records of a job; a part's retry jobs carry few records and
 * count one each. https://developer.salesforce.com/docs/atlas.en-us.salesforce_app_limits_cheatsheet.meta/salesforce_app_limits_cheatsheet/salesforce_app_limits_platform_bulkapi.htm
 */
function bulkUsage(checkpoints: readonly CheckpointRow[]): { jobs: number; batches: number } {
  let jobs = 0;
  let batches = 0;
  for (const c of checkpoints) {
    const n = typeof c.cursor?.jobs === 'number' ? c.cursor.jobs : 0;
    if (n === 0 || c.phase !== 'done') continue;
    jobs += n;
    const records = Number(c.records_written) + Number(c.records_failed);
    batches += Math.max(1, Math.ceil(records / 10_000)) + (n - 1);
  }
  return { jobs, batches };
}
