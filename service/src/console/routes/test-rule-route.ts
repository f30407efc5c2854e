// POST /v1/notification-rules/:id/test: Send a test notification on the rule's channels now
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queryable } from '../../store/store.js';
import { createDeliveries } from '../notify/delivery-rows.js';
import { channelsOf } from '../notify/notifier.js';
import { findRule } from '../notify/rule-rows.js';

const errorBody = z.object({ error: z.string(), message: z.string() });

const idParams = z.object({ id: z.string().uuid() });

const notFound = (id: string) => ({ error: 'not_found', message: `no notification rule ${id}` });

/** POST /v1/notification-rules/:id/test */
export const testRuleRoute =
  (store: Queryable): FastifyPluginAsyncZod =>
  async (app) => {
    const security = [{ bearerAuth: [] }];
    app.post(
      '/v1/notification-rules/:id/test',
      {
        schema: {
          summary: "Send a test notification on the rule's channels now",
          security,
          params: idParams,
          response: { 202: z.object({ deliveries: z.number() }), 404: errorBody },
        },
      },
      async (request, reply) => {
        const rule = await findRule(store, request.params.id);
        if (rule === undefined) return reply.code(404).send(notFound(request.params.id));
        const now = new Date().toISOString();
        const n = await createDeliveries(
          store,
          `test:${rule.id}:${now}`,
          {
            eventType: 'TEST',
            ruleId: rule.id,
            ruleName: rule.name,
            message: `Test notification of the rule "${rule.name}"`,
            value: null,
            threshold: rule.threshold,
            thresholdType: rule.thresholdType,
            windowStart: null,
            windowEnd: now,
          },
          channelsOf(rule),
        );
        return reply.code(202).send({ deliveries: n });
      },
    );
  };
