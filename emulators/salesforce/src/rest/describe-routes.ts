import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../emulator-context.js';
import { apiVersionOf, sendError } from '../http/sf-reply.js';
import { modifiedSince, notModifiedSince } from './conditional.js';
import { describeGlobalEntry, describeObject } from './describe-object.js';
import { objectOr404 } from './sobject-lookup.js';

// Describe Global, sObject Basic Information and sObject Describe. The metadata's last change is when
// the schema was read, for If-Modified-Since (304) and If-Unmodified-Since (412).
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_describeGlobal.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_sobject_describe.htm

type Params = { version: string; type: string };

export function registerDescribeRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
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
}
