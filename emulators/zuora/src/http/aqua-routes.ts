// AQuA: POST /v1/batch-query/ submits a job, GET /v1/batch-query/jobs/{id} polls it, DELETE cancels,
// GET /v1/file/{fileId} (also /v1/files/ and /apps/api/file/) downloads a result file. Error codes are
// AQuA's own: https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/aqua-api-error-codes
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { aquaRequestSchema } from '../aqua/aqua-request.js';
import type { AquaJob, AquaService } from '../aqua/aqua-jobs.js';
import { compileQuery } from '../query/compile-query.js';
import type { EmulatorContext } from './context.js';
import { entityScope } from './entity-scope.js';

function aquaError(reply: FastifyReply, status: number, errorCode: string, message: string): FastifyReply {
  return reply.code(status).send({ errorCode, message });
}

function view(job: AquaJob): Record<string, unknown> {
  return {
    id: job.id,
    name: job.name,
    status: job.status,
    version: job.version,
    format: job.format,
    encrypted: job.encrypted,
    startTime: job.startTime,
    ...(job.partner === undefined ? {} : { partner: job.partner, project: job.project }),
    batches: job.batches.map((b) => ({
      batchId: b.batchId,
      name: b.name,
      query: b.query,
      batchType: b.batchType,
      status: b.status,
      recordCount: b.recordCount,
      full: b.full,
      ...(b.fileId === undefined ? {} : { fileId: b.fileId }),
      ...(b.message === undefined ? {} : { message: b.message }),
      ...(b.deleted === undefined ? {} : { deleted: b.deleted }),
    })),
  };
}

export function registerAquaRoutes(app: FastifyInstance, ctx: EmulatorContext, aqua: AquaService): void {
  // Jobs and their files belong to the entity they were submitted in; another entity sees neither.
  const jobEntities = new Map<string, string | null>();
  const visibleJob = (request: FastifyRequest, id: string): AquaJob | undefined => {
    const job = aqua.jobs.get(id);
    const scope = entityScope(request, ctx.store);
    if (job === undefined || !scope.ok || (jobEntities.get(id) ?? null) !== scope.entityId) return undefined;
    return job;
  };
  const visibleFile = (request: FastifyRequest, fileId: string): boolean => {
    for (const job of aqua.jobs.values())
      if (job.batches.some((b) => b.fileId === fileId)) return visibleJob(request, job.id) !== undefined;
    return false;
  };
  const submit = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const parsed = aquaRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return aquaError(
        reply,
        400,
        '90005',
        `Invalid AQuA request: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      );
    }
    const body = parsed.data;
    if (body.queries.length === 0 || body.queries.length > 50) {
      return aquaError(
        reply,
        400,
        '90004',
        `Invalid number of queries allowed. A maximum of 50 queries are supported in an AQuA request (got ${body.queries.length}).`,
      );
    }
    if (!aqua.isStateful(body) && body.queries.some((q) => q.deleted !== undefined)) {
      return aquaError(reply, 400, '90012', 'Stateless AQuA does not support deleted columns.');
    }
    if (
      body.incrementalTime !== undefined &&
      Number.isNaN(Date.parse(body.incrementalTime.replace(' ', 'T') + 'Z'))
    ) {
      return aquaError(reply, 400, '90015', `The incremental timestamp is invalid: ${body.incrementalTime}`);
    }
    for (const q of body.queries) {
      try {
        compileQuery(ctx.store, q.query, q.type === 'zoqlexport');
      } catch (e) {
        return aquaError(
          reply,
          400,
          '90005',
          `There is a syntax error in one of the queries in the AQuA input: query "${q.name}": ${e instanceof Error ? e.message : String(e)}`,
        );
      }
    }
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return aquaError(reply, 400, '90009', scope.message);
    const job = aqua.submit(body, scope.entityId);
    jobEntities.set(job.id, scope.entityId);
    return reply.send(view(job));
  };
  app.post('/v1/batch-query/', submit);
  app.post('/v1/batch-query', submit);
  app.post('/apps/api/batch-query/', submit);

  app.get<{ Params: { id: string } }>('/v1/batch-query/jobs/:id', async (request, reply) => {
    const job = visibleJob(request, request.params.id);
    if (job === undefined) return aquaError(reply, 404, '90002', `Invalid Job Id: ${request.params.id}`);
    return reply.send(view(job));
  });
  app.delete<{ Params: { id: string } }>('/v1/batch-query/jobs/:id', async (request, reply) => {
    const job = visibleJob(request, request.params.id);
    if (job === undefined || job.status === 'completed')
      return aquaError(reply, 404, '90003', `Invalid Job Id for job cancellation: ${request.params.id}`);
    job.status = 'aborted';
    return reply.send(view(job));
  });

  const download = async (
    request: FastifyRequest<{ Params: { fileId: string } }>,
    reply: FastifyReply,
  ): Promise<FastifyReply> => {
    const file = aqua.files.get(request.params.fileId);
    if (file === undefined || !visibleFile(request, request.params.fileId))
      return aquaError(reply, 404, '90001', `Invalid file id: ${request.params.fileId}`);
    reply.header('Content-Type', file.gzip ? 'application/gzip' : 'text/csv; charset=utf-8');
    return reply.send(Readable.from(file.chunks()));
  };
  app.get<{ Params: { fileId: string } }>('/v1/file/:fileId', download);
  app.get<{ Params: { fileId: string } }>('/v1/files/:fileId', download);
  app.get<{ Params: { fileId: string } }>('/apps/api/file/:fileId', download);
}
