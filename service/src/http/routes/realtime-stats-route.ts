// GET /v1/realtime/stats: near-real-time latency percentiles (P50/P90/P95/P99), event counts, backlog and
// the current mode (real-time or Turbo fallback) per entity.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { realtimeStats } from '../../realtime/realtime-stats.js';
import type { Store } from '../../store/store.js';

const ms = z.number().nullable();

const statsBody = z.object({
  enabled: z.boolean(),
  windowStart: z.string(),
  latency: z.object({
    count: z.number(),
    p50Ms: ms,
    p90Ms: ms,
    p95Ms: ms,
    p99Ms: ms,
    maxMs: ms,
  }),
  events: z.object({
    received: z.number(),
    pending: z.number(),
    synced: z.number(),
    failed: z.number(),
    skipped: z.number(),
    turbo: z.number(),
    retrying: z.number(),
    dead: z.number(),
    discarded: z.number(),
    fromReconciliation: z.number(),
  }),
  historyOutbox: z.number().describe('Sync_History__c records committed and not yet delivered to Salesforce'),
  entities: z.array(
    z.object({
      entityId: z.string(),
      mode: z.enum(['realtime', 'turbo']),
      modeReason: z.string().nullable(),
      modeChangedAt: z.string().nullable(),
      pending: z.number(),
      waiting: z.number(),
      oldestPendingChangeAt: z.string().nullable(),
      reconciledTo: z.string().nullable(),
    }),
  ),
});

export const realtimeStatsRoute =
  (store: Store, enabled: boolean): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/realtime/stats',
      {
        schema: {
          summary: 'Near-real-time sync latency percentiles, event counts, backlog and mode',
          security: [{ bearerAuth: [] }],
          querystring: z.object({
            sinceMinutes: z.coerce
              .number()
              .int()
              .min(1)
              .max(7 * 24 * 60)
              .default(7 * 24 * 60),
          }),
          response: { 200: statsBody },
        },
      },
      async (request) =>
        realtimeStats(store, enabled, new Date(Date.now() - request.query.sinceMinutes * 60_000)),
    );
  };
