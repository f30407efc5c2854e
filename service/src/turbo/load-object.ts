// Loading one Salesforce object's spooled rows through Bulk API 2.0: one job (resumed from its checkpoint
// after a crash), then the retryable record failures (row locks, unprocessed rows) sent again in a follow-up
// job, up to `retryRounds` times. What still fails is returned as record failures.
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type jsforce from 'jsforce';
import { csvCell } from '../csv/spool-writer.js';
import {
  BulkJobError,
  resumeBulkJob,
  runBulkJob,
  type BulkJobOutcome,
  type BulkOperation,
  type BulkRecordFailure,
  type ReusedBody,
} from '../salesforce/bulk-upsert.js';
import { retryableCodes } from '../salesforce/retryable-codes.js';

export interface LoadRequest {
  readonly object: string;
  readonly operation: BulkOperation;
  readonly keyField: string;
  readonly csv: () => Readable | ReusedBody;
  readonly resumeJobId: string | undefined;
  readonly onJobCreated: (jobId: string) => Promise<void>;
  /** Once the body of the first job is uploaded, before that job is closed (bulk-upsert.ts). */
  readonly beforeClose?: () => Promise<void>;
  readonly minPollMs: number;
  readonly maxPollMs: number;
  readonly retryRounds?: number;
}

export interface LoadOutcome {
  readonly succeeded: number;
  readonly created: number;
  readonly failures: readonly BulkRecordFailure[];
  readonly jobs: number;
}

/** Job-level transport errors (5xx, network) are retried with backoff; a job that ended Failed is re-sent. */
async function withTransportRetry<T>(what: () => Promise<T>, attempts = 6): Promise<T> {
  for (let i = 0; ; i += 1) {
    try {
      return await what();
    } catch (error) {
      const status = (error as { statusCode?: number; errorCode?: string }).statusCode;
      const transient =
        error instanceof BulkJobError || status === undefined || status >= 500 || status === 429;
      if (!transient || i >= attempts - 1) throw error;
      await sleep(Math.min(200 * 2 ** i, 5_000));
    }
  }
}

export async function loadObject(conn: jsforce.Connection, req: LoadRequest): Promise<LoadOutcome> {
  const base = {
    object: req.object,
    operation: req.operation,
    ...(req.operation === 'upsert' ? { externalIdField: req.keyField } : {}),
    minPollMs: req.minPollMs,
    maxPollMs: req.maxPollMs,
  };
  let jobs = 0;
  // The job this load knows about: a retry after a transport error resumes it instead of starting over.
  let knownJob = req.resumeJobId;
  const first: BulkJobOutcome = await withTransportRetry(async () => {
    if (knownJob !== undefined) {
      const resumed = await resumeBulkJob(conn, knownJob, base);
      if (resumed !== undefined) return resumed;
      knownJob = undefined;
    }
    jobs += 1;
    return runBulkJob(conn, {
      ...base,
      csv: req.csv,
      onJobCreated: async (jobId) => {
        knownJob = jobId;
        await req.onJobCreated(jobId);
      },
      ...(req.beforeClose === undefined ? {} : { beforeClose: req.beforeClose }),
    });
  });
  let succeeded = first.succeeded;
  let created = first.created;
  let failures = [...first.failures];
  for (let round = 0; round < (req.retryRounds ?? 5); round += 1) {
    const again = failures.filter((f) => retryableCodes.has(f.code));
    if (again.length === 0) break;
    const columns = Object.keys(again[0]?.row ?? {});
    const line = (cells: readonly string[]) => cells.map((c) => csvCell(c, false)).join(',');
    const body =
      [columns, ...again.map((f) => columns.map((c) => f.row[c] ?? ''))].map(line).join('\n') + '\n';
    await sleep(200 * (round + 1));
    let retryJob: string | undefined;
    const outcome = await withTransportRetry(async () => {
      if (retryJob !== undefined) {
        const resumed = await resumeBulkJob(conn, retryJob, base);
        if (resumed !== undefined) return resumed;
      }
      jobs += 1;
      return runBulkJob(conn, {
        ...base,
        csv: () => Readable.from([body]),
        onJobCreated: async (jobId) => {
          retryJob = jobId;
        },
      });
    });
    succeeded += outcome.succeeded;
    created += outcome.created;
    failures = [...failures.filter((f) => !retryableCodes.has(f.code)), ...outcome.failures];
  }
  return { succeeded, created, failures, jobs };
}
