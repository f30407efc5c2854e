// Data Query jobs (POST /query/jobs): an SQL query runs asynchronously (accepted, in_progress, then
// completed, failed or cancelled) and its result is a file of JSON Lines, CSV, TSV or DSV, optionally gzipped
// or zipped, behind a pre-signed `dataFile` URL. Column names are lower case, an unnamed expression is
// `_col<n>` as in Trino, from which Data Query is adapted. The Live source returns at most 500,000 rows;
// `readDeleted` reads the deleted records instead of the live ones.
// https://docs.zuora.com/en/zuora-platform/data/data-query/overview-of-data-query ;
// https://developer.zuora.com/v1-api-reference/api/operation/POST_DataQueryJob/
import { randomUUID } from 'node:crypto';
import type { FileStore } from '../files/file-store.js';
import { delimitedText, jsonLinesText } from '../files/result-text.js';
import type { ZRecord } from '../model/zuora-record.js';
import { compileQuery } from '../query/compile-query.js';
import { runQuery } from '../query/run-query.js';
import type { TenantStore } from '../store/tenant-store.js';
import type { UrlSigner } from './presigned-url.js';

export type QueryStatus = 'accepted' | 'in_progress' | 'completed' | 'failed' | 'cancelled';

export interface DataQueryRequest {
  query: string;
  outputFormat: 'JSON' | 'CSV' | 'TSV' | 'DSV';
  compression: 'NONE' | 'GZIP' | 'ZIP';
  columnSeparator?: string | undefined;
  readDeleted: boolean;
  useIndexJoin: boolean;
  sourceData: 'LIVE';
}

export interface DataQueryJob extends DataQueryRequest {
  id: string;
  queryStatus: QueryStatus;
  createdBy: string;
  createdOn: string;
  updatedOn: string;
  remainingRetries: number;
  dataFile?: string;
  outputRows?: number;
  processingTime?: number;
  errorMessage?: string;
  entityId: string | null;
  /** Base URL the job was submitted to, for its dataFile link. */
  baseUrl: string;
}

const maxOutputRows = 500_000;
const resultTtlSeconds = 7 * 24 * 3600;

export class DataQueryService {
  readonly jobs = new Map<string, DataQueryJob>();

  constructor(
    private readonly store: TenantStore,
    private readonly files: FileStore,
    private readonly signer: UrlSigner,
    private readonly now: () => Date,
  ) {}

  submit(request: DataQueryRequest, entityId: string | null, baseUrl: string): DataQueryJob {
    const at = this.now().toISOString();
    const job: DataQueryJob = {
      ...request,
      id: randomUUID(),
      queryStatus: 'accepted',
      createdBy: 'emulator-api-user',
      createdOn: at,
      updatedOn: at,
      remainingRetries: 3,
      entityId,
      baseUrl,
    };
    this.jobs.set(job.id, job);
    setImmediate(() => {
      if (job.queryStatus !== 'accepted') return;
      this.update(job, { queryStatus: 'in_progress' });
      setImmediate(() => this.run(job));
    });
    return job;
  }

  cancel(job: DataQueryJob): void {
    if (job.queryStatus === 'accepted' || job.queryStatus === 'in_progress')
      this.update(job, { queryStatus: 'cancelled' });
  }

  private update(job: DataQueryJob, change: Partial<DataQueryJob>): void {
    Object.assign(job, change, { updatedOn: this.now().toISOString() });
  }

  private run(job: DataQueryJob): void {
    if (job.queryStatus !== 'in_progress') return;
    const started = Date.now();
    const compiled = compileQuery(this.store, job.query, 'sql');
    if (!compiled.ok)
      return this.update(job, { queryStatus: 'failed', errorMessage: compiled.error.message });
    const q = compiled.query;
    const source: ZRecord[] = job.readDeleted
      ? this.store
          .deletedSince(q.object, -1)
          .filter((d) => job.entityId === null || d.entityId === job.entityId)
          .map((d) => d.record)
      : [...this.store.scan(q.object, job.entityId)].map((s) => s.record);
    const rows = [...runQuery(q, source)];
    if (rows.length > maxOutputRows)
      return this.update(job, {
        queryStatus: 'failed',
        errorMessage: `The query returns ${rows.length} rows; Data Query Live returns at most ${maxOutputRows}.`,
      });
    const names = q.columns.map((c, i) =>
      (c.alias ?? (c.aggregate === null ? c.label : `_col${i}`)).toLowerCase(),
    );
    const separator =
      job.outputFormat === 'TSV' ? '\t' : job.outputFormat === 'DSV' ? (job.columnSeparator ?? ',') : ',';
    const text =
      job.outputFormat === 'JSON'
        ? jsonLinesText(q.columns, names, rows)
        : delimitedText(q.columns, names, rows, separator);
    const kind = ({ JSON: 'json', CSV: 'csv', TSV: 'tsv', DSV: 'dsv' } as const)[job.outputFormat];
    const fileId = this.files.put(text, {
      kind,
      compression: job.compression === 'NONE' ? 'none' : job.compression === 'GZIP' ? 'gzip' : 'zip',
      entryName: `${job.id}.${kind}`,
      entityId: job.entityId,
    });
    this.update(job, {
      queryStatus: 'completed',
      outputRows: rows.length,
      processingTime: Date.now() - started,
      dataFile: `${job.baseUrl}/query/results/${fileId}?${this.signer.sign(fileId, resultTtlSeconds)}`,
    });
  }
}
