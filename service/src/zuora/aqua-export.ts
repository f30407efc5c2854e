// Bulk reads through AQuA (the Aggregate Query API): one job carries one export ZOQL query per object,
// runs in one read-only snapshot, and answers a CSV file per query.
// Stateful mode (version 1.1 with partner + project) with `incrementalTime` returns the rows created or
// updated since that time, and with a `deleted` column also the rows deleted since then; we keep our own
// high-water mark and pass it as incrementalTime, as Zuora recommends.
// https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/post-query/post-query-with-retrieval-time
// https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/post-query/export-deleted-data
// https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/get-job-results
import { Readable } from 'node:stream';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { eachCsvRecord, eachCsvRow, type CsvRow } from '../csv/csv-rows.js';
import type { OnRecord } from '../csv/csv-record-scanner.js';
import { eachCsvLine, type LineReader } from '../csv/csv-line-reader.js';
import type { ZuoraClient } from './zuora-client.js';

/** At most 50 queries in one AQuA job.
 * https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/aqua-api-introduction/limits */
export const maxAquaQueries = 50;

export interface AquaQuery {
  readonly name: string;
  readonly query: string;
  /** Adds a Boolean column with this name flagging deleted rows (stateful mode only). */
  readonly deletedColumn?: string;
}

export interface AquaJobRequest {
  readonly name: string;
  readonly queries: readonly AquaQuery[];
  readonly partner?: string;
  readonly project?: string;
  /** Rows changed since this time (stateful mode). */
  readonly incrementalTime?: Date;
  readonly entityId?: string | undefined;
}

export interface AquaBatch {
  readonly name: string;
  readonly status: string;
  readonly fileId?: string;
  readonly recordCount?: number;
  readonly message?: string;
}

interface AquaJob {
  id: string;
  status: string;
  batches?: AquaBatch[];
}

export class AquaJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AquaJobError';
  }
}

/** AQuA's time format: "yyyy-MM-dd HH:mm:ss" (UTC when dateTimeUtc is set). */
export function aquaTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

export async function submitAquaJob(client: ZuoraClient, request: AquaJobRequest): Promise<string> {
  const stateful = request.partner !== undefined && request.project !== undefined;
  const job = await client.request<AquaJob>('POST', '/v1/batch-query/', {
    entityId: request.entityId,
    json: {
      format: 'csv',
      version: '1.1',
      name: request.name,
      encrypted: 'none',
      useQueryLabels: 'true',
      dateTimeUtc: 'true',
      ...(stateful ? { partner: request.partner, project: request.project } : {}),
      ...(stateful && request.incrementalTime !== undefined
        ? { incrementalTime: aquaTime(request.incrementalTime) }
        : {}),
      queries: request.queries.map((q) => ({
        name: q.name,
        query: q.query,
        type: 'zoqlexport',
        ...(stateful && q.deletedColumn !== undefined
          ? { deleted: { column: q.deletedColumn, format: 'Boolean' } }
          : {}),
      })),
    },
  });
  return job.id;
}

export async function waitForAquaJob(
  client: ZuoraClient,
  jobId: string,
  options: { entityId?: string | undefined; minPollMs?: number; maxPollMs?: number; timeoutMs?: number } = {},
): Promise<AquaBatch[]> {
  const deadline = Date.now() + (options.timeoutMs ?? 60 * 60_000);
  let wait = options.minPollMs ?? 100;
  for (;;) {
    const job = await client.request<AquaJob>('GET', `/v1/batch-query/jobs/${encodeURIComponent(jobId)}`, {
      entityId: options.entityId,
    });
    if (job.status === 'completed') {
      const failed = (job.batches ?? []).filter((b) => b.status !== 'completed');
      if (failed.length > 0) {
        throw new AquaJobError(
          `AQuA job ${jobId}: ${failed.map((b) => `${b.name} ${b.status} ${b.message ?? ''}`.trim()).join('; ')}`,
        );
      }
      return job.batches ?? [];
    }
    if (job.status === 'error' || job.status === 'aborted' || job.status === 'cancelled') {
      const reasons = (job.batches ?? []).map((b) => `${b.name}: ${b.message ?? b.status}`).join('; ');
      throw new AquaJobError(`AQuA job ${jobId} ended ${job.status}${reasons === '' ? '' : ` (${reasons})`}`);
    }
    if (Date.now() > deadline)
      throw new AquaJobError(`AQuA job ${jobId} did not complete in time (${job.status})`);
    await sleep(wait);
    wait = Math.min(wait * 2, options.maxPollMs ?? 5_000);
  }
}

/** The CSV result of one batch as a byte stream, for files too big to hold (a full export of a tenant). */
export function streamAquaFile(client: ZuoraClient, fileId: string, entityId?: string): Promise<Readable> {
  return client.requestStream('GET', `/v1/files/${encodeURIComponent(fileId)}`, {
    entityId,
    timeoutMs: 60 * 60_000,
  });
}

/** How long rows are routed before the event loop gets a turn (see `withTurns`). */
const turnMs = 5;

/**
 * The download's chunks, with a turn of the event loop every `turnMs` of work: chunks already received are
 * read through promises alone, so without it timers and I/O (the Bulk uploads and polls of objects loading
 * meanwhile) would wait until the download's buffer ran dry.
 */
async function* withTurns(input: Readable): AsyncGenerator<Buffer | string> {
  let since = performance.now();
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    yield chunk;
    if (performance.now() - since < turnMs) continue;
    await nextTurn();
    since = performance.now();
  }
}

/** Every row of a batch's file as it downloads, keyed by the query's column labels. */
export async function eachAquaRow(
  client: ZuoraClient,
  fileId: string,
  entityId: string | undefined,
  onRow: (row: CsvRow) => void,
): Promise<void> {
  await eachCsvRow(await aquaInput(client, fileId, entityId), onRow);
}

/** Every row of a batch's file as it downloads, as its CSV fields: `start` gets the header (eachCsvRecord). */
export async function eachAquaRecord(
  client: ZuoraClient,
  fileId: string,
  entityId: string | undefined,
  start: (header: string[]) => OnRecord,
): Promise<void> {
  await eachCsvRecord(await aquaInput(client, fileId, entityId), start);
}

/** Every row of a batch's file as it downloads, a clean ASCII line as its bytes where the reader takes it
 * (eachCsvLine). */
export async function eachAquaLine(
  client: ZuoraClient,
  fileId: string,
  entityId: string | undefined,
  start: (header: string[]) => LineReader,
): Promise<void> {
  await eachCsvLine(await aquaInput(client, fileId, entityId), start);
}

/** A batch's file as a byte stream that yields to the event loop as it downloads (withTurns). */
async function aquaInput(
  client: ZuoraClient,
  fileId: string,
  entityId: string | undefined,
): Promise<Readable> {
  return Readable.from(withTurns(await streamAquaFile(client, fileId, entityId)), { objectMode: false });
}
