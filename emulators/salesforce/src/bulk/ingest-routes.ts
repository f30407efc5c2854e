import { textOf } from '../text-of.js';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorContext } from '../emulator-context.js';
import { apiVersionOf, parseJsonObject, sendError } from '../http/sf-reply.js';
import { asciiBody } from '../http/raw-body.js';
import type { BulkJobs } from './bulk-jobs.js';
import { delimiters } from './csv-reader.js';
import { resultCsv } from './result-csv.js';
import {
  ingestJobInfo,
  ingestOperations,
  terminalStates,
  type IngestJob,
  type IngestOperation,
} from './ingest-job.js';

// Bulk API 2.0 ingest resources:
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/create_job.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/upload_job_data.htm
// (one upload per job; 150 MB base64 = about 100 MB raw CSV per upload, api-limits.md 1.4)
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/get_job_successful_results.htm
// Unprocessed records of failed or aborted jobs, in the upload's own CSV:
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/get_job_unprocessed_results.htm

export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

type JobParams = { version: string; jobId: string };

export function registerIngestRoutes(app: FastifyInstance, ctx: EmulatorContext, jobs: BulkJobs): void {
  const find = (reply: FastifyReply, id: string): IngestJob | null => {
    const job = jobs.ingest.get(id);
    if (!job) void sendError(reply, 404, 'NOT_FOUND', 'The requested resource does not exist');
    return job ?? null;
  };

  app.post('/jobs/ingest', async (request, reply) => {
    const body = parseJsonObject(request.body);
    const operation = body.operation as IngestOperation;
    if (!ingestOperations.includes(operation)) {
      return sendError(reply, 400, 'INVALIDJOB', `InvalidJob : Invalid operation: ${textOf(body.operation)}`);
    }
    const def =
      typeof body.object === 'string' ? ctx.schema.byLower.get(body.object.toLowerCase()) : undefined;
    if (!def || def.isEvent || def.isMetadataType)
      return sendError(
        reply,
        400,
        'INVALIDJOB',
        `InvalidJob : Unable to find object: ${textOf(body.object)}`,
      );
    if (ctx.usage.batchesRemaining === 0) {
      // DailyBulkApiBatches, counted over a rolling 24 hours; the wording is the emulator's own.
      return sendError(
        reply,
        400,
        'LIMIT_EXCEEDED',
        'Exceeded max number of batches allowed in 24 hour period',
      );
    }
    const extName = typeof body.externalIdFieldName === 'string' ? body.externalIdFieldName : null;
    if (operation === 'upsert') {
      const ext = extName ? def.fieldsByLower.get(extName.toLowerCase()) : undefined;
      if (!ext)
        return sendError(
          reply,
          400,
          'INVALIDJOB',
          `InvalidJob : External ID was blank or not found for ${def.name}: ${extName ?? ''}`,
        );
      if (!(ext.externalId || ext.unique || ext.name === 'Id')) {
        return sendError(
          reply,
          400,
          'INVALIDJOB',
          `InvalidJob : Field name provided, ${ext.name} is not an External ID or indexed field for ${def.name}`,
        );
      }
    }
    const columnDelimiter = typeof body.columnDelimiter === 'string' ? body.columnDelimiter : 'COMMA';
    const delimiter = delimiters[columnDelimiter];
    if (!delimiter)
      return sendError(reply, 400, 'INVALIDJOB', `InvalidJob : Invalid column delimiter: ${columnDelimiter}`);
    const lineEnding = body.lineEnding === undefined ? 'LF' : body.lineEnding;
    if (lineEnding !== 'LF' && lineEnding !== 'CRLF')
      return sendError(reply, 400, 'INVALIDJOB', `InvalidJob : Invalid line ending: ${textOf(lineEnding)}`);
    if (body.contentType !== undefined && body.contentType !== 'CSV')
      return sendError(reply, 400, 'INVALIDJOB', 'InvalidJob : contentType must be CSV');
    const now = ctx.store.now();
    const version = apiVersionOf(request.params);
    const job: IngestJob = {
      id: jobs.nextId(),
      def,
      operation,
      externalIdFieldName: operation === 'upsert' ? extName : null,
      columnDelimiter,
      delimiter,
      lineEnding,
      state: 'Open',
      createdById: ctx.actingUserId,
      createdDate: now,
      systemModstamp: now,
      apiVersion: Number(version),
      errorMessage: null,
      data: null,
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
    jobs.ingest.set(job.id, job);
    ctx.usage.countObject(job.def.name, 1, 0);
    return reply.code(200).send(ingestJobInfo(job, version));
  });

  app.put<{ Params: JobParams }>('/jobs/ingest/:jobId/batches', async (request, reply) => {
    const job = find(reply, request.params.jobId);
    if (!job) return reply;
    if (job.state !== 'Open')
      return sendError(
        reply,
        409,
        'INVALIDJOBSTATE',
        `Job ${job.id} is not open for data upload (state ${job.state})`,
      );
    if (job.data !== null) {
      return sendError(
        reply,
        400,
        'BULK_API_ERROR',
        `Found multiple contents for job: <${job.id}>, please 'Close' / 'Abort' / 'Delete' the current Job then create a new Job and make sure you only do 'PUT' once on a given Job.`,
      );
    }
    const text = typeof request.body === 'string' ? request.body : '';
    const bytes = Buffer.byteLength(text);
    if (bytes > MAX_UPLOAD_BYTES)
      return sendError(
        reply,
        413,
        'BULK_API_ERROR',
        `Upload of ${bytes} bytes exceeds the limit of 100 MB of CSV data per job (150 MB base64-encoded)`,
      );
    ctx.usage.uploadedBytes += bytes;
    job.data = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    // ASCII (no byte order mark either): the bytes go to disk now, for the result files, and are let go.
    const ascii = asciiBody(request);
    if (ascii !== undefined && ascii.length === job.data.length && job.data.length > 0)
      jobs.keepUpload(job, ascii);
    return reply.code(201).send();
  });

  app.patch<{ Params: JobParams }>('/jobs/ingest/:jobId', async (request, reply) => {
    const job = find(reply, request.params.jobId);
    if (!job) return reply;
    const body = parseJsonObject(request.body);
    const wanted = body.state;
    if (wanted !== 'UploadComplete' && wanted !== 'Aborted')
      return sendError(
        reply,
        400,
        'INVALIDJOBSTATE',
        `Invalid state transition requested: ${textOf(wanted)}`,
      );
    if (!jobs.transition(job, wanted))
      return sendError(
        reply,
        400,
        'INVALIDJOBSTATE',
        `Job ${job.id} cannot move from ${job.state} to ${wanted}`,
      );
    if (wanted === 'UploadComplete') jobs.start(job);
    return ingestJobInfo(job, apiVersionOf(request.params));
  });

  app.get<{ Params: JobParams }>('/jobs/ingest/:jobId', async (request, reply) => {
    const job = find(reply, request.params.jobId);
    if (!job) return reply;
    return ingestJobInfo(job, apiVersionOf(request.params));
  });

  app.get<{ Params: JobParams }>('/jobs/ingest', async (request) => ({
    done: true,
    records: [...jobs.ingest.values()].map((j) => ingestJobInfo(j, apiVersionOf(request.params))),
    nextRecordsUrl: null,
  }));

  app.delete<{ Params: JobParams }>('/jobs/ingest/:jobId', async (request, reply) => {
    const job = find(reply, request.params.jobId);
    if (!job) return reply;
    if (!terminalStates.has(job.state) && job.state !== 'UploadComplete') {
      return sendError(
        reply,
        400,
        'INVALIDJOBSTATE',
        `Job ${job.id} in state ${job.state} cannot be deleted`,
      );
    }
    jobs.remove(job);
    return reply.code(204).send();
  });

  for (const [path, kind] of [
    ['successfulResults', 'successful'],
    ['failedResults', 'failed'],
    ['unprocessedrecords', 'unprocessed'],
  ] as const) {
    app.get<{ Params: JobParams }>(`/jobs/ingest/:jobId/${path}`, async (request, reply) => {
      const job = find(reply, request.params.jobId);
      if (!job) return reply;
      if (kind !== 'unprocessed' && !terminalStates.has(job.state)) {
        return sendError(
          reply,
          400,
          'INVALIDJOBSTATE',
          `Results are available once the job is complete (state ${job.state})`,
        );
      }
      // As bytes: fastify measures a string's Content-Length with Buffer.byteLength, a pass over
      // results of up to a whole job (tens of megabytes) on top of the one that encodes it.
      const csv = resultCsv(job, kind, ctx.store.table(job.def).codec);
      return reply.header('content-type', 'text/csv').send(csv);
    });
  }
}
