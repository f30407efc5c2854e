// POST /v1/syncs: request Turbo Sync sessions (manual trigger). They run as jobs; poll GET /v1/syncs/:id.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type PgBoss from 'pg-boss';
import type { Store } from '../../store/store.js';
import { requestSession } from '../../sync/request-session.js';
import { enqueueSession } from '../../sync/session-worker.js';
import { sessionBody, sessionToBody } from './sessions-route.js';

const requestBody = z.strictObject({
  scope: z.enum(['accounts', 'catalog', 'all']).default('all'),
  mode: z.enum(['full', 'incremental']).optional(),
  entityId: z.string().max(64).optional(),
  subscriptionIdentity: z.enum(['number', 'version']).optional(),
});

const refusal = z.object({
  error: z.literal('session_conflict'),
  message: z.string(),
  blockingSessionId: z.string(),
});

export const syncsRoute =
  (store: Store, boss: PgBoss): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/syncs',
      {
        schema: {
          summary:
            'Start Turbo Sync sessions (accounts, catalog or both); refused while a conflicting session runs',
          security: [{ bearerAuth: [] }],
          body: requestBody,
          response: { 202: z.object({ sessions: z.array(sessionBody) }), 409: refusal },
        },
      },
      async (request, reply) => {
        const { scope, mode, entityId, subscriptionIdentity } = request.body;
        const scopes = scope === 'all' ? (['catalog', 'accounts'] as const) : [scope];
        const started = [];
        for (const s of scopes) {
          const result = await requestSession(store, {
            scope: s,
            trigger: 'manual',
            ...(mode === undefined ? {} : { mode }),
            ...(entityId === undefined ? {} : { entityId }),
            params: subscriptionIdentity === undefined ? {} : { subscriptionIdentity },
          });
          if (!result.ok) {
            return reply.code(409).send({
              error: 'session_conflict',
              message: result.message,
              blockingSessionId: result.blockingSessionId,
            });
          }
          await enqueueSession(boss, result.session.id);
          started.push(sessionToBody(result.session));
        }
        return reply.code(202).send({ sessions: started });
      },
    );
  };
