import { makeSalesforceId } from '../../../shared/salesforce-id.js';
import type { EmulatorContext } from '../emulator-context.js';
import type { RecordsResult } from '../soql/query-result.js';
import { ingestTransitions, terminalStates, type IngestJob, type IngestState } from './ingest-job.js';
import { CsvError } from './csv-reader.js';
import { finishedResults } from './job-results.js';
import { BATCH_SIZE, openUpload, processBatch } from './process-ingest.js';
import { ResultFiles } from './result-files.js';
import type { JobV1 } from './v1/job-v1.js';
import { releaseCellPlans } from './fast-ingest.js';

// Registry of Bulk API 2.0 jobs and the asynchronous worker that moves ingest jobs through
// UploadComplete -> InProgress -> JobComplete/Failed, one internal batch per macrotask.

export interface QueryJob {
  id: string;
  operation: 'query' | 'queryAll';
  object: string;
  query: string;
  state: 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  createdById: string;
  createdDate: string;
  systemModstamp: string;
  apiVersion: number;
  delimiter: string;
  columnDelimiter: string;
  lineEnding: 'LF' | 'CRLF';
  result: RecordsResult | null;
  startedAt: number;
  finishedAt: number;
}

export class BulkJobs {
  readonly ingest = new Map<string, IngestJob>();
  readonly queries = new Map<string, QueryJob>();
  /** Bulk API 1.0 jobs. */
  readonly v1 = new Map<string, JobV1>();
  private sequence = 1;
  private timers = new Set<NodeJS.Timeout>();
  private readonly files = new ResultFiles();

  constructor(private readonly ctx: EmulatorContext) {}

  nextId(): string {
    return makeSalesforceId('750', this.sequence++);
  }

  transition(job: IngestJob, to: IngestState): boolean {
    if (!ingestTransitions[job.state].includes(to)) return false;
    job.state = to;
    job.systemModstamp = this.ctx.store.now();
    if (terminalStates.has(to)) {
      job.finishedAt = Date.now();
      job.cellEnds = null;
      releaseCellPlans(job);
      this.keepResults(job);
    }
    return true;
  }

  /** Moves an ended job's result parts to their compact copy (job-results.ts), the upload to disk. */
  private keepResults(job: IngestJob): void {
    // A job deleted while it was processed: nobody can ask for its results, no file to leave behind.
    if (this.ingest.get(job.id) !== job) return;
    job.results = finishedResults(job, this.ctx.store.table(job.def).codec, this.files);
    job.data = null;
    // The header was cut from the upload: its slice would keep all of it alive.
    job.header = job.results.header;
    job.rowStarts = [];
    job.rowEnds = [];
    job.resultIds = [];
    job.resultCreated = [];
  }

  /** Drops an ingest job and its result files. */
  remove(job: IngestJob): void {
    this.ingest.delete(job.id);
    if (job.results !== undefined) job.results.drop();
    else if (job.uploadFile) this.files.remove(job.uploadFile);
    job.uploadFile = null;
  }

  /** Puts an upload of ASCII bytes (its text's characters, byte for byte) on disk for the job's result files. */
  keepUpload(job: IngestJob, bytes: Uint8Array): void {
    job.uploadFile = this.files.writeBytes(job.id, bytes);
  }

  /** Runs `fn` after `ms` (timers are cleared with the jobs). */
  later(fn: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  /** Starts processing after UploadComplete. */
  start(job: IngestJob): void {
    this.later(() => {
      if (job.state !== 'UploadComplete') return;
      let failure: string | null;
      try {
        failure = openUpload(this.ctx, job);
      } catch (error) {
        failure = `InternalError : ${(error as Error).message}`;
      }
      if (failure) {
        job.errorMessage = failure;
        this.transition(job, 'Failed');
        return;
      }
      job.startedAt = Date.now();
      this.transition(job, 'InProgress');
      this.step(job, 0);
    }, 0);
  }

  private step(job: IngestJob, from: number): void {
    if (job.state !== 'InProgress') return;
    const total = job.rowStarts.length;
    if (from >= total) {
      this.transition(job, 'JobComplete');
      return;
    }
    const rate = this.ctx.bulkRecordsPerSecond;
    const size = rate > 0 ? Math.max(1, Math.min(BATCH_SIZE, Math.ceil(rate / 10))) : BATCH_SIZE;
    const to = Math.min(total, from + size);
    const started = Date.now();
    try {
      processBatch(this.ctx, job, from, to);
    } catch (error) {
      // A malformed row the first pass let through (e.g. text after a closing quote) fails the
      // job as the API does; nothing in a job may take the process down.
      job.errorMessage =
        error instanceof CsvError
          ? `InvalidBatch : ${error.message}`
          : `InternalError : ${(error as Error).message}`;
      this.transition(job, 'Failed');
      return;
    }
    const wait = rate > 0 ? Math.max(0, ((to - from) / rate) * 1000 - (Date.now() - started)) : 0;
    this.later(() => this.step(job, to), wait);
  }

  runQuery(job: QueryJob, run: () => RecordsResult): void {
    this.later(() => {
      if (job.state !== 'UploadComplete') return;
      job.state = 'InProgress';
      job.startedAt = Date.now();
      try {
        job.result = run();
        job.state = 'JobComplete';
      } catch {
        job.state = 'Failed';
      }
      job.finishedAt = Date.now();
      job.systemModstamp = this.ctx.store.now();
    }, 0);
  }

  /**
   * What the ingest jobs hold for their result files, about: the uploads (a character a byte, twice for
   * text beyond Latin-1) and the per-row arrays (8 bytes a cell).
   */
  memory(): { jobs: number; rows: number; uploads: number; rowArrays: number } {
    let rows = 0;
    let uploads = 0;
    let rowArrays = 0;
    for (const job of this.ingest.values()) {
      if (job.results !== undefined) {
        // The upload is on disk; 4 + 4 + 4 + 1 bytes a row.
        rows += job.results.rows;
        rowArrays += 13 * job.results.rows;
        continue;
      }
      rows += job.rowStarts.length;
      uploads += job.data?.length ?? 0;
      rowArrays +=
        8 * (job.rowStarts.length + job.rowEnds.length + job.resultIds.length + job.resultCreated.length);
    }
    return { jobs: this.ingest.size, rows, uploads, rowArrays };
  }

  clear(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.ingest.clear();
    this.files.clear();
    this.queries.clear();
    this.v1.clear();
  }
}
