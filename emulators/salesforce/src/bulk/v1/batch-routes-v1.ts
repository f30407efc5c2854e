import type { FastifyInstance, FastifyRequest } from 'fastify';
import { makeSalesforceId } from '../../../../shared/salesforce-id.js';
import type { AsyncDeps } from './async-routes.js';
import { AsyncError, sendAsync } from './async-format.js';
import { batchCsv } from './batch-data.js';
import { findJob, jobFormat } from './job-routes-v1.js';
import { batchInfo, type BatchV1, type JobV1 } from './job-v1.js';
import { runBatch } from './run-batch.js';

// Bulk API 1.0 batches: add (at most 10 MB; each batch counts against the rolling 24-hour batch
// allocation, ExceededQuota when it is spent), list, get, the original request, and results: one
// row per record (`"Id","Success","Created","Error"` for CSV) or, for queries, a result list and
// its result sets. https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/asynch_api_batches_intro.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/asynch_api_batches_get_results.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/asynch_api_code_curl_walkthrough_pk_chunking.htm

const MAX_BATCH_BYTES = 10 * 1024 * 1024;
let batchSequence = 1;

type Params = { version: string; jobId: string; batchId: string; resultId: string };

function findBatch(job: JobV1, id: string): BatchV1 {
  const batch = job.batches.find((b) => b.id === id);
  if (!batch) throw new AsyncError('InvalidBatch', `Invalid batch id: ${id}`);
  return batch;
}

function ingestResults(job: JobV1, batch: BatchV1): string | unknown[] | Record<string, unknown> {
  const errorsOf = (error: string) => {
    if (error === '') return [];
    const [statusCode = '', ...rest] = error.split(':');
    return [{ statusCode, message: rest.join(':').replace(/:[^:]* --$|:--$/, ''), fields: [] }];
  };
  if (job.contentType === 'JSON')
    return batch.results.map((r) => ({
      success: r.success,
      created: r.created,
      id: r.id || null,
      errors: errorsOf(r.error),
    }));
  if (job.contentType === 'XML')
    return {
      result: batch.results.map((r) => ({
        id: r.id || null,
        success: r.success,
        created: r.created,
        errors: errorsOf(r.error),
      })),
    };
  // Every value quoted, empty ones included, as in the documented result files.
  const quoted = (values: string[]) => values.map((v) => `"${v.replace(/"/g, '""')}"`).join(',');
  const lines = batch.results.map((r) => quoted([r.id, String(r.success), String(r.created), r.error]));
  return [quoted(['Id', 'Success', 'Created', 'Error']), ...lines].join('\n') + '\n';
}

/** Adds a batch to an open job and schedules it; the batch's info is the answer. */
function addBatch(deps: AsyncDeps, job: JobV1, text: string): BatchV1 {
  const { ctx, jobs } = deps;
  if (job.state !== 'Open')
    throw new AsyncError('InvalidJobState', `Job ${job.id} is ${job.state}: no batch can be added`);
  if (Buffer.byteLength(text) > MAX_BATCH_BYTES)
    throw new AsyncError('InvalidBatch', `A batch can hold at most 10 MB of data`);
  if (ctx.usage.batchesRemaining === 0)
    throw new AsyncError('ExceededQuota', 'Exceeded max number of batches allowed in 24 hour period');
  const querying = job.operation === 'query' || job.operation === 'queryAll';
  const csv = querying ? text : batchCsv(job.contentType === 'CSV' ? 'CSV' : jobFormat(job), text);
  const now = ctx.store.now();
  const batch: BatchV1 = {
    id: makeSalesforceId('751', batchSequence++),
    jobId: job.id,
    state: 'Queued',
    stateMessage: null,
    createdDate: now,
    systemModstamp: now,
    request: text,
    processed: 0,
    failed: 0,
    results: [],
    queryResults: new Map(),
    processingMs: 0,
  };
  job.batches.push(batch);
  jobs.later(() => {
    if (batch.state === 'Queued') runBatch(ctx, job, batch, csv);
  }, 0);
  return batch;
}

export function registerBatchRoutesV1(app: FastifyInstance, deps: AsyncDeps): void {
  app.post('/job/:jobId/batch', async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const job = findJob(deps, request.params.jobId);
    const batch = addBatch(deps, job, typeof request.body === 'string' ? request.body : '');
    return sendAsync(reply, jobFormat(job), 'batchInfo', batchInfo(batch), 201);
  });

  app.get('/job/:jobId/batch', async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const job = findJob(deps, request.params.jobId);
    return sendAsync(reply, jobFormat(job), 'batchInfoList', { batchInfo: job.batches.map(batchInfo) });
  });

  app.get('/job/:jobId/batch/:batchId', async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const job = findJob(deps, request.params.jobId);
    return sendAsync(reply, jobFormat(job), 'batchInfo', batchInfo(findBatch(job, request.params.batchId)));
  });

  app.get(
    '/job/:jobId/batch/:batchId/request',
    async (request: FastifyRequest<{ Params: Params }>, reply) => {
      const job = findJob(deps, request.params.jobId);
      return reply.send(findBatch(job, request.params.batchId).request);
    },
  );

  app.get('/job/:jobId/batch/:batchId/result', async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const job = findJob(deps, request.params.jobId);
    const batch = findBatch(job, request.params.batchId);
    if (batch.state !== 'Completed' && !(batch.state === 'Failed' && batch.results.length > 0))
      throw new AsyncError('InvalidBatch', `Batch ${batch.id} is ${batch.state}: results are not available`);
    if (job.operation === 'query' || job.operation === 'queryAll') {
      const ids = [...batch.queryResults.keys()];
      if (job.contentType === 'JSON') return reply.header('content-type', 'application/json').send(ids);
      return sendAsync(reply, 'xml', 'result-list', { result: ids });
    }
    const results = ingestResults(job, batch);
    if (typeof results === 'string') return reply.header('content-type', 'text/csv').send(results);
    if (Array.isArray(results)) return reply.header('content-type', 'application/json').send(results);
    return sendAsync(reply, 'xml', 'results', results);
  });

  app.get(
    '/job/:jobId/batch/:batchId/result/:resultId',
    async (request: FastifyRequest<{ Params: Params }>, reply) => {
      const job = findJob(deps, request.params.jobId);
      const data = findBatch(job, request.params.batchId).queryResults.get(request.params.resultId);
      if (data === undefined)
        throw new AsyncError('InvalidBatch', `Invalid result id: ${request.params.resultId}`);
      return reply
        .header('content-type', job.contentType === 'JSON' ? 'application/json' : 'text/csv')
        .send(data);
    },
  );
}
