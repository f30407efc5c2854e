// Read side of sync sessions: GET /v1/syncs and GET /v1/syncs/:id.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Store } from '../../store/store.js';
import { findSession, listSessions, type SyncSession } from '../../sessions/session-rows.js';
import { sessionStates } from '../../sessions/session-states.js';

export const sessionBody = z.object({
  id: z.string().uuid(),
  scope: z.enum(['accounts', 'catalog']),
  trigger: z.enum(['manual', 'scheduled', 'on_demand', 'realtime', 'backfill', 'cleanup']),
  mode: z.enum(['full', 'incremental']),
  state: z.enum(sessionStates),
  entityId: z.string(),
  counts: z.record(z.string(), z.unknown()),
  error: z.string().optional(),
  requestedAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
});

export function sessionToBody(s: SyncSession): z.infer<typeof sessionBody> {
  return {
    id: s.id,
    scope: s.scope,
    trigger: s.trigger,
    mode: s.mode,
    state: s.state,
    entityId: s.entityId,
    counts: { ...s.counts },
    ...(s.error === undefined ? {} : { error: s.error }),
    requestedAt: s.requestedAt.toISOString(),
    ...(s.startedAt === undefined ? {} : { startedAt: s.startedAt.toISOString() }),
    ...(s.finishedAt === undefined ? {} : { finishedAt: s.finishedAt.toISOString() }),
  };
}

const errorBody = z.object({ error: z.string(), message: z.string() });

export const sessionsRoute =
  (store: Store): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/syncs',
      {
        schema: {
          summary: 'Recent sync sessions, newest first',
          security: [{ bearerAuth: [] }],
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
          response: { 200: z.object({ sessions: z.array(sessionBody) }) },
        },
      },
      async (request) => ({ sessions: (await listSessions(store, request.query.limit)).map(sessionToBody) }),
    );
    app.get(
      '/v1/syncs/:id',
      {
        schema: {
          summary: 'One sync session',
          security: [{ bearerAuth: [] }],
          params: z.object({ id: z.string().uuid() }),
          response: { 200: sessionBody, 404: errorBody },
        },
      },
      async (request, reply) => {
        const session = await findSession(store, request.params.id);
        if (session === undefined) {
          return reply
            .code(404)
            .send({ error: 'not_found', message: `no sync session ${request.params.id}` });
        }
        return sessionToBody(session);
      },
    );
  };
