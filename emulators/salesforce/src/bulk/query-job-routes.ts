import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorContext } from '../emulator-context.js';
import { apiVersionOf, parseJsonObject, sendError } from '../http/sf-reply.js';
import type { BulkJobs, QueryJob } from './bulk-jobs.js';
import { createQueryJob } from './query-job-create.js';
import { sendResultsPage } from './query-job-results.js';

// Bulk API 2.0 query jobs; results as CSV pages chained by the `Sforce-Locator` header ('null' on
// the last page) with `maxRecords` per page. "Use the same API version to get query results that you
// used to create the query. Otherwise, the call returns a 409 error." Results of a job that is not
// complete answer 412 JOB_NOT_COMPLETE.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_get_job_results.htm
// https://developer.salesforce.com/docs/atlas.en-us.222.0.api_bulk_v2.meta/api_bulk_v2/query_get_job_results.htm
// At most 10,000 query jobs in a rolling 24 hours (DailyBulkV2QueryJobs):
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/queries.htm

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
    const job = createQueryJob(ctx, jobs, request, reply);
    return job ? info(job) : reply;
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
      return sendResultsPage(reply, ctx.store, job, job.result, request.query, defaultPageSize);
    },
  );
}
