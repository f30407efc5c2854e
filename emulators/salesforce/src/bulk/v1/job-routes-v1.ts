import type { FastifyInstance, FastifyRequest } from 'fastify';
import { textOf } from '../../text-of.js';
import type { AsyncDeps } from './async-routes.js';
import { AsyncError, formatOf, parseXml, sendAsync, type Format } from './async-format.js';
import { jobInfo, operationsV1, type ContentTypeV1, type JobV1, type OperationV1 } from './job-v1.js';

// Bulk API 1.0 jobs: create (JobInfo in XML or JSON), get, close (`state` Closed) and abort
// (`state` Aborted). Content types CSV, JSON and XML; the ZIP variants are not emulated.
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/asynch_api_jobs_create.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/asynch_api_jobs_close.htm

type Params = { version: string; jobId: string };

function requestFields(request: FastifyRequest): Record<string, unknown> {
  const text = typeof request.body === 'string' ? request.body : '';
  if (formatOf(request.headers['content-type']) === 'json') {
    try {
      const value = JSON.parse(text) as unknown;
      if (value && typeof value === 'object' && !Array.isArray(value))
        return value as Record<string, unknown>;
    } catch {
      // answered below
    }
    throw new AsyncError('InvalidJob', 'The request body must be a JSON JobInfo object');
  }
  const info = parseXml(text).jobInfo;
  if (!info || typeof info !== 'object')
    throw new AsyncError('InvalidXML', 'The request body must be a <jobInfo> element');
  return info as Record<string, unknown>;
}

export const jobFormat = (job: JobV1): Format => (job.contentType === 'JSON' ? 'json' : 'xml');

export function findJob(deps: AsyncDeps, id: string): JobV1 {
  const job = deps.jobs.v1.get(id);
  if (!job) throw new AsyncError('InvalidJob', `Invalid job id: ${id}`);
  return job;
}

function createJob(deps: AsyncDeps, fields: Record<string, unknown>, version: string): JobV1 {
  const operation = textOf(fields.operation) as OperationV1;
  if (!operationsV1.includes(operation))
    throw new AsyncError('InvalidJob', `Invalid operation: ${textOf(fields.operation)}`);
  const def = deps.ctx.schema.byLower.get(textOf(fields.object).toLowerCase());
  if (!def || def.isEvent || (def.isMetadataType && !operation.startsWith('query')))
    throw new AsyncError('InvalidJob', `Unable to find object: ${textOf(fields.object)}`);
  const contentType = textOf(fields.contentType, 'XML') as ContentTypeV1;
  if (!['CSV', 'JSON', 'XML'].includes(contentType))
    throw new AsyncError(
      'InvalidJob',
      `Content type ${contentType} is not supported by the emulator (CSV, JSON or XML)`,
    );
  const ext =
    operation === 'upsert' ? def.fieldsByLower.get(textOf(fields.externalIdFieldName).toLowerCase()) : null;
  if (operation === 'upsert' && !(ext && (ext.externalId || ext.unique || ext.name === 'Id')))
    throw new AsyncError(
      'InvalidJob',
      `External ID was blank or not found for ${def.name}: ${textOf(fields.externalIdFieldName)}`,
    );
  const now = deps.ctx.store.now();
  return {
    id: deps.jobs.nextId(),
    operation,
    def,
    externalIdFieldName: ext ? ext.name : null,
    concurrencyMode: fields.concurrencyMode === 'Serial' ? 'Serial' : 'Parallel',
    contentType,
    state: 'Open',
    createdById: deps.ctx.actingUserId,
    createdDate: now,
    systemModstamp: now,
    apiVersion: version,
    batches: [],
  };
}

export function registerJobRoutesV1(app: FastifyInstance, deps: AsyncDeps): void {
  app.post('/job', async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const version = request.params.version.replace(/^v/, '');
    const job = createJob(deps, requestFields(request), version);
    deps.jobs.v1.set(job.id, job);
    return sendAsync(reply, deps.formatFor(request), 'jobInfo', jobInfo(job), 201);
  });

  app.get('/job/:jobId', async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const job = findJob(deps, request.params.jobId);
    return sendAsync(reply, jobFormat(job), 'jobInfo', jobInfo(job));
  });

  app.post('/job/:jobId', async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const job = findJob(deps, request.params.jobId);
    const wanted = textOf(requestFields(request).state);
    if (wanted !== 'Closed' && wanted !== 'Aborted')
      throw new AsyncError(
        'InvalidJobState',
        `Invalid state: ${wanted} (only Closed or Aborted can be requested)`,
      );
    if (job.state !== 'Open' && !(job.state === 'Closed' && wanted === 'Aborted'))
      throw new AsyncError(
        'InvalidJobState',
        `Job ${job.id} is ${job.state}: it cannot be ${wanted.toLowerCase()}`,
      );
    job.state = wanted;
    if (wanted === 'Aborted')
      for (const batch of job.batches) if (batch.state === 'Queued') batch.state = 'NotProcessed';
    job.systemModstamp = deps.ctx.store.now();
    return sendAsync(reply, jobFormat(job), 'jobInfo', jobInfo(job));
  });
}
