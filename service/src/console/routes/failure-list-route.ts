// GET /v1/failures: Failures under filters, newest first, a page at a time
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listFailures } from '../../store/failure-queries.js';
import type { ConsoleDeps } from '../console-deps.js';
import { failureBody, failureToBody, filterQuery, toFilter } from './failure-schemas.js';

/** GET /v1/failures */
export const failureListRoute =
  (deps: ConsoleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/failures',
      {
        schema: {
          summary: 'Failures under filters, newest first, a page at a time',
          security: [{ bearerAuth: [] }],
          querystring: filterQuery.extend({
            limit: z.coerce.number().int().min(1).max(500).default(50),
            before: z.coerce.number().int().positive().optional().describe('nextBefore of the previous page'),
          }),
          response: { 200: z.object({ failures: z.array(failureBody), nextBefore: z.number().optional() }) },
        },
      },
      async (request) => {
        const { limit, before } = request.query;
        const rows = await listFailures(deps.store, toFilter(request.query), limit, before);
        const last = rows.length === limit ? rows[rows.length - 1] : undefined;
        return { failures: rows.map(failureToBody), ...(last === undefined ? {} : { nextBefore: last.id }) };
      },
    );
  };
