// GET /v1/notification-rules: Notification rules
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queryable } from '../../store/store.js';
import { listRules } from '../notify/rule-rows.js';
import { out, ruleOut } from './notification-rule-schemas.js';

/** GET /v1/notification-rules */
export const listRulesRoute =
  (store: Queryable): FastifyPluginAsyncZod =>
  async (app) => {
    const security = [{ bearerAuth: [] }];
    app.get(
      '/v1/notification-rules',
      {
        schema: {
          summary: 'Notification rules',
          security,
          response: { 200: z.object({ rules: z.array(ruleOut) }) },
        },
      },
      async () => ({
        rules: (await listRules(store)).map(out),
      }),
    );
  };
