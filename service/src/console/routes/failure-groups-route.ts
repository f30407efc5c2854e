// GET /v1/failures/groups: Open failures grouped by error code, with the explanation and the fix
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { failureGroups } from '../../store/failure-queries.js';
import type { ConsoleDeps } from '../console-deps.js';
import { explainCode, explanationBody, filterQuery, toFilter } from './failure-schemas.js';

/** GET /v1/failures/groups */
export const failureGroupsRoute =
  (deps: ConsoleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/failures/groups',
      {
        schema: {
          summary: 'Open failures grouped by error code, with the explanation and the fix',
          security: [{ bearerAuth: [] }],
          querystring: filterQuery,
          response: {
            200: z.object({
              total: z.number(),
              groups: z.array(
                z.object({
                  code: z.string(),
                  count: z.number(),
                  lastFailedAt: z.string(),
                  exampleMessage: z.string(),
                  objects: z.array(z.object({ object: z.string(), count: z.number() })),
                  explanation: explanationBody,
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const groups = await failureGroups(deps.store, toFilter(request.query));
        return {
          total: groups.reduce((n, g) => n + g.count, 0),
          groups: groups.map((g) => ({
            ...g,
            objects: [...g.objects],
            lastFailedAt: g.lastFailedAt.toISOString(),
            explanation: explainCode(g.code),
          })),
        };
      },
    );
  };
