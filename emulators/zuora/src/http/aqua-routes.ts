// AQuA: POST /v1/batch-query/ submits a job, GET /v1/batch-query/jobs/{id} polls it, DELETE cancels,
// GET /v1/file/{fileId} (also /v1/files/ and /apps/api/file/) downloads a result file. Error codes are
// AQuA's own: https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/aqua-api-error-codes
// Limits (50 queries a job, 50 stateful and 50 stateless jobs at once):
// https://docs.zuora.com/en/zuora-platform/data/aggregate-query-api-aqua/aqua-api-introduction/limits
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { aquaRequestSchema, type AquaRequest } from '../aqua/aqua-request.js';
import type { AquaJob, AquaService } from '../aqua/aqua-jobs.js';
import { compileQuery, type CompiledQuery } from '../query/compile-query.js';
import { isCalendarDate } from '../query/temporal.js';
import type { EmulatorContext } from './context.js';
import { entityScope } from './entity-scope.js';
import type { StoredFile } from '../files/file-store.js';

const maxQueries = 50;
const maxConcurrentJobs = 50;

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
    useLastCompletedJobQueries: false,
    offset: job.offset,
    ...(job.status === 'submitted' ? {} : { startTime: job.startTime }),
    ...(job.partner === undefined ? {} : { partner: job.partner, project: job.project }),
    batches: job.batches.map((b) => ({
      batchId: b.batchId,
      name: b.name,
      query: b.query,
      batchType: b.batchType,
      apiVersion: b.apiVersion,
      status: b.status,
      localizedStatus: b.status,
      recordCount: b.recordCount,
      full: b.full,
      ...(b.fileId === undefined ? {} : { fileId: b.fileId }),
      ...(b.message === undefined ? {} : { message: b.message }),
      ...(b.deleted === undefined ? {} : { deleted: b.deleted }),
    })),
  };
}

/** `yyyy-MM-dd HH:mm:ss` naming a real moment. */
function validIncrementalTime(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(text);
  return (
    m !== null &&
    isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) &&
    Number(m[4]) < 24 &&
    Number(m[5]) < 60 &&
    Number(m[6]) < 60
  );
}

/** The first quoted literal of a query that names a record whose export the faults refuse. */
function refusedRecord(query: string, ids: ReadonlySet<string>): string | undefined {
  if (ids.size === 0) return undefined;
  for (const m of query.matchAll(/'([^']{1,64})'/g)) if (ids.has(m[1] ?? '')) return m[1];
  return undefined;
}

/** The first documented refusal that applies to a well-formed request, as [status, code, message]. */
function refusal(
  body: AquaRequest,
  aqua: AquaService,
  ctx: EmulatorContext,
  prepared: CompiledQuery[],
): [number, string, string] | undefined {
  const stateful = aqua.isStateful(body);
  if (body.queries.length === 0 && body.version === '1.0')
    return [400, '90016', 'There are no queries included in the AQuA version 1.0 request.'];
  if (body.queries.length === 0 || body.queries.length > maxQueries)
    return [
      400,
      '90004',
      `Invalid number of queries allowed. A maximum of ${maxQueries} queries are supported in an AQuA request (got ${body.queries.length}).`,
    ];
  const names = new Set<string>();
  for (const q of body.queries) {
    if (names.has(q.name))
      return [
        400,
        '90005',
        `Duplicate query name '${q.name.slice(0, 64)}': each query of an AQuA job needs its own name.`,
      ];
    names.add(q.name);
  }
  if (body.encrypted === 'pgp')
    return [
      400,
      '90005',
      'encrypted=pgp needs a PGP key configured in the tenant; the emulator exports unencrypted files only (encrypted=none).',
    ];
  if (!stateful && body.queries.some((q) => q.deleted !== undefined))
    return [400, '90012', 'Stateless AQuA does not support deleted columns.'];
  if (body.notifyUrl !== undefined && body.notifyUrl.length >= 5000)
    return [400, '90014', 'notifyURL must be less than 5000 characters in length.'];
  if (body.incrementalTime !== undefined && (!stateful || !validIncrementalTime(body.incrementalTime)))
    return [
      400,
      '90015',
      `The incremental timestamp is invalid: '${body.incrementalTime.slice(0, 40)}' (yyyy-MM-dd HH:mm:ss, stateful mode only).`,
    ];
  for (const q of body.queries) {
    const compiled = compileQuery(ctx.store, q.query, q.type === 'zoqlexport' ? 'export' : 'zoql');
    if (!compiled.ok)
      return [
        400,
        '90005',
        `There is a syntax error in one of the queries in the AQuA input: query "${q.name.slice(0, 64)}": ${compiled.error.message}`,
      ];
    prepared.push(compiled.query);
    const refused = refusedRecord(q.query, ctx.faults.settings.refusedRecordIds);
    if (refused !== undefined)
      return [
        400,
        '90005',
        `query "${q.name.slice(0, 64)}" cannot be exported: record ${refused} (injected fault)`,
      ];
  }
  const running = [...aqua.jobs.values()].filter(
    (j) => (j.status === 'submitted' || j.status === 'executing') && (j.partner !== undefined) === stateful,
  ).length;
  if (running >= maxConcurrentJobs)
    return [
      429,
      '90028',
      'The total number of concurrent jobs has exceeded the limit allowed by the system.',
    ];
  return undefined;
}

export function registerAquaRoutes(app: FastifyInstance, ctx: EmulatorContext, aqua: AquaService): void {
  // Jobs and their files belong to the entity they were submitted in; another entity sees neither.
  const visibleJob = (request: FastifyRequest, id: string): AquaJob | undefined => {
    const job = aqua.jobs.get(id);
    const scope = entityScope(request, ctx.store);
    if (job === undefined || !scope.ok || job.entityId !== scope.entityId) return undefined;
    return job;
  };
  const visibleFile = (request: FastifyRequest, file: StoredFile): boolean => {
    const scope = entityScope(request, ctx.store);
    return scope.ok && file.entityId === scope.entityId;
  };
  const submit = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const parsed = aquaRequestSchema.safeParse(request.body ?? undefined);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue?.path.join('.') ?? '';
      return aquaError(
        reply,
        400,
        '90005',
        `Invalid AQuA request: ${path === '' ? 'body' : path}: ${issue?.message ?? 'invalid'}`,
      );
    }
    const prepared: CompiledQuery[] = [];
    const refused = refusal(parsed.data, aqua, ctx, prepared);
    if (refused !== undefined) return aquaError(reply, ...refused);
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return aquaError(reply, 400, '90009', scope.message);
    return reply.send(view(aqua.submit(parsed.data, scope.entityId, prepared)));
  };
  app.post('/v1/batch-query/', submit);
  app.post('/v1/batch-query', submit);
  app.post('/apps/api/batch-query/', submit);

  app.get<{ Params: { id: string } }>('/v1/batch-query/jobs/:id', async (request, reply) => {
    const job = visibleJob(request, request.params.id);
    if (job === undefined)
      return aquaError(reply, 404, '90002', `Invalid Job Id: ${request.params.id.slice(0, 64)}`);
    return reply.send(view(job));
  });
  app.delete<{ Params: { id: string } }>('/v1/batch-query/jobs/:id', async (request, reply) => {
    const job = visibleJob(request, request.params.id);
    if (job === undefined || job.status === 'completed' || job.status === 'error')
      return aquaError(
        reply,
        404,
        '90003',
        `Invalid Job Id for job cancellation: ${request.params.id.slice(0, 64)}`,
      );
    job.status = 'aborted';
    return reply.send(view(job));
  });

  const download = async (
    request: FastifyRequest<{ Params: { fileId: string } }>,
    reply: FastifyReply,
  ): Promise<FastifyReply> => {
    const file = aqua.files.get(request.params.fileId);
    if (file === undefined || !visibleFile(request, file))
      return aquaError(reply, 404, '90001', `Invalid file id: ${request.params.fileId.slice(0, 64)}`);
    reply.header('Content-Type', file.contentType);
    return reply.send(Readable.from(file.chunks()));
  };
  app.get<{ Params: { fileId: string } }>('/v1/file/:fileId', download);
  app.get<{ Params: { fileId: string } }>('/v1/files/:fileId', download);
  app.get<{ Params: { fileId: string } }>('/apps/api/file/:fileId', download);
}
