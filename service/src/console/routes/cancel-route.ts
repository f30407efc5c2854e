// POST /v1/syncs/:id/cancel: Cancel a manual or backfill session (a running one stops after the Bulk job in flight)
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestCancel } from '../../sessions/session-cancel.js';
import type { ConsoleDeps } from '../console-deps.js';

const errorBody = z.object({ error: z.string(), message: z.string() });

/** POST /v1/syncs/:id/cancel */
export const cancelRoute =
  (deps: ConsoleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/syncs/:id/cancel',
      {
        schema: {
          summary: 'Cancel a manual or backfill session (a running one stops after the Bulk job in flight)',
          security: [{ bearerAuth: [] }],
          params: z.object({ id: z.string().uuid() }),
          response: {
            202: z.object({ result: z.enum(['cancelled', 'requested']) }),
            404: errorBody,
            409: errorBody,
          },
        },
      },
      async (request, reply) => {
        const result = await requestCancel(deps.store, request.params.id);
        if (result.kind === 'not_found')
          return reply
            .code(404)
            .send({ error: 'not_found', message: `no sync session ${request.params.id}` });
        if (result.kind === 'refused')
          return reply.code(409).send({ error: 'not_cancellable', message: result.message });
        return reply.code(202).send({ result: result.kind });
      },
    );
  };
