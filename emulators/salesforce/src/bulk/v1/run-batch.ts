import type { EmulatorContext } from '../../emulator-context.js';
import { flatRowReader, queryRecord } from '../../rest/record-json.js';
import { runQuery } from '../../soql/run-query.js';
import { parseSoql } from '../../soql/soql-parser.js';
import { RequestError } from '../../store/sf-error.js';
import { bulkQueryRefusal, compoundRefusal } from '../bulk-query-support.js';
import { CsvError, csvLine } from '../csv-reader.js';
import type { IngestJob, IngestOperation } from '../ingest-job.js';
import { openUpload, processBatch, resultIdOf } from '../process-ingest.js';
import type { BatchV1, JobV1 } from './job-v1.js';

// Processes one Bulk API 1.0 batch. Ingest batches go through the Bulk API 2.0 row pipeline (same
// validation, same `CODE:message:fields --` errors); a batch holds at most 10,000 records. Query
// batches run their SOQL with Bulk query's restrictions and keep one result set.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/asynch_api_concepts_limits.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/asynch_api_bulk_query_intro.htm

export const MAX_BATCH_RECORDS = 10_000;

function ingestShape(ctx: EmulatorContext, job: JobV1, csv: string): IngestJob {
  const now = ctx.store.now();
  return {
    id: job.id,
    def: job.def,
    operation: job.operation as IngestOperation,
    externalIdFieldName: job.externalIdFieldName,
    columnDelimiter: 'COMMA',
    delimiter: ',',
    lineEnding: 'LF',
    state: 'InProgress',
    createdById: job.createdById,
    createdDate: now,
    systemModstamp: now,
    apiVersion: Number(job.apiVersion),
    errorMessage: null,
    data: csv.charCodeAt(0) === 0xfeff ? csv.slice(1) : csv,
    header: null,
    columns: null,
    rowStarts: [],
    rowEnds: [],
    cellEnds: null,
    resultIds: [],
    resultCreated: [],
    resultErrors: new Map(),
    unprocessedFrom: 0,
    processedCount: 0,
    failedCount: 0,
    startedAt: 0,
    finishedAt: 0,
  };
}

function runIngest(ctx: EmulatorContext, job: JobV1, batch: BatchV1, csv: string): void {
  const shape = ingestShape(ctx, job, csv);
  const failure = openUpload(ctx, shape);
  if (failure) throw new Error(failure);
  const rows = shape.rowStarts.length;
  if (rows > MAX_BATCH_RECORDS)
    throw new Error(
      `InvalidBatch : Records in a single batch can't exceed ${MAX_BATCH_RECORDS}; this one has ${rows}`,
    );
  processBatch(ctx, shape, 0, rows);
  for (let r = 0; r < rows; r += 1) {
    const error = shape.resultErrors.get(r) ?? '';
    batch.results.push({
      id: resultIdOf(ctx, shape, r),
      success: error === '',
      created: shape.resultCreated[r] ?? false,
      error,
    });
  }
  batch.processed = shape.processedCount;
  batch.failed = shape.failedCount;
}

function runQueryBatch(ctx: EmulatorContext, job: JobV1, batch: BatchV1, soql: string): void {
  let result;
  try {
    const parsed = parseSoql(soql.trim());
    const refusal = bulkQueryRefusal(parsed);
    if (refusal) throw new RequestError('API_ERROR', refusal);
    result = runQuery(ctx.store, parsed, { includeDeleted: job.operation === 'queryAll', soql: soql.trim() });
  } catch (error) {
    if (!(error instanceof RequestError)) throw error;
    throw new Error(`InvalidBatch : Failed to process query: ${error.errorCode}: ${error.message.trim()}`);
  }
  if (result.kind !== 'records')
    throw new Error('InvalidBatch : Failed to process query: aggregate queries are not supported');
  const compound = compoundRefusal(result);
  if (compound)
    throw new Error(`InvalidBatch : Failed to process query: FUNCTIONALITY_NOT_ENABLED: ${compound}`);
  if (result.def.name !== job.def.name)
    throw new Error(
      `InvalidBatch : The query's object ${result.def.name} is not the job's object ${job.def.name}`,
    );
  const resultId = `752${batch.id.slice(3)}`;
  if (job.contentType === 'JSON') {
    const records = result.rows.map((r) =>
      queryRecord(ctx.store, result.def, result.columns, r, job.apiVersion),
    );
    batch.queryResults.set(resultId, JSON.stringify(records));
  } else {
    const row = flatRowReader(ctx.store, result.columns);
    const header = result.columns.flatMap((c) => (c.kind === 'field' ? [c.path.text] : []));
    const lines = [csvLine(header, ','), ...result.rows.map((r) => csvLine(row(r), ','))];
    batch.queryResults.set(resultId, `${lines.join('\n')}\n`);
  }
  batch.processed = result.rows.length;
}

/** Runs the batch now; a refused batch ends Failed with the reason as its stateMessage. */
export function runBatch(ctx: EmulatorContext, job: JobV1, batch: BatchV1, csv: string): void {
  const started = Date.now();
  batch.state = 'InProgress';
  try {
    if (job.operation === 'query' || job.operation === 'queryAll') runQueryBatch(ctx, job, batch, csv);
    else runIngest(ctx, job, batch, csv);
    batch.state = 'Completed';
  } catch (error) {
    batch.state = 'Failed';
    const message = (error as Error).message;
    batch.stateMessage =
      error instanceof CsvError
        ? `InvalidBatch : ${message}`
        : message.startsWith('InvalidBatch')
          ? message
          : `InternalError : ${message}`;
  }
  batch.processingMs = Date.now() - started;
  batch.systemModstamp = ctx.store.now();
}
