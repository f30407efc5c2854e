// Turbo Sync's spool stage: each AQuA batch is read as it downloads, its rows taken through the record rules
// and maps every engine uses (mapping/record-router.ts) and written to the spool per Salesforce object and
// pass; a row of the retry job replaces the main job's copy of the same record. Billing accounts cancelled
// within an incremental window take their records with them: those did not change, so a follow-up job reads
// them by account. Mapping failures are stored before anything loads, so their children wait for them.
import { join } from 'node:path';
import {
  eachAquaLine,
  eachAquaRow,
  maxAquaQueries,
  submitAquaJob,
  waitForAquaJob,
  type AquaBatch,
} from '../zuora/aqua-export.js';
import { StreamRouter } from '../mapping/record-router.js';
import { ownCopy } from '../mapping/own-copy.js';
import { dispositionOf, RemovedRecords, type ZuoraRow } from '../mapping/record-rules.js';
import { streamQuery, type StreamSpec } from '../mapping/stream-plan.js';
import type { ExtractCursor } from '../sessions/checkpoints.js';
import { fullSyncStart } from '../store/watermark-rows.js';
import { whereChunks } from '../zuora/zoql.js';
import { collectionsSessionLimit } from './turbo-writer.js';
import { retryBatch } from './extract-stage.js';
import { SpoolOutput } from './spool-output.js';
import { StagedRouter } from './staged-router.js';
import { linesInto, readersOf, type LinesOf } from './line-feed.js';
import { releaseLeftOut } from './left-out-release.js';
import { FailureFlush } from './failure-flush.js';
import type { TurboRun } from './turbo-run.js';

/** Spools the extraction; each object's gate (spool-gates.ts) opens once its parts are complete. */
export async function spoolStage(run: TurboRun): Promise<void> {
  try {
    await spoolAll(run);
  } catch (error) {
    run.gates.fail(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
  run.gates.openAll();
}

async function spoolAll(run: TurboRun): Promise<void> {
  const { checkpoints, counts } = run;
  const extract = checkpoints.get({ kind: 'extract' });
  if (extract?.phase === 'done') {
    counts.addRead(Object.entries(extract.cursor?.read ?? {}));
    for (const [object, n] of Object.entries(extract.cursor?.mappingFailures ?? {}))
      counts.of(object).failed += n;
    return;
  }
  run.spool.clear();
  const output = new SpoolOutput(run.spool, run.session.entityId, collectionsSessionLimit);
  const routing: Routing = {
    output,
    read: new Map<string, number>(),
    removed: new RemovedRecords(),
    complete: [],
    flush: new FailureFlush(output, (failures) => run.plan.settleRead(failures)),
  };
  const read = routing.read;
  const cancelled = await spoolBatches(run, routing);
  // A full export holds every record of a cancelled account already; a backfill reads what it names.
  if (cancelled.length > 0 && run.backfill === undefined && run.since > fullSyncStart)
    await spoolCancelledAccounts(run, routing, cancelled);
  run.memory = output.close();
  await routing.flush.settle();
  counts.addRead(read);
  const mappingFailures: Record<string, number> = { ...output.failureCounts };
  const cursor: ExtractCursor = {
    ...(checkpoints.get({ kind: 'extract' })?.cursor ?? { windowEnd: run.windowEnd.toISOString() }),
    read: Object.fromEntries(read),
    mappingFailures,
    skipped: output.skippedByStream,
  };
  await checkpoints.write(
    { kind: 'extract' },
    {
      phase: 'done',
      cursor,
      recordsRead: [...read.values()].reduce((a, b) => a + b, 0),
      recordsFailed: output.failureTotal,
    },
  );
}

/** What every stream of one spool stage shares: the output, the read counts, the records removed so far. */
interface Routing {
  readonly output: SpoolOutput;
  readonly read: Map<string, number>;
  readonly removed: RemovedRecords;
  /** Objects no stream still to be routed writes, not yet opened for loading. */
  complete: string[];
  /** Mapping failures stored a batch at a time as streams are routed. */
  readonly flush: FailureFlush;
}

/**
 * After a stream of the main job: the objects it completed load while extraction goes on, where nothing can
 * append to their parts later (spool-gates.ts): their mapping failures are stored first (children are
 * screened against them) and their parts closed.
 */
async function release(run: TurboRun, routing: Routing, stream: string): Promise<void> {
  routing.complete.push(...run.gates.routed(stream));
  const early = run.session.params.dryRun !== true && routing.output.large;
  if (!early || routing.complete.length === 0) return;
  const { output } = routing;
  await routing.flush.settle();
  output.closeObjects(routing.complete);
  run.gates.allowEarly();
  run.gates.open(routing.complete);
  routing.complete = [];
}

interface Feed {
  readonly stream: StreamSpec;
  /** `lines` is the fast path of a file with a header (StreamRouter.lines); a feed may leave it unused. */
  readonly rows: (onRow: (row: ZuoraRow) => void, lines?: LinesOf) => Promise<void>;
}

/** Routes a stream's rows into the spool; answers the billing accounts it found cancelled. */
async function route(run: TurboRun, routing: Routing, feed: Feed): Promise<string[]> {
  const { stream } = feed;
  const { read, output } = routing;
  const router = new StreamRouter(stream, run.context, output, routing.removed);
  const staged = new StagedRouter(router, join(run.spool.dir, `${stream.zuoraObject}.staging.jsonl`));
  const cancelled: string[] = [];
  const onRow = (row: ZuoraRow) => {
    if (stream.zuoraObject === 'Account') {
      const d = dispositionOf(stream.owner, row);
      if (d.kind === 'delete' && d.reason === 'cancelled-account') cancelled.push(ownCopy(row.Id ?? ''));
    }
    staged.add(row);
    routing.flush.check();
  };
  const lines = stream.zuoraObject === 'Account' ? undefined : linesInto(router, staged, output);
  await feed.rows(onRow, lines);
  await staged.finish();
  for (const [object, n] of router.read) read.set(object, (read.get(object) ?? 0) + n);
  run.deps.onProgress?.({
    object: stream.zuoraObject,
    phase: 'extracted',
    records: staged.records,
    failed: 0,
  });
  return cancelled;
}

async function spoolBatches(run: TurboRun, routing: Routing): Promise<string[]> {
  const { deps, session } = run;
  const entityId = session.entityId === '' ? undefined : session.entityId;
  const fileRows = (fileId: string) => (onRow: (row: ZuoraRow) => void) =>
    eachAquaRow(deps.zuora, fileId, entityId, onRow);
  // Retry batches are small (at most 50 queries of 190 ids): read first and indexed by id, so that a main
  // batch drops the ids it carries itself and only the rest are added. Main batches are never held whole.
  const retryRows = new Map<string, Map<string, ZuoraRow>>();
  for (const batch of run.batches) {
    if (!retryBatch.test(batch.name) || batch.fileId === undefined) continue;
    const name = batch.name.replace(retryBatch, '');
    const rows = retryRows.get(name) ?? new Map<string, ZuoraRow>();
    retryRows.set(name, rows);
    await fileRows(batch.fileId)((row) => rows.set(row.Id ?? '', row));
  }
  const byName = new Map(run.streams.map((s) => [s.zuoraObject, s]));
  const cancelled: string[] = [];
  const routeStream = async (stream: StreamSpec, batch: AquaBatch | undefined) => {
    const retry = retryRows.get(stream.zuoraObject);
    retryRows.delete(stream.zuoraObject);
    const rows = async (onRow: (row: ZuoraRow) => void, lines?: LinesOf) => {
      if (batch?.fileId !== undefined && (retry === undefined || retry.size === 0))
        await eachAquaLine(deps.zuora, batch.fileId, entityId, readersOf(onRow, lines));
      else if (batch?.fileId !== undefined)
        await fileRows(batch.fileId)((row) => {
          retry?.delete(row.Id ?? '');
          onRow(row);
        });
      for (const row of retry?.values() ?? []) onRow(row);
    };
    cancelled.push(...(await route(run, routing, { stream, rows })));
  };
  const mainStreams = run.batches.filter((b) => byName.has(b.name) && b.fileId !== undefined);
  const pending = new Set(mainStreams.map((b) => b.name));
  for (const batch of mainStreams) {
    const stream = byName.get(batch.name) as StreamSpec;
    await routeStream(stream, batch);
    pending.delete(batch.name);
    // Cancelled accounts are known once the accounts are routed; their records are then read again.
    const followUp =
      pending.has('Account') ||
      (cancelled.length > 0 && run.backfill === undefined && run.since > fullSyncStart);
    releaseLeftOut(routing.removed, [...pending, ...retryRows.keys()], followUp);
    await release(run, routing, stream.zuoraObject);
  }
  for (const name of [...retryRows.keys()]) {
    const stream = byName.get(name);
    if (stream !== undefined) await routeStream(stream, undefined);
  }
  return cancelled;
}

/** Reads the records of `accountIds` (cancelled) in follow-up jobs, checkpointed, and routes them (deletions). */
async function spoolCancelledAccounts(
  run: TurboRun,
  routing: Routing,
  accountIds: readonly string[],
): Promise<void> {
  const { deps, session, checkpoints } = run;
  const entityId = session.entityId === '' ? undefined : session.entityId;
  const streams = run.streams.filter((s) => s.owner !== undefined && s.zuoraObject !== 'Account');
  const queries = streams.flatMap((s) =>
    whereChunks(accountIds).map((ids, n) => ({
      name: `${s.zuoraObject}__cancelled${String(n)}`,
      query: streamQuery(s, { byIds: { path: s.owner?.id ?? 'Account.Id', ids } }),
    })),
  );
  const byName = new Map(streams.map((s) => [s.zuoraObject, s]));
  for (let j = 0; j * maxAquaQueries < queries.length; j += 1) {
    const cursor = checkpoints.get({ kind: 'extract' })?.cursor ?? { windowEnd: run.windowEnd.toISOString() };
    let jobId = cursor.cancelledJobIds?.[j];
    if (jobId === undefined) {
      jobId = await submitAquaJob(deps.zuora, {
        name: `zuora-sync ${session.scope} ${session.id} cancelled accounts ${String(j)}`,
        queries: queries.slice(j * maxAquaQueries, (j + 1) * maxAquaQueries),
        entityId,
      });
      const ids = [...(cursor.cancelledJobIds ?? []), jobId];
      await checkpoints.write(
        { kind: 'extract' },
        { phase: 'extracting', cursor: { ...cursor, cancelledJobIds: ids } },
      );
    }
    const batches = await waitForAquaJob(deps.zuora, jobId, { entityId, minPollMs: deps.minPollMs ?? 100 });
    for (const batch of batches) {
      const stream = byName.get(batch.name.replace(/__cancelled\d+$/, ''));
      const fileId = batch.fileId;
      if (stream === undefined || fileId === undefined) continue;
      await route(run, routing, {
        stream,
        rows: (onRow) => eachAquaRow(deps.zuora, fileId, entityId, onRow),
      });
    }
  }
}
