import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isSalesforceId, normalizeId } from '../../../shared/salesforce-id.js';
import type { EmulatorContext } from '../emulator-context.js';
import { apiVersionOf, parseJsonObject, sendError } from '../http/sf-reply.js';
import type { ObjectDef } from '../schema/schema-types.js';
import { coerceValue } from '../store/coerce-value.js';
import { noSuchColumn, prepareJsonRecord } from '../store/prepare-json-record.js';
import { RequestError } from '../store/sf-error.js';
import { describeGlobalEntry, describeObject } from './describe-object.js';
import { recordUrl, wholeRecord } from './record-json.js';
import { errorBody } from './save-result.js';

// sObject resources: describe, create, read/update/delete by Id, read and upsert by external ID.
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

function writable(def: ObjectDef): void {
  if (def.isMetadataType) {
    throw new RequestError(
      'INVALID_TYPE',
      `Custom metadata records cannot be changed through the REST API (${def.name})`,
    );
  }
}

export function registerSObjectRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get<{ Params: Params }>('/sobjects', async (request) => {
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

  app.get<{ Params: Params }>('/sobjects/:type/describe', async (request) => {
    const def = objectOr404(ctx, request.params.type);
    return describeObject(ctx.schema, def, apiVersionOf(request.params));
  });

  app.post<{ Params: Params }>('/sobjects/:type', async (request, reply) => {
    const def = objectOr404(ctx, request.params.type);
    writable(def);
    const body = parseJsonObject(request.body);
    if (def.isEvent) return publishEvent(ctx, def, body, reply);
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

  const extField = (def: ObjectDef, name: string) => {
    const field = def.fieldsByLower.get(name.toLowerCase());
    if (!field)
      throw new RequestError(
        'NOT_FOUND',
        `Provided external ID field does not exist or is not accessible: ${name}`,
        404,
      );
    if (!(field.externalId || field.name === 'Id' || field.unique)) {
      throw new RequestError(
        'INVALID_FIELD',
        `Field ${field.name} is not an External ID or indexed field for ${def.name}`,
        400,
      );
    }
    return field;
  };

  app.get<{ Params: Params }>('/sobjects/:type/:field/:value', async (request, reply) => {
    const def = objectOr404(ctx, request.params.type);
    const field = extField(def, request.params.field);
    const hits = ctx.store.findByExternalId(def, field, request.params.value);
    const version = apiVersionOf(request.params);
    if (hits.length > 1) return reply.code(300).send(hits.map((id) => recordUrl(version, def.name, id)));
    const rec = hits[0] ? ctx.store.get(def, hits[0]) : undefined;
    if (!rec) return notFound(reply);
    return wholeRecord(def, rec, version);
  });

  app.patch<{ Params: Params }>('/sobjects/:type/:field/:value', async (request, reply) => {
    const def = objectOr404(ctx, request.params.type);
    writable(def);
    const field = extField(def, request.params.field);
    const body = parseJsonObject(request.body);
    const version = apiVersionOf(request.params);
    const coerced = coerceValue(field, decodeURIComponent(request.params.value), true);
    if (!coerced.ok) return reply.code(400).send(errorBody([coerced.error]));
    // The external ID comes from the URL; the body must not contradict it.
    const prepared = prepareJsonRecord(ctx.schema, def, body);
    const result = ctx.store.upsert(def, field, coerced.value, prepared);
    if (!result.ok && 'multiple' in result) {
      return reply.code(300).send(result.multiple.map((id) => recordUrl(version, def.name, id)));
    }
    if (!result.ok) {
      const notFoundId = result.errors[0]?.statusCode === 'NOT_FOUND';
      return reply.code(notFoundId ? 404 : 400).send(errorBody(result.errors));
    }
    return reply
      .code(result.created ? 201 : 200)
      .send({ id: result.id, success: true, errors: [], created: result.created });
  });
}

/** Platform event publish: validated like a record, kept for inspection, answered like a create. */
function publishEvent(
  ctx: EmulatorContext,
  def: ObjectDef,
  body: Record<string, unknown>,
  reply: FastifyReply,
) {
  const prepared = prepareJsonRecord(ctx.schema, def, body);
  const errors = [...prepared.errors];
  for (const f of prepared.fields)
    if (!f.createable)
      errors.push({
        statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        message: `Unable to create/update fields: ${f.name}.`,
        fields: [f.name],
      });
  const missing = def.fields.filter(
    (f) => f.required && !prepared.fields.some((v, i) => v === f && prepared.values[i] !== null),
  );
  if (missing.length > 0) {
    errors.push({
      statusCode: 'REQUIRED_FIELD_MISSING',
      message: `Required fields are missing: [${missing.map((f) => f.name).join(', ')}]`,
      fields: missing.map((f) => f.name),
    });
  }
  if (errors.length > 0) return reply.code(400).send(errorBody(errors));
  const list = ctx.events.get(def.name) ?? [];
  const id = `e00${String(list.length + 1).padStart(12, '0')}`;
  const event: Record<string, unknown> = {
    ReplayId: String(list.length + 1),
    EventUuid: randomUUID(),
    CreatedDate: ctx.store.now(),
    CreatedById: ctx.actingUserId,
  };
  prepared.fields.forEach((f, i) => (event[f.name] = prepared.values[i] ?? null));
  list.push(event);
  ctx.events.set(def.name, list);
  return reply.code(201).send({ id, success: true, errors: [] });
}
