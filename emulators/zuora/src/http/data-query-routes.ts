// Data Query: POST /query/jobs submits, GET /query/jobs lists, GET /query/jobs/{id} polls, DELETE cancels;
// every answer is { data }. The result is downloaded from the job's pre-signed dataFile URL without a
// token. Queries over 1,000,000 characters are refused. Encryption keys and the Zuora Warehouse source are
// refused as features this emulated tenant does not have.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_DataQueryJob/ ;
// https://docs.zuora.com/en/zuora-platform/data/data-query/overview-of-data-query (limits)
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { DataQueryJob, DataQueryService } from '../data-query/data-query-jobs.js';
import type { UrlSigner } from '../data-query/presigned-url.js';
import type { FileStore } from '../files/file-store.js';
import { maxQueryLength } from '../query/compile-query.js';
import type { EmulatorContext } from './context.js';
import { entityScope } from './entity-scope.js';
import { reason, v1Error } from './errors.js';
import { refuseUnknownFields } from './unknown-fields.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route authenticates by a URL signature instead of a bearer token (request-guard.ts). */
    presigned?: boolean;
  }
}

const upper = <const T extends readonly [string, ...string[]]>(values: T, field: string) =>
  z
    .string({ error: `${field} is required (${values.join(', ')})` })
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(values, { error: `${field} must be one of ${values.join(', ')}` }));

const requestSchema = z
  .object({
    query: z
      .string({ error: 'query is required' })
      .min(1, 'query is required')
      .max(maxQueryLength, `query is longer than ${maxQueryLength} characters`),
    outputFormat: upper(['JSON', 'CSV', 'TSV', 'DSV'], 'outputFormat'),
    compression: upper(['NONE', 'GZIP', 'ZIP'], 'compression'),
    output: z.object(
      { target: upper(['S3'], 'output.target') },
      { error: 'output is required: { "target": "s3" }' },
    ),
    columnSeparator: z.string().length(1, 'columnSeparator is one character').optional(),
    encryptionKey: z.string().optional(),
    readDeleted: z.boolean().default(false),
    useIndexJoin: z.boolean().default(false),
    sourceData: upper(['LIVE', 'WAREHOUSE'], 'sourceData').default('LIVE'),
    warehouseSize: z.string().nullable().optional(),
  })
  .refine((r) => r.outputFormat !== 'DSV' || r.columnSeparator !== undefined, {
    message: 'columnSeparator is required when outputFormat is DSV',
    path: ['columnSeparator'],
  });

const known = [
  'query',
  'outputFormat',
  'compression',
  'output',
  'columnSeparator',
  'encryptionKey',
  'readDeleted',
  'useIndexJoin',
  'sourceData',
  'warehouseSize',
];

function view(job: DataQueryJob): Record<string, unknown> {
  const { entityId: _entity, baseUrl: _base, ...fields } = job;
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

const invalid = (reply: FastifyReply, message: string): FastifyReply =>
  v1Error(reply, 400, [reason('query', 'invalidValue', message)]);

/** The request's entity, or the refusal already sent. */
function scopeOf(
  ctx: EmulatorContext,
  request: FastifyRequest,
  reply: FastifyReply,
): string | null | FastifyReply {
  const scope = entityScope(request, ctx.store);
  return scope.ok ? scope.entityId : invalid(reply, scope.message);
}

/** The job named in the path when it belongs to the request's entity, or the 404 already sent. */
function findJob(
  ctx: EmulatorContext,
  service: DataQueryService,
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
): DataQueryJob | FastifyReply {
  const entityId = scopeOf(ctx, request, reply);
  if (typeof entityId === 'object' && entityId !== null) return entityId;
  const job = service.jobs.get(request.params.id);
  if (job === undefined || job.entityId !== entityId)
    return v1Error(reply, 404, [
      reason('query', 'notFound', `No data query job ${request.params.id.slice(0, 64)}`),
    ]);
  return job;
}

export function registerDataQueryRoutes(
  app: FastifyInstance,
  ctx: EmulatorContext,
  deps: { service: DataQueryService; files: FileStore; signer: UrlSigner },
): void {
  const scoped = (request: FastifyRequest, reply: FastifyReply) => scopeOf(ctx, request, reply);
  const find = (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) =>
    findJob(ctx, deps.service, request, reply);

  app.post('/query/jobs', async (request, reply) => {
    const refused = refuseUnknownFields(request, reply, known);
    if (refused !== undefined) return refused;
    const parsed = requestSchema.safeParse(request.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return invalid(reply, `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
    }
    const body = parsed.data;
    if (body.sourceData === 'WAREHOUSE')
      return invalid(
        reply,
        'sourceData WAREHOUSE needs the Zuora Warehouse feature, which this tenant does not have',
      );
    if (body.encryptionKey !== undefined)
      return invalid(reply, 'encryptionKey: encrypted results are not available in this tenant');
    const entityId = scoped(request, reply);
    if (typeof entityId === 'object' && entityId !== null) return entityId;
    const job = deps.service.submit(
      {
        query: body.query,
        outputFormat: body.outputFormat,
        compression: body.compression,
        columnSeparator: body.columnSeparator,
        readDeleted: body.readDeleted,
        useIndexJoin: body.useIndexJoin,
        sourceData: 'LIVE',
      },
      entityId,
      `${request.protocol}://${request.host}`,
    );
    return reply.send({ data: view(job) });
  });

  app.get('/query/jobs', async (request, reply) => {
    const entityId = scoped(request, reply);
    if (typeof entityId === 'object' && entityId !== null) return entityId;
    const jobs = [...deps.service.jobs.values()].filter((j) => j.entityId === entityId).reverse();
    return reply.send({ data: jobs.map(view) });
  });

  app.get<{ Params: { id: string } }>('/query/jobs/:id', async (request, reply) => {
    const job = find(request, reply);
    return 'queryStatus' in job ? reply.send({ data: view(job) }) : job;
  });

  app.delete<{ Params: { id: string } }>('/query/jobs/:id', async (request, reply) => {
    const job = find(request, reply);
    if (!('queryStatus' in job)) return job;
    if (job.queryStatus !== 'accepted' && job.queryStatus !== 'in_progress')
      return invalid(
        reply,
        `the job is ${job.queryStatus}; only accepted or in_progress jobs can be cancelled`,
      );
    deps.service.cancel(job);
    return reply.send({ data: view(job) });
  });

  registerResultDownload(app, deps);
}

/** The pre-signed result URL: the signature is the authentication (see presigned-url.ts). */
function registerResultDownload(app: FastifyInstance, deps: { files: FileStore; signer: UrlSigner }): void {
  app.get<{ Params: { fileId: string }; Querystring: Record<string, unknown> }>(
    '/query/results/:fileId',
    { config: { presigned: true } },
    async (request, reply) => {
      const { fileId } = request.params;
      const file = deps.files.get(fileId);
      if (
        file === undefined ||
        !deps.signer.verify(fileId, request.query['X-Amz-Expires'], request.query['X-Amz-Signature'])
      )
        return reply
          .code(403)
          .type('application/xml')
          .send(
            '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Request has expired or the signature does not match</Message></Error>',
          );
      reply.header('Content-Type', file.contentType);
      return reply.send(Readable.from(file.chunks()));
    },
  );
}
