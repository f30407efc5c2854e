// GET /v1/overview: the console's first page as one JSON document (see ../overview.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiBudgetView } from '../api-budget-view.js';
import type { ConsoleDeps } from '../console-deps.js';
import { nextSessions, openFailures, realtimeView, summaryTiles } from '../overview.js';

const tile = z.object({
  synced: z.number(),
  errors: z.number(),
  errorRate: z.number().nullable(),
  medianLatencyMs: z.number().nullable(),
  sessions: z.number(),
});

const overviewBody = z.object({
  from: z.string(),
  to: z.string(),
  directions: z.array(
    z.object({
      direction: z.enum(['zuora_to_salesforce', 'cpq_to_zuora']),
      available: z.boolean(),
      note: z.string().optional(),
      tiles: z.array(tile.extend({ key: z.string(), previous: tile })),
    }),
  ),
  openFailures: z.number(),
  realtime: z.object({
    enabled: z.boolean(),
    entities: z.array(
      z.object({
        entityId: z.string(),
        mode: z.string(),
        modeReason: z.string().nullable(),
        pending: z.number(),
        oldestPendingChangeAt: z.string().nullable(),
      }),
    ),
  }),
  apiBudget: z.object({
    used: z.number().nullable(),
    limit: z.number().nullable(),
    percent: z.number().nullable(),
    slowAtPercent: z.number(),
    stopAtPercent: z.number(),
    state: z.string(),
    bulkBatchesUsed: z.number().nullable(),
    bulkBatchesMax: z.number().nullable(),
    limitsReadAt: z.string().nullable(),
  }),
  zuora: z.object({ callsInPeriod: z.number(), callsByThisProcess: z.number().nullable() }),
  nextSessions: z.array(z.object({ scope: z.string(), cron: z.string(), nextAt: z.string() })),
});

export const overviewRoute =
  (deps: ConsoleDeps, marks: { slowAtPercent: number; stopAtPercent: number }): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/overview',
      {
        schema: {
          summary:
            'Summary tiles (synced, errors, error rate, median latency) against the previous period, per direction and mode; real-time mode and backlog; API budget; Zuora calls; next scheduled sessions',
          security: [{ bearerAuth: [] }],
          querystring: z.object({
            days: z.coerce
              .number()
              .min(1 / 24)
              .max(366)
              .default(7),
          }),
          response: { 200: overviewBody },
        },
      },
      async (request) => {
        const to = new Date();
        const from = new Date(to.getTime() - request.query.days * 86_400_000);
        const [tiles, failures, realtime, budget, calls] = await Promise.all([
          summaryTiles(deps.store, from, to),
          openFailures(deps.store),
          realtimeView(deps.store, deps.realtimeEnabled),
          apiBudgetView(deps.api, marks),
          deps.store.query<{ n: string | number | null }>(
            'SELECT sum(zuora_calls) AS n FROM sync_sessions WHERE finished_at >= $1 AND finished_at < $2',
            [from.toISOString(), to.toISOString()],
          ),
        ]);
        return {
          from: from.toISOString(),
          to: to.toISOString(),
          directions: [
            { direction: 'zuora_to_salesforce' as const, available: true, tiles },
            {
              direction: 'cpq_to_zuora' as const,
              available: false,
              note: 'The Salesforce CPQ -> Zuora orders sync is not part of this service yet; its tiles appear here when it is.',
              tiles: [],
            },
          ],
          openFailures: failures,
          realtime: {
            enabled: realtime.enabled,
            entities: realtime.entities,
          },
          apiBudget: budget,
          zuora: {
            callsInPeriod: Number(calls[0]?.n ?? 0),
            callsByThisProcess: deps.api?.zuora.calls ?? null,
          },
          nextSessions: nextSessions(deps.crons, to),
        };
      },
    );
  };
