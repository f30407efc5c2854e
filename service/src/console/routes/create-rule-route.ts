// POST /v1/notification-rules: Create a notification rule (a webhook without a secret gets one, answered once)
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queryable } from '../../store/store.js';
import { insertRule } from '../notify/rule-rows.js';
import { input, out, ruleBody, ruleOut } from './notification-rule-schemas.js';

/** POST /v1/notification-rules */
export const createRuleRoute =
  (store: Queryable): FastifyPluginAsyncZod =>
  async (app) => {
    const security = [{ bearerAuth: [] }];
    app.post(
      '/v1/notification-rules',
      {
        schema: {
          summary: 'Create a notification rule (a webhook without a secret gets one, answered once)',
          security,
          body: ruleBody,
          response: { 201: ruleOut.extend({ webhookSecret: z.string().optional() }) },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const generated =
          b.webhookUrl !== null && b.webhookSecret === undefined
            ? randomBytes(24).toString('base64url')
            : undefined;
        const rule = await insertRule(store, input(b, b.webhookSecret ?? generated ?? null));
        return reply
          .code(201)
          .send({ ...out(rule), ...(generated === undefined ? {} : { webhookSecret: generated }) });
      },
    );
  };
