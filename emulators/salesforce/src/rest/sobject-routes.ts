import type { FastifyInstance, FastifyReply } from 'fastify';
import { isSalesforceId, normalizeId } from '../../../shared/salesforce-id.js';
import type { EmulatorContext } from '../emulator-context.js';
import { apiVersionOf, parseJsonObject, sendError } from '../http/sf-reply.js';
import type { ObjectDef } from '../schema/schema-types.js';
import { noSuchColumn, prepareJsonRecord } from '../store/prepare-json-record.js';
import { RequestError } from '../store/sf-error.js';
import { describeGlobalEntry, describeObject } from './describe-object.js';
import { datetimeMs } from '../soql/filter-value.js';
import { checkPreconditionHeader, modifiedSince, notModifiedSince } from './conditional.js';
import { publishEvent } from './publish-event.js';
import { wholeRecord } from './record-json.js';
import { errorBody } from './save-result.js';

// sObject resources: describe (with conditional requests), create, read/update/delete by Id.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_upsert.htm
// (upsert: 201 created, 200 updated (v46+ body {id, success, errors, created}), 300 several matches, 404).

type Params = { version: string; type: string; id: string; field: string; value: string };

export function objectOr404(ctx: EmulatorContext, type: string): ObjectDef {
  const def = ctx.schema.byLower.get(type.toLowerCase());
  if (!def) throw new RequestError('NOT_FOUND', 'The requested resource does not exist', 404);
  return def;
}

const notFound = (reply: FastifyReply) =>
  sendError(reply, 404, 'NOT_FOUND', 'The requested resource does not exist');

export function writable(def: ObjectDef): void {
  if (def.isMetadataType) {
    throw new RequestError(
      'INVALID_TYPE',
      `Custom metadata records cannot be changed through the REST API (${def.name})`,
    );
  }
}

export function registerSObjectRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get<{ Params: Params }>('/sobjects', async (request, reply) => {
    if (notModifiedSince(request, ctx.schemaLoadedAt)) return reply.code(304).send();
    const version = apiVersionOf(request.params);
    return {
      encoding: 'UTF-8',
      maxBatchSize: 200,
      sobjects: ctx.schema.objects.map((d) => describeGlobalEntry(d, version)),
    };
  });

  app.get<{ Params: Params }>('/sobjects/:type', async (request) => {
    const def = objectOr404(ctx, request.params.type);
    return { objectDescribe: describeGlobalEntry(def, apiVersionOf(request.params)), recentItems: [] };
  });

  app.get<{ Params: Params }>('/sobjects/:type/describe', async (request, reply) => {
    const def = objectOr404(ctx, request.params.type);
    if (modifiedSince(request, ctx.schemaLoadedAt))
      return sendError(
        reply,
        412,
        'PRECONDITION_FAILED',
        `${def.name} metadata changed after If-Unmodified-Since`,
      );
    if (notModifiedSince(request, ctx.schemaLoadedAt)) return reply.code(304).send();
    return reply
      .header('last-modified', new Date(ctx.schemaLoadedAt).toUTCString())
      .send(describeObject(ctx.schema, def, apiVersionOf(request.params)));
  });

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
