// One Bulk API 2.0 ingest job: open, stream the CSV up, close, poll adaptively, read the per-record results.
// Record-level failures come back as values (with the row's external id and Salesforce's sf__Error text);
// only a job-level failure (the job Failed or Aborted, or never finished) throws.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/bulk_api_2_0.htm
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type jsforce from 'jsforce';
import { scanCsvRecords } from '../csv/csv-record-scanner.js';
import { openIngestResults, readIngestResultInto } from './ingest-results.js';
import { putIngestData, type OnWritten } from './ingest-upload.js';
import { SuccessCount } from './success-count.js';

export type BulkOperation = 'upsert' | 'delete' | 'hardDelete' | 'insert' | 'update';

export interface BulkJobRequest {
  readonly object: string;
  readonly operation: BulkOperation;
  /** Required for upsert. */
  readonly externalIdField?: string;
  /**
   * Opens the CSV body (header line first, LF line endings) once the job exists: a stream, so big bodies never
   * sit in memory, and opened here so that nothing outside the upload holds it (see `uploadBody`).
   */
  readonly csv: () => Readable | string | ReusedBody;
  /** Polling starts at `minPollMs` and doubles up to `maxPollMs`. */
  readonly minPollMs?: number;
  readonly maxPollMs?: number;
  readonly timeoutMs?: number;
  /** Called once the job exists, before the upload, so a caller can checkpoint the job id. */
  readonly onJobCreated?: (jobId: string) => Promise<void>;
  /** Called once the body is uploaded, before the job is closed (UploadComplete) and Salesforce takes it. */
  readonly beforeClose?: () => Promise<void>;
}

/** A body whose chunks view buffers read into again once written: `onWritten` hears of each (ingest-upload.ts). */
export interface ReusedBody {
  readonly body: Readable;
  readonly onWritten: OnWritten;
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

export async function runBulkJob(conn: jsforce.Connection, request: BulkJobRequest): Promise<BulkJobOutcome> {
  const jobId = await uploadBody(conn, request);
  const job = conn.bulk2.job('ingest', { id: jobId });
  await request.beforeClose?.();
  await job.close();
  return finishJob(conn, job, request);
}

/**
 * Opens the job and uploads its body; answers the job's id. The job object that uploaded is left here: jsforce's
 * keeps the body's stream chain (its JobDataV2 and the request streams piped from it), which held each part's
 * last buffers through the polling and the result reads (issue 19: L ran six jobs at a time); the rest of the
 * job is driven by a fresh object that only knows the id. The body is destroyed once answered, read whole or not.
 */
async function uploadBody(conn: jsforce.Connection, request: BulkJobRequest): Promise<string> {
  const job = conn.bulk2.createJob({
    object: request.object,
    operation: request.operation,
    lineEnding: 'LF',
    ...(request.externalIdField === undefined ? {} : { externalIdFieldName: request.externalIdField }),
  });
  await job.open();
  const jobId = job.id ?? '';
  await request.onJobCreated?.(jobId);
  const opened = request.csv();
  if (typeof opened === 'string') {
    await job.uploadData(opened);
    return jobId;
  }
  const { body, onWritten } = 'body' in opened ? opened : { body: opened, onWritten: undefined };
  // The body is written here, not piped by jsforce (which pipes it without an error listener and never says when
  // a chunk is written: ingest-upload.ts). A body that fails (a spool part's read) cuts the upload off, and the
  // job, its upload partial, is aborted instead of closed, so Salesforce never processes that data ("Aborted:
  // the job was aborted by the user", job states:
  // https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/get_job_info.htm), and the error
  // is thrown: the part is retried or the session fails, and a resumed session finds the job Aborted and sends
  // the part again (resumeBulkJob).
  let failure: unknown;
  body.once('error', (error: unknown) => {
    failure = error;
  });
  try {
    await putIngestData(conn, jobId, body, onWritten);
  } catch (error) {
    if (failure === undefined) throw error;
  } finally {
    body.destroy();
  }
  if (failure !== undefined) {
    await job.abort().catch(() => undefined);
    throw new BulkUploadError(jobId, request.object, failure);
  }
  return jobId;
}

/**
 * The body of a Bulk job failed while it was uploaded: the job was aborted, nothing of it processed. The cause's
 * HTTP status, where it has one (a store write made while the body streams), is the error's, so a caller retries
 * or not as it would for the cause itself.
 */
export class BulkUploadError extends Error {
  readonly statusCode: number | undefined;

  constructor(
    readonly jobId: string,
    readonly object: string,
    cause: unknown,
  ) {
    super(
      `Bulk API 2.0 job ${jobId} (${object}) was aborted: its CSV body could not be read (${cause instanceof Error ? cause.message : String(cause)})`,
      { cause },
    );
    this.name = 'BulkUploadError';
    const status = (cause as { statusCode?: unknown } | null)?.statusCode;
    this.statusCode = typeof status === 'number' ? status : undefined;
  }
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
  return finishJob(conn, job, request);
}

type IngestJob = ReturnType<jsforce.Connection['bulk2']['createJob']>;

async function finishJob(
  conn: jsforce.Connection,
  job: IngestJob,
  request: Omit<BulkJobRequest, 'csv'>,
): Promise<BulkJobOutcome> {
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
  // Successes are only counted (the created flag is the second column), on the bytes: nothing of them is kept.
  const count = new SuccessCount();
  await readIngestResultInto(conn, jobId, 'successfulResults', (bytes) => count.push(bytes));
  const { succeeded, created } = count.end();
  // Failed rows are kept whole: they are recorded, and the retryable ones sent again.
  const failures: BulkRecordFailure[] = [];
  let columns: string[] | undefined;
  await scanCsvRecords(
    await openIngestResults(conn, jobId, 'failedResults'),
    Number.POSITIVE_INFINITY,
    (f) => {
      if (columns === undefined) {
        columns = f;
        return;
      }
      const row: Record<string, string> = {};
      let error = '';
      f.forEach((value, i) => {
        const column = columns?.[i] ?? '';
        if (column === 'sf__Error') error = value;
        else if (column !== 'sf__Id') row[column] = value;
      });
      failures.push({ key: row[keyColumn] ?? '', error, code: errorCode(error), row });
    },
  );
  const unprocessed: string[] = [];
  let keyIndex: number | undefined;
  await scanCsvRecords(
    await openIngestResults(conn, jobId, 'unprocessedrecords'),
    Number.POSITIVE_INFINITY,
    (f) => {
      if (keyIndex === undefined) keyIndex = f.indexOf(keyColumn);
      else unprocessed.push(f[keyIndex] ?? '');
    },
  );
  return { jobId, processed: succeeded + failures.length, succeeded, created, failures, unprocessed };
}

/** `sf__Error` reads "CODE:message:fields"; the code is what retry rules look at. */
export function errorCode(sfError: string): string {
  const code = /^([A-Z_]+):/.exec(sfError)?.[1];
  return code ?? 'UNKNOWN';
}
