import { textOf } from '../text-of.js';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorContext } from '../emulator-context.js';
import { apiVersionOf, parseJsonObject, sendError } from '../http/sf-reply.js';
import { flatRowReader } from '../rest/record-json.js';
import type { RecordsResult } from '../soql/query-result.js';
import { parseSoql } from '../soql/soql-parser.js';
import { runQuery } from '../soql/run-query.js';
import type { BulkJobs, QueryJob } from './bulk-jobs.js';
import { bulkQueryRefusal, compoundRefusal } from './bulk-query-support.js';
import { csvLine, delimiters } from './csv-reader.js';

// Bulk API 2.0 query jobs; results as CSV pages chained by the `Sforce-Locator` header ('null' on
// the last page) with `maxRecords` per page. "Use the same API version to get query results that you
// used to create the query. Otherwise, the call returns a 409 error." Results of a job that is not
// complete answer 412 JOB_NOT_COMPLETE.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_get_job_results.htm
// https://developer.salesforce.com/docs/atlas.en-us.222.0.api_bulk_v2.meta/api_bulk_v2/query_get_job_results.htm
// At most 10,000 query jobs in a rolling 24 hours (DailyBulkV2QueryJobs):
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/queries.htm

type Params = { version: string; jobId: string };

function run(ctx: EmulatorContext, soql: string, operation: 'query' | 'queryAll'): RecordsResult {
  const result = runQuery(ctx.store, parseSoql(soql), { includeDeleted: operation === 'queryAll', soql });
  if (result.kind !== 'records') throw new Error('Bulk query jobs refuse aggregate queries at creation');
  return result;
}

export function registerQueryJobRoutes(
  app: FastifyInstance,
  ctx: EmulatorContext,
  jobs: BulkJobs,
  defaultPageSize: number,
): void {
  const info = (job: QueryJob) => ({
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: job.createdById,
    createdDate: job.createdDate,
    systemModstamp: job.systemModstamp,
    state: job.state,
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: job.apiVersion,
    jobType: 'V2Query',
    lineEnding: job.lineEnding,
    columnDelimiter: job.columnDelimiter,
    numberRecordsProcessed: job.result ? job.result.rows.length : 0,
    retries: 0,
    totalProcessingTime: job.finishedAt ? job.finishedAt - job.startedAt : 0,
  });
  const find = (reply: FastifyReply, id: string): QueryJob | null => {
    const job = jobs.queries.get(id);
    if (!job) void sendError(reply, 404, 'NOT_FOUND', 'The requested resource does not exist');
    return job ?? null;
  };

  app.post('/jobs/query', async (request, reply) => {
    const body = parseJsonObject(request.body);
    const operation = body.operation ?? 'query';
    if (operation !== 'query' && operation !== 'queryAll')
      return sendError(reply, 400, 'INVALIDJOB', `InvalidJob : Invalid operation: ${textOf(operation)}`);
    if (typeof body.query !== 'string')
      return sendError(reply, 400, 'INVALIDJOB', 'InvalidJob : query is required');
    const soql = body.query;
    const parsed = parseSoql(soql);
    const refusal = bulkQueryRefusal(parsed);
    if (refusal) return sendError(reply, 400, 'API_ERROR', refusal);
    // Bind now so that unknown objects/fields fail the create call, as they do in an org.
    const bound = runQuery(ctx.store, { ...parsed, limit: 0 }, { includeDeleted: false, soql });
    const compound = bound.kind === 'records' ? compoundRefusal(bound) : null;
    if (compound) return sendError(reply, 400, 'API_ERROR', compound);
    const columnDelimiter = typeof body.columnDelimiter === 'string' ? body.columnDelimiter : 'COMMA';
    const delimiter = delimiters[columnDelimiter];
    if (!delimiter)
      return sendError(reply, 400, 'INVALIDJOB', `InvalidJob : Invalid column delimiter: ${columnDelimiter}`);
    const lineEnding = body.lineEnding === 'CRLF' ? 'CRLF' : 'LF';
    if (ctx.usage.queryJobsRemaining === 0)
      return sendError(
        reply,
        400,
        'LIMIT_EXCEEDED',
        'Max bulk v2 query jobs (10000) per 24 hrs has been reached',
      );
    ctx.usage.queryJobWindow.add();
    const now = ctx.store.now();
    const job: QueryJob = {
      id: jobs.nextId(),
      operation,
      object: parsed.from,
      query: soql,
      state: 'UploadComplete',
      createdById: ctx.actingUserId,
      createdDate: now,
      systemModstamp: now,
      apiVersion: Number(apiVersionOf(request.params)),
      delimiter,
      columnDelimiter,
      lineEnding,
      result: null,
      startedAt: 0,
      finishedAt: 0,
    };
    jobs.queries.set(job.id, job);
    jobs.runQuery(job, () => run(ctx, soql, operation));
    return info(job);
  });

  app.get<{ Params: Params }>('/jobs/query/:jobId', async (request, reply) => {
    const job = find(reply, request.params.jobId);
    return job ? info(job) : reply;
  });

  app.get('/jobs/query', async () => ({
    done: true,
    records: [...jobs.queries.values()].map(info),
    nextRecordsUrl: null,
  }));

  app.patch<{ Params: Params }>('/jobs/query/:jobId', async (request, reply) => {
    const job = find(reply, request.params.jobId);
    if (!job) return reply;
    const body = parseJsonObject(request.body);
    if (body.state !== 'Aborted')
      return sendError(reply, 400, 'INVALIDJOBSTATE', 'Only Aborted can be requested');
    if (job.state === 'JobComplete' || job.state === 'Failed')
      return sendError(reply, 400, 'INVALIDJOBSTATE', `Job ${job.id} is already ${job.state}`);
    job.state = 'Aborted';
    return info(job);
  });

  app.delete<{ Params: Params }>('/jobs/query/:jobId', async (request, reply) => {
    const job = find(reply, request.params.jobId);
    if (!job) return reply;
    jobs.queries.delete(job.id);
    return reply.code(204).send();
  });

  app.get<{ Params: Params; Querystring: { locator?: string; maxRecords?: string } }>(
    '/jobs/query/:jobId/results',
    async (request, reply) => {
      const job = find(reply, request.params.jobId);
      if (!job) return reply;
      const version = Number(apiVersionOf(request.params));
      if (version !== job.apiVersion) {
        // Status documented; the body's wording is the emulator's own.
        return sendError(
          reply,
          409,
          'API_VERSION_MISMATCH',
          `Query job ${job.id} was created with API version ${job.apiVersion.toFixed(1)}; get its results with the same version, not ${version.toFixed(1)}`,
        );
      }
      if (job.state !== 'JobComplete' || !job.result) {
        return sendError(
          reply,
          412,
          'JOB_NOT_COMPLETE',
          `can only download query results of successfully completed bulk job with status: JOB_COMPLETE. Current status: ${job.state.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()}`,
        );
      }
      return resultsPage(reply, job, job.result, request.query);
    },
  );

  const resultsPage = (
    reply: FastifyReply,
    job: QueryJob,
    result: RecordsResult,
    query: { locator?: string; maxRecords?: string },
  ) => {
    const start = query.locator ? Number.parseInt(Buffer.from(query.locator, 'base64url').toString(), 10) : 0;
    if (!Number.isInteger(start) || start < 0 || start > result.rows.length)
      return sendError(reply, 400, 'INVALIDLOCATOR', `Invalid locator: ${query.locator ?? ''}`);
    const maxRecords = query.maxRecords === undefined ? defaultPageSize : Number(query.maxRecords);
    if (!Number.isInteger(maxRecords) || maxRecords < 1)
      return sendError(
        reply,
        400,
        'INVALID_MAXRECORDS',
        `maxRecords must be a positive integer: ${query.maxRecords ?? ''}`,
      );
    const end = Math.min(result.rows.length, start + maxRecords);
    const eol = job.lineEnding === 'CRLF' ? '\r\n' : '\n';
    const row = flatRowReader(ctx.store, result.columns);
    const header = result.columns.flatMap((c) => (c.kind === 'field' ? [c.path.text] : []));
    const lines = [csvLine(header, job.delimiter)];
    for (let i = start; i < end; i += 1) lines.push(csvLine(row(result.rows[i]!), job.delimiter));
    const next = end < result.rows.length ? Buffer.from(textOf(end)).toString('base64url') : 'null';
    return reply
      .header('content-type', 'text/csv')
      .header('sforce-locator', next)
      .header('sforce-numberofrecords', textOf(end - start))
      .send(lines.join(eol) + eol);
  };
}
