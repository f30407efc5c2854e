import type { ObjectDef } from '../schema/schema-types.js';
import type { CellEnds } from './cell-ends.js';
import type { IngestColumn } from './ingest-columns.js';
import type { FinishedResults } from './job-results.js';

// Bulk API 2.0 ingest job: state machine as data and the job-info JSON.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/get_job_info.htm

export const ingestStates = [
  'Open',
  'UploadComplete',
  'InProgress',
  'JobComplete',
  'Failed',
  'Aborted',
] as const;
export type IngestState = (typeof ingestStates)[number];

/** Allowed transitions; a client may only ask for UploadComplete or Aborted. */
export const ingestTransitions: Record<IngestState, IngestState[]> = {
  Open: ['UploadComplete', 'Aborted', 'Failed'],
  UploadComplete: ['InProgress', 'Aborted', 'Failed'],
  InProgress: ['JobComplete', 'Failed', 'Aborted'],
  JobComplete: [],
  Failed: [],
  Aborted: [],
};

export const terminalStates = new Set<IngestState>(['JobComplete', 'Failed', 'Aborted']);

export const ingestOperations = ['insert', 'update', 'upsert', 'delete', 'hardDelete'] as const;
export type IngestOperation = (typeof ingestOperations)[number];

export interface IngestJob {
  id: string;
  def: ObjectDef;
  operation: IngestOperation;
  externalIdFieldName: string | null;
  columnDelimiter: string;
  delimiter: string;
  lineEnding: 'LF' | 'CRLF';
  state: IngestState;
  createdById: string;
  createdDate: string;
  systemModstamp: string;
  apiVersion: number;
  errorMessage: string | null;
  data: string | null;
  header: string | null;
  columns: IngestColumn[] | null;
  /** Source offsets of each data row in `data`. */
  rowStarts: number[];
  rowEnds: number[];
  /** The rows' cell ends while an insert or upsert job is processed (cell-ends.ts). */
  cellEnds: CellEnds | null;
  /**
   * Per processed row (rows run in order, so the index is the row): Id, created flag, error. An Id the
   * object generated is kept as its record number until results are read (resultIdOf).
   */
  resultIds: Array<string | number>;
  resultCreated: boolean[];
  resultErrors: Map<number, string>;
  /**
   * Once the job has ended: its result files' parts (job-results.ts), the upload on disk; `data`, the row
   * offsets and the per-row results above are then let go.
   */
  results?: FinishedResults;
  /**
   * An upload of ASCII characters only, on disk as received (result-files.ts) until the job ends and its
   * results take it over: its bytes are `data`'s characters, offset for offset.
   */
  uploadFile?: string | null;
  /** Rows not reached before an abort or failure. */
  unprocessedFrom: number;
  processedCount: number;
  failedCount: number;
  startedAt: number;
  finishedAt: number;
}

export function ingestJobInfo(job: IngestJob, version: string) {
  return {
    id: job.id,
    operation: job.operation,
    object: job.def.name,
    createdById: job.createdById,
    createdDate: job.createdDate,
    systemModstamp: job.systemModstamp,
    state: job.state,
    ...(job.externalIdFieldName ? { externalIdFieldName: job.externalIdFieldName } : {}),
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: job.apiVersion,
    jobType: 'V2Ingest',
    ...(job.state === 'Open'
      ? { contentUrl: `services/data/v${version}/jobs/ingest/${job.id}/batches` }
      : {}),
    lineEnding: job.lineEnding,
    columnDelimiter: job.columnDelimiter,
    numberRecordsProcessed: job.processedCount,
    numberRecordsFailed: job.failedCount,
    retries: 0,
    totalProcessingTime: job.finishedAt && job.startedAt ? job.finishedAt - job.startedAt : 0,
    apiActiveProcessingTime: job.finishedAt && job.startedAt ? job.finishedAt - job.startedAt : 0,
    apexProcessingTime: 0,
    ...(job.errorMessage ? { errorMessage: job.errorMessage } : {}),
  };
}
