// CRUD: Create, Retrieve and Delete an export (POST /v1/object/export, GET and DELETE
// /v1/object/export/{id}), answered in the CRUD shapes: { Success, Id } or { Success: false, Errors }.
// At most 50 exports are Pending or Processing at once.
// https://developer.zuora.com/v1-api-reference/older-api/operation/Object_POSTExport/
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ExportJob, ExportService } from '../exports/export-jobs.js';
import type { EmulatorContext } from './context.js';
import { entityScope } from './entity-scope.js';
import { refuseUnknownFields } from './unknown-fields.js';

const known = ['Name', 'Query', 'Format', 'Zip', 'Encrypted', 'ConvertToCurrencies'];
const flag = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true');

// Zip is true unless asked otherwise, as on the Export object.
const exportSchema = z.object({
  Name: z.string().max(255).default(''),
  Query: z.string({ error: 'Query is required (an Export ZOQL query)' }).min(1, 'Query is required'),
  Format: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(['csv', 'html'], { error: 'Format must be csv or html' }))
    .default('csv'),
  Zip: flag.default(true),
  Encrypted: flag.default(false),
  ConvertToCurrencies: z.string().optional(),
});

function crudError(reply: FastifyReply, status: number, code: string, message: string): FastifyReply {
  return reply.code(status).send({ Success: false, Errors: [{ Code: code, Message: message }] });
}

function view(job: ExportJob): Record<string, unknown> {
  const { entityId: _entity, ...fields } = job;
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** Body keys matched case-insensitively to the Export object's fields, as CRUD field names are. */
function canonicalKeys(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(
    Object.entries(body).map(([k, v]) => [known.find((f) => f.toLowerCase() === k.toLowerCase()) ?? k, v]),
  );
}

export function registerExportRoutes(
  app: FastifyInstance,
  ctx: EmulatorContext,
  exports: ExportService,
): void {
  const visible = (id: string, entityId: string | null): ExportJob | undefined => {
    const job = exports.exports.get(id);
    return job !== undefined && job.entityId === entityId ? job : undefined;
  };

  app.post('/v1/object/export', async (request, reply) => {
    const refused = refuseUnknownFields(request, reply, known);
    if (refused !== undefined) return refused;
    const parsed = exportSchema.safeParse(canonicalKeys(request.body));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path.join('.') ?? '';
      return crudError(
        reply,
        400,
        field === 'Query' ? 'MISSING_REQUIRED_VALUE' : 'INVALID_VALUE',
        `${field === '' ? 'body' : field}: ${issue?.message ?? 'invalid'}`,
      );
    }
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return crudError(reply, 400, 'INVALID_VALUE', scope.message);
    const running = [...exports.exports.values()].filter(
      (e) => e.Status === 'Pending' || e.Status === 'Processing',
    );
    if (running.length >= 50)
      return crudError(
        reply,
        429,
        'LIMIT_EXCEEDED',
        'The maximum number of concurrent exports (50) is reached; retry when one completes.',
      );
    const { ConvertToCurrencies: _currencies, ...request_ } = parsed.data;
    const job = exports.create(request_, scope.entityId);
    return reply.send({ Success: true, Id: job.Id });
  });

  app.get<{ Params: { id: string } }>('/v1/object/export/:id', async (request, reply) => {
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return crudError(reply, 400, 'INVALID_VALUE', scope.message);
    const job = visible(request.params.id, scope.entityId);
    if (job === undefined)
      return crudError(reply, 404, 'INVALID_ID', `Export ${request.params.id.slice(0, 64)} does not exist`);
    return reply.send(view(job));
  });

  app.delete<{ Params: { id: string } }>('/v1/object/export/:id', async (request, reply) => {
    const scope = entityScope(request, ctx.store);
    if (!scope.ok) return crudError(reply, 400, 'INVALID_VALUE', scope.message);
    const job = visible(request.params.id, scope.entityId);
    if (job === undefined)
      return crudError(reply, 404, 'INVALID_ID', `Export ${request.params.id.slice(0, 64)} does not exist`);
    if (job.Status === 'Pending' || job.Status === 'Processing') job.Status = 'Canceled';
    exports.exports.delete(job.Id);
    return reply.send({ success: true, id: job.Id });
  });
}
