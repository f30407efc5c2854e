import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../emulator-context.js';
import { apiVersionOf, parseJsonObject } from '../http/sf-reply.js';
import { RequestError } from '../store/sf-error.js';
import { textOf } from '../text-of.js';
import { parameterizedQuery } from './parameterized-search.js';
import { parseSosl } from './sosl-parser.js';
import { runSearch } from './run-search.js';

// `GET /search?q=FIND {...}` (SOSL) and `/parameterizedSearch` (GET with query parameters or POST with
// a JSON body), both answering `{searchRecords: [...]}`.
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_search.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_search_parameterized.htm

export function registerSearchRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get('/search', async (request: FastifyRequest<{ Querystring: { q?: unknown } }>) => {
    const sosl = textOf(request.query.q);
    if (sosl.trim() === '')
      throw new RequestError('MALFORMED_SEARCH', 'A SOSL search (q=FIND {...}) is required');
    const records = runSearch(ctx.store, parseSosl(sosl), sosl, apiVersionOf(request.params));
    return { searchRecords: records };
  });

  app.get('/parameterizedSearch', async (request) => {
    const { query, sosl } = parameterizedQuery(request.query as Record<string, unknown>);
    return { searchRecords: runSearch(ctx.store, query, sosl, apiVersionOf(request.params)) };
  });

  app.post('/parameterizedSearch', async (request) => {
    const { query, sosl } = parameterizedQuery(parseJsonObject(request.body));
    return { searchRecords: runSearch(ctx.store, query, sosl, apiVersionOf(request.params)) };
  });
}
