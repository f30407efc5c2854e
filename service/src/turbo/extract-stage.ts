// Turbo Sync's extract stage: one AQuA job reads every stream of the scope changed since the window start
// (stateful, deleted rows included; a backfill reads what it names as it is now, statelessly), and a second,
// stateless job reads again by id the records whose last sync failed and may now succeed. Each job id is
// checkpointed once submitted, so a resumed session waits for the same jobs instead of submitting others.
// https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/post-query/post-query-with-retrieval-time
import { parentFailedCode, deletedColumn } from '../mapping/record-rules.js';
import { backfillFilter, streamQuery } from '../mapping/stream-plan.js';
import { retryableCodes } from '../salesforce/retryable-codes.js';
import type { ExtractCursor } from '../sessions/checkpoints.js';
import { openFailures } from '../store/failed-record-rows.js';
import { fullSyncStart, readWatermark } from '../store/watermark-rows.js';
import {
  maxAquaQueries,
  submitAquaJob,
  waitForAquaJob,
  type AquaJobRequest,
  type AquaQuery,
} from '../zuora/aqua-export.js';
import { whereChunks } from '../zuora/zoql.js';
import { timedStage } from '../sessions/stage-timer.js';
import type { TurboRun } from './turbo-run.js';

/** Incremental windows start a little before the last mark; upserts make the overlap harmless. */
const overlapMs = 5 * 60_000;
/** Batches of the retry job are named after their stream with this suffix and a number. */
export const retryBatch = /__retry\d+$/;

export async function extractStage(run: TurboRun): Promise<void> {
  const { deps, session, checkpoints } = run;
  const done = checkpoints.get({ kind: 'extract' });
  const saved: Partial<ExtractCursor> = done?.cursor ?? {};
  run.windowEnd = saved.windowEnd === undefined ? (deps.now?.() ?? new Date()) : new Date(saved.windowEnd);
  run.since = await windowStart(run, saved);
  if (done?.phase === 'done') return;
  const cursor: ExtractCursor = {
    ...saved,
    windowEnd: run.windowEnd.toISOString(),
    since: run.since.toISOString(),
  };
  const submitted = async (field: 'aquaJobId' | 'retryJobId', id: string) => {
    cursor[field] = id;
    await checkpoints.write({ kind: 'extract' }, { phase: 'extracting', cursor });
  };
  const entityId = session.entityId === '' ? undefined : session.entityId;
  const resumed = saved.aquaJobId !== undefined;
  const main = saved.aquaJobId ?? (await submitAquaJob(deps.zuora, mainJob(run, entityId)));
  if (!resumed) await submitted('aquaJobId', main);
  let retry = saved.retryJobId;
  if (retry === undefined && !resumed && run.backfill === undefined) {
    const queries = await timedStage(deps, 'extract: open failures', () => retryQueries(run));
    if (queries.length > 0) {
      retry = await submitAquaJob(deps.zuora, {
        name: `zuora-sync ${session.scope} ${session.id} retries`,
        queries,
        entityId,
      });
      await submitted('retryJobId', retry);
    }
  }
  const poll = { entityId, minPollMs: deps.minPollMs ?? 100 };
  const wait = (stage: string, id: string | undefined) =>
    id === undefined ? [] : timedStage(deps, stage, () => waitForAquaJob(deps.zuora, id, poll));
  run.batches = [
    ...(await wait('extract: AQuA job', main)),
    ...(await wait('extract: AQuA retry job', retry)),
  ];
}

async function windowStart(run: TurboRun, saved: Partial<ExtractCursor>): Promise<Date> {
  if (saved.since !== undefined) return new Date(saved.since);
  const { session } = run;
  const mark =
    session.mode === 'full'
      ? undefined
      : await readWatermark(run.deps.store, session.scope, session.entityId);
  return mark === undefined ? fullSyncStart : new Date(mark.getTime() - overlapMs);
}

/** Changed and deleted rows: a stateful job (incrementalTime filters every query of a stateful job). */
function mainJob(run: TurboRun, entityId: string | undefined): AquaJobRequest {
  const { session, backfill } = run;
  if (backfill !== undefined) {
    return {
      name: `zuora-sync backfill ${session.id}`,
      queries: run.streams.map((s) => ({
        name: s.zuoraObject,
        query: streamQuery(s, backfillFilter(s, backfill)),
      })),
      entityId,
    };
  }
  return {
    name: `zuora-sync ${session.scope} ${session.id}`,
    queries: run.streams.map((s) => ({ name: s.zuoraObject, query: streamQuery(s), deletedColumn })),
    partner: 'zuora-salesforce-sync',
    project: `${session.scope}-${session.entityId === '' ? 'default' : session.entityId}${dryRunProject(run)}`,
    incrementalTime: run.since,
    entityId,
  };
}

/**
 * A stateful project remembers which deletions it returned: a dry run reads under a project of its own, so
 * the real session still gets them (the dry run counts only those Salesforce still holds).
 * https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/post-query/export-deleted-data
 */
function dryRunProject(run: TurboRun): string {
  return run.session.params.dryRun === true ? `-dry-run-${run.session.id}` : '';
}

/**
 * Records whose last sync failed are read again whatever their UpdatedDate: transient errors, and records
 * held back for a parent that has synced since. At most 50 queries a job; any rest waits for the next session.
 */
async function retryQueries(run: TurboRun): Promise<AquaQuery[]> {
  const queries: AquaQuery[] = [];
  const rule = { retryableCodes: [...retryableCodes], waitingCode: parentFailedCode };
  const names = run.streams.map((s) => s.zuoraObject);
  const open = await openFailures(run.deps.store, names, run.session.entityId, rule);
  for (const stream of run.streams) {
    const ids = new Set<string>();
    for (const f of open) if (f.stream === stream.zuoraObject && f.zuoraId !== null) ids.add(f.zuoraId);
    whereChunks([...ids]).forEach((chunk, n) => {
      if (queries.length >= maxAquaQueries) return;
      queries.push({
        name: `${stream.zuoraObject}__retry${String(n)}`,
        query: streamQuery(stream, { byIds: { path: 'Id', ids: chunk } }),
      });
    });
  }
  return queries;
}
