// GET /v1/cpq/poller: the CPQ poller's state: on or off (CPQ_SYNC), its interval and the admin's filter, when
// it last looked (the start of its last look) and when it looks next
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readWatermark } from '../../store/watermark-rows.js';
import type { ConsoleDeps } from '../console-deps.js';
import { cpqErrorBody, unavailable } from './cpq-schemas.js';

export const cpqPollerRoute =
  (deps: ConsoleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/cpq/poller',
      {
        schema: {
          summary: "The CPQ poller's state: enabled, interval, filter, last and next poll",
          security: [{ bearerAuth: [] }],
          response: {
            200: z.object({
              enabled: z.boolean(),
              intervalSeconds: z.number(),
              filter: z.string().nullable(),
              lastPollAt: z.string().nullable(),
              nextPollAt: z.string().nullable(),
            }),
            503: cpqErrorBody,
          },
        },
      },
      async (_request, reply) => {
        const cpq = deps.cpq;
        if (cpq === undefined) return reply.code(503).send(unavailable);
        const last = await readWatermark(deps.store, 'cpq', '');
        const interval = cpq.deps.cpq.pollIntervalSeconds;
        return {
          enabled: cpq.pollerEnabled,
          intervalSeconds: interval,
          filter: cpq.deps.cpq.orderFilter ?? null,
          lastPollAt: last?.toISOString() ?? null,
          // The poller starts a look every interval (cpq-poller.ts); the watermark is the last look's start.
          nextPollAt:
            cpq.pollerEnabled && last !== undefined
              ? new Date(last.getTime() + interval * 1000).toISOString()
              : null,
        };
      },
    );
  };
