// POST /v1/failures/retry: Retry failures now: the selected ids, or every open failure matching a filter (e.g. one code)
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allFailures, failuresByIds, type FailureRow } from '../../store/failure-queries.js';
import type { ConsoleDeps } from '../console-deps.js';
import { startRetry } from '../failure-retry.js';
import { filterQuery, toFilter } from './failure-schemas.js';

const errorBody = z.object({ error: z.string(), message: z.string() });

/** Most failures one retry request sends (the rest wait for another request or the next session). */
const maxRetry = 20_000;

/** POST /v1/failures/retry */
export const failureRetryRoute =
  (deps: ConsoleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/failures/retry',
      {
        schema: {
          summary:
            'Retry failures now: the selected ids, or every open failure matching a filter (e.g. one code)',
          security: [{ bearerAuth: [] }],
          body: z
            .strictObject({
              ids: z.array(z.number().int().positive()).min(1).max(maxRetry).optional(),
              filter: filterQuery.omit({ resolved: true }).strict().optional(),
            })
            .refine((b) => (b.ids === undefined) !== (b.filter === undefined), {
              message: 'send either ids or filter',
              path: ['ids'],
            }),
          response: {
            202: z.object({
              sessions: z.array(
                z.object({ id: z.string(), entityId: z.string(), scope: z.string(), records: z.number() }),
              ),
              skipped: z.array(z.object({ id: z.number(), reason: z.string() })),
            }),
            503: errorBody,
          },
        },
      },
      async (request, reply) => {
        const api = deps.api;
        if (api === undefined)
          return reply.code(503).send({
            error: 'unavailable',
            message: 'this service process does not run syncs; retry on one that does',
          });
        const b = request.body;
        let rows: FailureRow[];
        if (b.ids !== undefined) rows = await failuresByIds(deps.store, b.ids);
        else {
          rows = [];
          for await (const f of allFailures(deps.store, toFilter({ ...b.filter, resolved: 'exclude' }))) {
            rows.push(f);
            if (rows.length >= maxRetry) break;
          }
        }
        const plan = await startRetry(api, rows, deps.track);
        return reply.code(202).send({ sessions: plan.sessions, skipped: plan.skipped });
      },
    );
  };
