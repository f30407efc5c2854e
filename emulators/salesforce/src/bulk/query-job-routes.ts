import { textOf } from '../text-of.js';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorContext } from '../emulator-context.js';
import { apiVersionOf, parseJsonObject, sendError } from '../http/sf-reply.js';
import { flatRow } from '../rest/record-json.js';
import { parseSoql } from '../soql/soql-parser.js';
import { runQuery } from '../soql/run-query.js';
import type { BulkJobs, QueryJob } from './bulk-jobs.js';
import { csvLine, delimiters } from './csv-reader.js';

// Bulk API 2.0 query jobs; results as CSV pages chained by the `Sforce-Locator` header ('null' on
// the last page) with `maxRecords` per page.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_get_job_results.htm

type Params = { version: string; jobId: string };

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
    // Bind now so that unknown objects/fields fail the create call, as they do in an org.
    runQuery(ctx.store, { ...parsed, limit: 0 }, { includeDeleted: false, soql });
    const columnDelimiter = typeof body.columnDelimiter === 'string' ? body.columnDelimiter : 'COMMA';
    const delimiter = delimiters[columnDelimiter];
    if (!delimiter)
      return sendError(reply, 400, 'INVALIDJOB', `InvalidJob : Invalid column delimiter: ${columnDelimiter}`);
    const lineEnding = body.lineEnding === 'CRLF' ? 'CRLF' : 'LF';
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
    jobs.runQuery(job, () => runQuery(ctx.store, parsed, { includeDeleted: operation === 'queryAll', soql }));
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
      if (job.state !== 'JobComplete' || !job.result) {
        return sendError(
          reply,
          400,
          'INVALIDJOBSTATE',
          `Results are available once the job is complete (state ${job.state})`,
        );
      }
      const start = request.query.locator
        ? Number.parseInt(Buffer.from(request.query.locator, 'base64url').toString(), 10)
        : 0;
      if (!Number.isInteger(start) || start < 0)
        return sendError(reply, 400, 'INVALIDLOCATOR', `Invalid locator: ${request.query.locator ?? ''}`);
      const pageSize = request.query.maxRecords
        ? Math.max(1, Number(request.query.maxRecords) || defaultPageSize)
        : defaultPageSize;
      const result = job.result;
      const end = Math.min(result.rows.length, start + pageSize);
      const eol = job.lineEnding === 'CRLF' ? '\r\n' : '\n';
      const lines = [
        csvLine(
          result.columns.map((c) => c.text),
          job.delimiter,
        ),
      ];
      for (let i = start; i < end; i += 1)
        lines.push(csvLine(flatRow(ctx.store, result, result.rows[i]!), job.delimiter));
      const next = end < result.rows.length ? Buffer.from(textOf(end)).toString('base64url') : 'null';
      return reply
        .header('content-type', 'text/csv')
        .header('sforce-locator', next)
        .header('sforce-numberofrecords', textOf(end - start))
        .send(lines.join(eol) + eol);
    },
  );
}
