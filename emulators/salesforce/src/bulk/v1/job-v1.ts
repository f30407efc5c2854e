import type { ObjectDef } from '../../schema/schema-types.js';

// Bulk API 1.0 jobs and batches as data, and their JobInfo / BatchInfo answers.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/asynch_api_reference_jobinfo.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/asynch_api_reference_batchinfo.htm

export const operationsV1 = [
  'insert',
  'update',
  'upsert',
  'delete',
  'hardDelete',
  'query',
  'queryAll',
] as const;
export type OperationV1 = (typeof operationsV1)[number];
export type JobStateV1 = 'Open' | 'Closed' | 'Aborted' | 'Failed';
export type BatchStateV1 = 'Queued' | 'InProgress' | 'Completed' | 'Failed' | 'NotProcessed';
export type ContentTypeV1 = 'CSV' | 'JSON' | 'XML';

export interface BatchV1 {
  id: string;
  jobId: string;
  state: BatchStateV1;
  stateMessage: string | null;
  createdDate: string;
  systemModstamp: string;
  request: string;
  processed: number;
  failed: number;
  /** Ingest: one result per record. */
  results: Array<{ id: string; success: boolean; created: boolean; error: string }>;
  /** Query: result sets by id (one here). */
  queryResults: Map<string, string>;
  processingMs: number;
}

export interface JobV1 {
  id: string;
  operation: OperationV1;
  def: ObjectDef;
  externalIdFieldName: string | null;
  concurrencyMode: 'Parallel' | 'Serial';
  contentType: ContentTypeV1;
  state: JobStateV1;
  createdById: string;
  createdDate: string;
  systemModstamp: string;
  apiVersion: string;
  batches: BatchV1[];
}

/** Bulk API 1.0 writes dates as `2009-04-14T18:15:59.000Z`. */
export const asyncDate = (storeDate: string): string => storeDate.replace('+0000', 'Z');

export function jobInfo(job: JobV1): Record<string, unknown> {
  const count = (state: BatchStateV1) => job.batches.filter((b) => b.state === state).length;
  const processing = job.batches.reduce((n, b) => n + b.processingMs, 0);
  return {
    id: job.id,
    operation: job.operation,
    object: job.def.name,
    createdById: job.createdById,
    createdDate: asyncDate(job.createdDate),
    systemModstamp: asyncDate(job.systemModstamp),
    state: job.state,
    ...(job.externalIdFieldName ? { externalIdFieldName: job.externalIdFieldName } : {}),
    concurrencyMode: job.concurrencyMode,
    contentType: job.contentType,
    numberBatchesQueued: count('Queued'),
    numberBatchesInProgress: count('InProgress'),
    numberBatchesCompleted: count('Completed'),
    numberBatchesFailed: count('Failed'),
    numberBatchesTotal: job.batches.length,
    numberRecordsProcessed: job.batches.reduce((n, b) => n + b.processed, 0),
    numberRetries: 0,
    apiVersion: job.apiVersion,
    numberRecordsFailed: job.batches.reduce((n, b) => n + b.failed, 0),
    totalProcessingTime: processing,
    apiActiveProcessingTime: processing,
    apexProcessingTime: 0,
  };
}

export function batchInfo(batch: BatchV1): Record<string, unknown> {
  return {
    id: batch.id,
    jobId: batch.jobId,
    state: batch.state,
    ...(batch.stateMessage ? { stateMessage: batch.stateMessage } : {}),
    createdDate: asyncDate(batch.createdDate),
    systemModstamp: asyncDate(batch.systemModstamp),
    numberRecordsProcessed: batch.processed,
    numberRecordsFailed: batch.failed,
    totalProcessingTime: batch.processingMs,
    apiActiveProcessingTime: batch.processingMs,
    apexProcessingTime: 0,
  };
}
