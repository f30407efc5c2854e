// POST /v1/backfills: Start a backfill: re-sync some billing accounts, objects or an UpdatedDate range
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { backfillBody, toSpec } from './backfill-spec.js';
import { requestSession } from '../../sessions/request-session.js';
import { enqueueSession } from '../../sessions/session-worker.js';
import type { ConsoleDeps } from '../console-deps.js';

const errorBody = z.object({ error: z.string(), message: z.string() });

/** POST /v1/backfills */
export const backfillRoute =
  (deps: ConsoleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/backfills',
      {
        schema: {
          summary: 'Start a backfill: re-sync some billing accounts, objects or an UpdatedDate range',
          security: [{ bearerAuth: [] }],
          body: backfillBody.extend({
            scope: z.enum(['accounts', 'catalog']).default('accounts'),
            entityId: z.string().max(64).optional(),
          }),
          response: { 202: z.object({ sessionIds: z.array(z.string()) }), 400: errorBody, 409: errorBody },
        },
      },
      async (request, reply) => {
        const { scope, entityId, ...rest } = request.body;
        const spec = toSpec(rest);
        if (Object.keys(spec).length === 0)
          return reply.code(400).send({
            error: 'invalid_request',
            message:
              'body: a backfill needs accountIds, objects, since or until (a whole re-sync is a full sync)',
          });
        const ids: string[] = [];
        const refused: string[] = [];
        for (const entity of entityId === undefined ? await deps.entities() : [entityId]) {
          const result = await requestSession(deps.store, {
            scope,
            trigger: 'backfill',
            mode: 'full',
            entityId: entity,
            params: { backfill: spec },
          });
          if (!result.ok) refused.push(result.message);
          else {
            await enqueueSession(deps.boss, result.session.id);
            ids.push(result.session.id);
          }
        }
        if (ids.length === 0)
          return reply.code(409).send({ error: 'session_conflict', message: refused.join(' ') });
        return reply.code(202).send({ sessionIds: ids });
      },
    );
  };
