// GET /v1/notification-deliveries: Notification deliveries, newest first (each notification once per channel)
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queryable } from '../../store/store.js';
import { listDeliveries } from '../notify/delivery-rows.js';

/** GET /v1/notification-deliveries */
export const deliveriesRoute =
  (store: Queryable): FastifyPluginAsyncZod =>
  async (app) => {
    const security = [{ bearerAuth: [] }];
    app.get(
      '/v1/notification-deliveries',
      {
        schema: {
          summary: 'Notification deliveries, newest first (each notification once per channel)',
          security,
          querystring: z.object({
            rule: z.string().uuid().optional(),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
          response: {
            200: z.object({
              deliveries: z.array(
                z.object({
                  id: z.string(),
                  ruleId: z.string().nullable(),
                  ruleName: z.string(),
                  channel: z.string(),
                  eventType: z.string(),
                  state: z.string(),
                  attempts: z.number(),
                  lastError: z.string().nullable(),
                  message: z.string(),
                  createdAt: z.string(),
                  sentAt: z.string().nullable(),
                }),
              ),
            }),
          },
        },
      },
      async (request) => ({
        deliveries: (await listDeliveries(store, request.query.rule, request.query.limit)).map((d) => ({
          id: d.id,
          ruleId: d.ruleId,
          ruleName: d.ruleName,
          channel: d.channel,
          eventType: d.eventType,
          state: d.state,
          attempts: d.attempts,
          lastError: d.lastError,
          message: d.payload.message,
          createdAt: d.createdAt.toISOString(),
          sentAt: d.sentAt?.toISOString() ?? null,
        })),
      }),
    );
  };
