// GET /v1/performance/throughput: Records per second of each Turbo session that ended in the range
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { turboThroughput } from '../../sessions/session-totals.js';
import type { Queryable } from '../../store/store.js';

const rangeQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional().describe('default: 7 days before `to`'),
  to: z.iso.datetime({ offset: true }).optional().describe('default: now'),
});

function range(q: z.infer<typeof rangeQuery>): { from: Date; to: Date } {
  const to = q.to === undefined ? new Date() : new Date(q.to);
  const from = q.from === undefined ? new Date(to.getTime() - 7 * 86_400_000) : new Date(q.from);
  return { from, to };
}

/** GET /v1/performance/throughput */
export const throughputRoute =
  (store: Queryable): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/performance/throughput',
      {
        schema: {
          summary: 'Records per second of each Turbo session that ended in the range',
          security: [{ bearerAuth: [] }],
          querystring: rangeQuery.extend({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
          response: {
            200: z.object({
              sessions: z.array(
                z.object({
                  id: z.string(),
                  trigger: z.string(),
                  scope: z.string(),
                  finishedAt: z.string(),
                  records: z.number(),
                  seconds: z.number(),
                  recordsPerSecond: z.number(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => {
        const { from, to } = range(request.query);
        const rows = await turboThroughput(store, from, to, request.query.limit);
        return { sessions: rows.map((r) => ({ ...r, finishedAt: r.finishedAt.toISOString() })) };
      },
    );
  };
