import type { FastifyInstance, FastifyReply } from 'fastify';
import { isSalesforceId, normalizeId } from '../../../shared/salesforce-id.js';
import type { EmulatorContext } from '../emulator-context.js';
import { apiVersionOf, parseJsonObject, sendError } from '../http/sf-reply.js';
import { noSuchColumn, prepareJsonRecord } from '../store/prepare-json-record.js';
import { registerDescribeRoutes } from './describe-routes.js';
import { datetimeMs } from '../soql/filter-value.js';
import { checkPreconditionHeader, modifiedSince, notModifiedSince } from './conditional.js';
import { publishEvent } from './publish-event.js';
import { wholeRecord } from './record-json.js';
import { errorBody } from './save-result.js';
import { objectOr404, writable } from './sobject-lookup.js';

// sObject resources: create, read/update/delete by Id (with conditional requests); describe lives in
// describe-routes.ts.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_upsert.htm
// (upsert: 201 created, 200 updated (v46+ body {id, success, errors, created}), 300 several matches, 404).

type Params = { version: string; type: string; id: string; field: string; value: string };

const notFound = (reply: FastifyReply) =>
  sendError(reply, 404, 'NOT_FOUND', 'The requested resource does not exist');

export function registerSObjectRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  registerDescribeRoutes(app, ctx);

  app.post<{ Params: Params }>('/sobjects/:type', async (request, reply) => {
    const def = objectOr404(ctx, request.params.type);
    writable(def);
    const body = parseJsonObject(request.body);
    if (def.isEvent) return publishEvent(ctx, def, body, reply);
    checkPreconditionHeader(request);
    const result = ctx.store.insert(def, prepareJsonRecord(ctx.schema, def, body));
    if (!result.ok) return reply.code(400).send(errorBody(result.errors));
    return reply.code(201).send({ id: result.id, success: true, errors: [] });
  });

  app.get<{ Params: Params; Querystring: { fields?: string } }>(
    '/sobjects/:type/:id',
    async (request, reply) => {
      const def = objectOr404(ctx, request.params.type);
      const id = request.params.id;
      if (!isSalesforceId(id)) return notFound(reply);
      const rec = ctx.store.get(def, normalizeId(id));
      if (!rec) return notFound(reply);
      const modified = rec.LastModifiedDate ?? null;
      if (typeof modified === 'string' && notModifiedSince(request, datetimeMs(modified)))
        return reply.code(304).send();
      if (modifiedSince(request, modified))
        return sendError(reply, 412, 'PRECONDITION_FAILED', 'The record changed after If-Unmodified-Since');
      const fields = request.query.fields?.split(',').map((f) => {
        const field = def.fieldsByLower.get(f.trim().toLowerCase());
        if (!field) throw noSuchColumn(def, f.trim());
        return field.name;
      });
      return wholeRecord(def, rec, apiVersionOf(request.params), fields);
    },
  );

  app.patch<{ Params: Params }>('/sobjects/:type/:id', async (request, reply) => {
    const def = objectOr404(ctx, request.params.type);
    writable(def);
    const body = parseJsonObject(request.body);
    const id = request.params.id;
    if (!isSalesforceId(id)) return notFound(reply);
    const current = ctx.store.get(def, normalizeId(id));
    if (current && modifiedSince(request, current.LastModifiedDate ?? null))
      return sendError(reply, 412, 'PRECONDITION_FAILED', 'The record changed after If-Unmodified-Since');
    const result = ctx.store.update(def, normalizeId(id), prepareJsonRecord(ctx.schema, def, body));
    if (!result.ok) {
      const first = result.errors[0];
      return reply
        .code(first?.statusCode === 'INVALID_CROSS_REFERENCE_KEY' ? 404 : 400)
        .send(errorBody(result.errors));
    }
    return reply.code(204).send();
  });

  app.delete<{ Params: Params }>('/sobjects/:type/:id', async (request, reply) => {
    const def = objectOr404(ctx, request.params.type);
    writable(def);
    const id = request.params.id;
    if (!isSalesforceId(id)) return notFound(reply);
    const [result] = ctx.store.delete(def, [normalizeId(id)]);
    if (!result?.ok) {
      const errors = result && !result.ok ? result.errors : [];
      return reply.code(errors[0]?.statusCode === 'ENTITY_IS_DELETED' ? 400 : 404).send(errorBody(errors));
    }
    return reply.code(204).send();
  });
}
