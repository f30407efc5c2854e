// One Bulk API 2.0 ingest job: open, stream the CSV up, close, poll adaptively, read the per-record results.
// Record-level failures come back as values (with the row's external id and Salesforce's sf__Error text);
// only a job-level failure (the job Failed or Aborted, or never finished) throws.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/bulk_api_2_0.htm
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import type jsforce from 'jsforce';

export type BulkOperation = 'upsert' | 'delete' | 'hardDelete' | 'insert' | 'update';

export interface BulkJobRequest {
  readonly object: string;
  readonly operation: BulkOperation;
  /** Required for upsert. */
  readonly externalIdField?: string;
  /** A CSV body (header line first, LF line endings): a stream, so big bodies never sit in memory. */
  readonly csv: Readable | string;
  /** Polling starts at `minPollMs` and doubles up to `maxPollMs`. */
  readonly minPollMs?: number;
  readonly maxPollMs?: number;
  readonly timeoutMs?: number;
  /** Called once the job exists, before the upload, so a caller can checkpoint the job id. */
  readonly onJobCreated?: (jobId: string) => Promise<void>;
}

export interface BulkRecordFailure {
  /** The external id (or Id for deletes) of the row, as sent. */
  readonly key: string;
  readonly error: string;
  readonly code: string;
  /** The row as it was sent, so a retryable failure can be sent again. */
  readonly row: Readonly<Record<string, string>>;
}

export interface BulkJobOutcome {
  readonly jobId: string;
  readonly processed: number;
  readonly succeeded: number;
  readonly created: number;
  readonly failures: readonly BulkRecordFailure[];
  /** Rows the job never got to (it was aborted or failed part-way). */
  readonly unprocessed: readonly string[];
}

export class BulkJobError extends Error {
  constructor(
    readonly jobId: string,
    readonly state: string,
    message: string,
  ) {
    super(`Bulk API 2.0 job ${jobId} ended ${state}: ${message}`);
    this.name = 'BulkJobError';
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function runBulkJob(conn: jsforce.Connection, request: BulkJobRequest): Promise<BulkJobOutcome> {
  const job = conn.bulk2.createJob({
    object: request.object,
    operation: request.operation,
    lineEnding: 'LF',
    ...(request.externalIdField === undefined ? {} : { externalIdFieldName: request.externalIdField }),
  });
  await job.open();
  const jobId = job.id ?? '';
  await request.onJobCreated?.(jobId);
  await job.uploadData(request.csv);
  await job.close();
  return finishJob(job, request);
}

/**
 * Picks up a job a crashed session had created: its results when it completed or is still running, or
 * undefined when it never got its data (Open) or ended Failed/Aborted, so the caller re-sends it.
 */
export async function resumeBulkJob(
  conn: jsforce.Connection,
  jobId: string,
  request: Omit<BulkJobRequest, 'csv'>,
): Promise<BulkJobOutcome | undefined> {
  const job = conn.bulk2.job('ingest', { id: jobId });
  const info = await job.check();
  if (info.state === 'Open') {
    await job.abort().catch(() => undefined);
    return undefined;
  }
  if (info.state === 'Failed' || info.state === 'Aborted') return undefined;
  return finishJob(job, request);
}

type IngestJob = ReturnType<jsforce.Connection['bulk2']['createJob']>;

async function finishJob(job: IngestJob, request: Omit<BulkJobRequest, 'csv'>): Promise<BulkJobOutcome> {
  const jobId = job.id ?? '';
  const deadline = Date.now() + (request.timeoutMs ?? 30 * 60_000);
  let wait = request.minPollMs ?? 100;
  for (;;) {
    const info = await job.check();
    if (info.state === 'JobComplete') break;
    if (info.state === 'Failed' || info.state === 'Aborted') {
      throw new BulkJobError(jobId, info.state, info.errorMessage ?? 'no message');
    }
    if (Date.now() > deadline) throw new BulkJobError(jobId, info.state, 'did not finish in time');
    await sleep(wait);
    wait = Math.min(wait * 2, request.maxPollMs ?? 5_000);
  }

  const keyColumn = request.externalIdField ?? 'Id';
  const successCsv = await job.getSuccessfulResults(true);
  const failedCsv = await job.getFailedResults(true);
  const unprocessedCsv = await job.getUnprocessedRecords(true);
  const options = { columns: true, skip_empty_lines: true } as const;
  const successes = parse<Record<string, string>>(successCsv, options);
  const failed = parse<Record<string, string>>(failedCsv, options);
  const unprocessed = parse<Record<string, string>>(unprocessedCsv, options);
  return {
    jobId,
    processed: successes.length + failed.length,
    succeeded: successes.length,
    created: successes.filter((r) => r.sf__Created === 'true').length,
    failures: failed.map((r) => {
      const { sf__Id: _id, sf__Error: error = '', ...row } = r;
      return { key: r[keyColumn] ?? '', error, code: errorCode(error), row };
    }),
    unprocessed: unprocessed.map((r) => r[keyColumn] ?? ''),
  };
}

/** `sf__Error` reads "CODE:message:fields"; the code is what retry rules look at. */
export function errorCode(sfError: string): string {
  const code = /^([A-Z_]+):/.exec(sfError)?.[1];
  return code ?? 'UNKNOWN';
}
