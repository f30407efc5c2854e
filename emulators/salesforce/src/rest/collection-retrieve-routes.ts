import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isSalesforceId, normalizeId } from '../../../shared/salesforce-id.js';
import type { EmulatorContext } from '../emulator-context.js';
import { apiVersionOf, parseJsonObject } from '../http/sf-reply.js';
import type { ObjectDef } from '../schema/schema-types.js';
import { noSuchColumn } from '../store/prepare-json-record.js';
import { RequestError } from '../store/sf-error.js';
import { fieldJson, recordUrl } from './record-json.js';
import { objectOr404 } from './sobject-lookup.js';

// sObject Collections retrieve: records of one type by Id, as GET (`?ids=&fields=`, about 800 Ids
// before the URL is too long) or POST (`{ids, fields}`, up to 2,000). One entry per Id in request
// order; "if a passed ID is invalid, the array returns null for that object"; an invalid field name
// is a 400. This is what jsforce's `retrieve(type, [ids])` sends.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_retrieve.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections_retrieve_post.htm

const maxPostIds = 2000;

function asList(value: unknown, name: string): string[] {
  const list = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(list) || list.length === 0 || list.some((v) => typeof v !== 'string' || v.trim() === ''))
    throw new RequestError(
      'MISSING_ARGUMENT',
      `${name} is required: a list of ${name === 'ids' ? 'record Ids' : 'field names'}`,
    );
  return (list as string[]).map((v) => v.trim());
}

function retrieve(
  ctx: EmulatorContext,
  def: ObjectDef,
  ids: string[],
  fieldNames: string[],
  version: string,
) {
  const fields = fieldNames.map((name) => {
    const field = def.fieldsByLower.get(name.toLowerCase());
    if (!field) throw noSuchColumn(def, name);
    return field;
  });
  return ids.map((raw) => {
    const rec = isSalesforceId(raw) ? ctx.store.get(def, normalizeId(raw)) : undefined;
    if (!rec) return null;
    const out: Record<string, unknown> = {
      attributes: { type: def.name, url: recordUrl(version, def.name, String(rec.Id)) },
    };
    for (const f of fields) out[f.name] = fieldJson(f, rec);
    return out;
  });
}

type Params = { version: string; type: string };

export function registerCollectionRetrieveRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get(
    '/composite/sobjects/:type',
    async (request: FastifyRequest<{ Params: Params; Querystring: { ids?: string; fields?: string } }>) => {
      const def = objectOr404(ctx, request.params.type);
      const ids = asList(request.query.ids, 'ids');
      return retrieve(ctx, def, ids, asList(request.query.fields, 'fields'), apiVersionOf(request.params));
    },
  );

  app.post('/composite/sobjects/:type', async (request: FastifyRequest<{ Params: Params }>) => {
    const def = objectOr404(ctx, request.params.type);
    const body = parseJsonObject(request.body);
    const ids = asList(body.ids, 'ids');
    if (ids.length > maxPostIds)
      throw new RequestError(
        'EXCEEDED_ID_LIMIT',
        `Retrieve takes at most ${maxPostIds} Ids, got ${ids.length}`,
      );
    return retrieve(ctx, def, ids, asList(body.fields, 'fields'), apiVersionOf(request.params));
  });
}
