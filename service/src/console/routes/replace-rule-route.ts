// PUT /v1/notification-rules/:id: Replace a notification rule (the webhook secret is kept unless sent)
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queryable } from '../../store/store.js';
import { updateRule } from '../notify/rule-rows.js';
import { input, out, ruleBody, ruleOut } from './notification-rule-schemas.js';

const errorBody = z.object({ error: z.string(), message: z.string() });

const idParams = z.object({ id: z.string().uuid() });

const notFound = (id: string) => ({ error: 'not_found', message: `no notification rule ${id}` });

/** PUT /v1/notification-rules/:id */
export const replaceRuleRoute =
  (store: Queryable): FastifyPluginAsyncZod =>
  async (app) => {
    const security = [{ bearerAuth: [] }];
    app.put(
      '/v1/notification-rules/:id',
      {
        schema: {
          summary: 'Replace a notification rule (the webhook secret is kept unless sent)',
          security,
          params: idParams,
          body: ruleBody,
          response: { 200: ruleOut, 404: errorBody },
        },
      },
      async (request, reply) => {
        const b = request.body;
        const rule = await updateRule(
          store,
          request.params.id,
          input(b, b.webhookUrl === null ? null : b.webhookSecret),
        );
        return rule === undefined ? reply.code(404).send(notFound(request.params.id)) : out(rule);
      },
    );
  };
