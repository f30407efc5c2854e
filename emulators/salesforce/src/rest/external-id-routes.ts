import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { normalizeId } from '../../../shared/salesforce-id.js';
import type { EmulatorContext } from '../emulator-context.js';
import { apiVersionOf, parseJsonObject, sendError } from '../http/sf-reply.js';
import type { FieldDef, ObjectDef } from '../schema/schema-types.js';
import { coerceValue } from '../store/coerce-value.js';
import { prepareJsonRecord } from '../store/prepare-json-record.js';
import { RequestError, type SfValue } from '../store/sf-error.js';
import { recordUrl, wholeRecord } from './record-json.js';
import { errorBody } from './save-result.js';
import { objectOr404, writable } from './sobject-lookup.js';

// sObject Rows by External ID: read, upsert (201 created, 200 updated with {id, success, errors,
// created}, 300 with the matching records' URLs when several match, `?updateOnly=true` to never
// create), delete, and `POST /sobjects/X/Id` to create (Id as the key with a null value, API 37.0+).
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_upsert.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/dome_upsert.htm (updateOnly)

type Params = { version: string; type: string; field: string; value: string };
type ExtRequest = FastifyRequest<{ Params: Params; Querystring: { updateOnly?: string } }>;

function extField(def: ObjectDef, name: string): FieldDef {
  const field = def.fieldsByLower.get(name.toLowerCase());
  if (!field)
    throw new RequestError(
      'NOT_FOUND',
      `Provided external ID field does not exist or is not accessible: ${name}`,
      404,
    );
  if (!(field.externalId || field.name === 'Id' || field.unique))
    throw new RequestError(
      'INVALID_FIELD',
      `Field ${field.name} is not an External ID or indexed field for ${def.name}`,
    );
  return field;
}

/** The key from the URL as the field stores it; an Id in either form. */
function keyOf(field: FieldDef, value: string): SfValue | null {
  const coerced = coerceValue(field, value, true);
  if (!coerced.ok) return null;
  return field.name === 'Id' && typeof coerced.value === 'string'
    ? normalizeId(coerced.value)
    : coerced.value;
}

const notFound = (reply: FastifyReply) =>
  sendError(reply, 404, 'NOT_FOUND', 'The requested resource does not exist');

function multiple(reply: FastifyReply, version: string, def: ObjectDef, ids: string[]) {
  return reply.code(300).send(ids.map((id) => recordUrl(version, def.name, id)));
}

export function registerExternalIdRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const lookup = (request: ExtRequest) => {
    const def = objectOr404(ctx, request.params.type);
    const field = extField(def, request.params.field);
    const key = keyOf(field, request.params.value);
    return { def, field, key, hits: key === null ? [] : ctx.store.findByExternalId(def, field, key) };
  };

  app.get('/sobjects/:type/:field/:value', async (request: ExtRequest, reply) => {
    const { def, hits } = lookup(request);
    const version = apiVersionOf(request.params);
    if (hits.length > 1) return multiple(reply, version, def, hits);
    const rec = hits[0] ? ctx.store.get(def, hits[0]) : undefined;
    return rec ? wholeRecord(def, rec, version) : notFound(reply);
  });

  app.patch('/sobjects/:type/:field/:value', async (request: ExtRequest, reply) => {
    const def = objectOr404(ctx, request.params.type);
    writable(def);
    const field = extField(def, request.params.field);
    const body = parseJsonObject(request.body);
    const version = apiVersionOf(request.params);
    const coerced = coerceValue(field, request.params.value, true);
    if (!coerced.ok) return reply.code(400).send(errorBody([coerced.error]));
    const prepared = prepareJsonRecord(ctx.schema, def, body);
    if (request.query.updateOnly === 'true') {
      const hits = ctx.store.findByExternalId(def, field, keyOf(field, request.params.value));
      if (hits.length === 0) return notFound(reply);
    }
    const result = ctx.store.upsert(def, field, coerced.value, prepared);
    if (!result.ok && 'multiple' in result) return multiple(reply, version, def, result.multiple);
    if (!result.ok) {
      const notFoundId = result.errors[0]?.statusCode === 'NOT_FOUND';
      return reply.code(notFoundId ? 404 : 400).send(errorBody(result.errors));
    }
    return reply
      .code(result.created ? 201 : 200)
      .send({ id: result.id, success: true, errors: [], created: result.created });
  });

  app.delete('/sobjects/:type/:field/:value', async (request: ExtRequest, reply) => {
    const { def, hits } = lookup(request);
    writable(def);
    if (hits.length > 1) return multiple(reply, apiVersionOf(request.params), def, hits);
    if (hits.length === 0) return notFound(reply);
    const [result] = ctx.store.delete(def, hits);
    if (!result?.ok) return reply.code(400).send(errorBody(result && !result.ok ? result.errors : []));
    return reply.code(204).send();
  });

  app.post('/sobjects/:type/:field', async (request: FastifyRequest<{ Params: Params }>, reply) => {
    const def = objectOr404(ctx, request.params.type);
    if (request.params.field.toLowerCase() !== 'id') return notFound(reply);
    writable(def);
    const result = ctx.store.insert(def, prepareJsonRecord(ctx.schema, def, parseJsonObject(request.body)));
    if (!result.ok) return reply.code(400).send(errorBody(result.errors));
    return reply.code(201).send({ id: result.id, success: true, errors: [], created: true });
  });
}
