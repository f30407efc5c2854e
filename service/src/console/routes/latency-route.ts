// GET /v1/performance/latency: Latency percentiles (nearest rank, as Zuora defines them) per object and path, over time and by stage
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  latencyByObject,
  latencySeries,
  latencyStages,
  utcIso,
  type LatencyQuery,
} from '../../realtime/latency-report.js';
import { syncSeries } from '../../sessions/session-totals.js';
import type { Queryable } from '../../store/store.js';

const maxBuckets = 10_080;

const bucketMs = { day: 86_400_000, hour: 3_600_000, minute: 60_000 } as const;

const errorBody = z.object({ error: z.string(), message: z.string() });

const pct = {
  count: z.number(),
  avg: z.number().nullable(),
  max: z.number().nullable(),
  p50: z.number().nullable(),
  p90: z.number().nullable(),
  p95: z.number().nullable(),
  p99: z.number().nullable(),
};

const rangeQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional().describe('default: 7 days before `to`'),
  to: z.iso.datetime({ offset: true }).optional().describe('default: now'),
});

function range(q: z.infer<typeof rangeQuery>): { from: Date; to: Date } {
  const to = q.to === undefined ? new Date() : new Date(q.to);
  const from = q.from === undefined ? new Date(to.getTime() - 7 * 86_400_000) : new Date(q.from);
  return { from, to };
}

/** GET /v1/performance/latency */
export const latencyRoute =
  (store: Queryable): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/performance/latency',
      {
        schema: {
          summary:
            'Latency percentiles (nearest rank, as Zuora defines them) per object and path, over time and by stage',
          security: [{ bearerAuth: [] }],
          querystring: rangeQuery.extend({
            bucket: z.enum(['day', 'hour', 'minute']).default('hour'),
            object: z.string().max(80).optional(),
            path: z.enum(['callout', 'reconcile', 'on-demand']).optional(),
          }),
          response: {
            200: z.object({
              from: z.string(),
              to: z.string(),
              bucket: z.string(),
              byObject: z.array(z.object({ object: z.string(), path: z.string(), ...pct })),
              series: z.array(z.object({ start: z.string(), ...pct })),
              stages: z.object({ received: z.object(pct), read: z.object(pct), written: z.object(pct) }),
              trend: z.array(z.object({ start: z.string(), synced: z.number(), failed: z.number() })),
            }),
            400: errorBody,
          },
        },
      },
      async (request, reply) => {
        const { from, to } = range(request.query);
        const { bucket, object, path } = request.query;
        if (!(from < to))
          return reply
            .code(400)
            .send({ error: 'invalid_request', message: 'querystring.from: must be before to' });
        const buckets = Math.ceil((to.getTime() - from.getTime()) / bucketMs[bucket]);
        if (buckets > maxBuckets)
          return reply.code(400).send({
            error: 'invalid_request',
            message: `querystring.bucket: ${bucket} buckets over this range make ${String(buckets)} points (at most ${String(maxBuckets)}); choose a larger bucket or a shorter range`,
          });
        const q: LatencyQuery = {
          from,
          to,
          ...(object === undefined ? {} : { object }),
          ...(path === undefined ? {} : { path }),
        };
        const [byObject, series, stages, trend] = await Promise.all([
          latencyByObject(store, q),
          latencySeries(store, q, bucket),
          latencyStages(store, q),
          syncSeries(store, from, to, bucket),
        ]);
        return {
          from: from.toISOString(),
          to: to.toISOString(),
          bucket,
          byObject,
          series,
          stages,
          trend: trend.map((t) => ({ ...t, start: utcIso(t.start) })),
        };
      },
    );
  };
