// POST /v1/syncs: request Turbo Sync sessions (manual trigger). They run as jobs; poll GET /v1/syncs/:id.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type PgBoss from 'pg-boss';
import { entityIdSchema, unknownEntity } from '../../config/entity-ids.js';
import type { Store } from '../../store/store.js';
import { requestSession } from '../../sessions/request-session.js';
import { enqueueSession } from '../../sessions/session-worker.js';
import { sessionBody, sessionToBody } from './sessions-route.js';

const requestBody = z.strictObject({
  scope: z.enum(['accounts', 'catalog', 'all']).default('all'),
  mode: z.enum(['full', 'incremental']).optional(),
  entityId: entityIdSchema.optional(),
  subscriptionIdentity: z.enum(['number', 'version']).optional(),
  /** Compare with Salesforce and report in the session's counts (`dryRun`); nothing is written. */
  dryRun: z.boolean().optional(),
});

const refusal = z.object({
  error: z.literal('session_conflict'),
  message: z.string(),
  blockingSessionId: z.string(),
});

export const syncsRoute =
  (
    store: Store,
    boss: PgBoss,
    /** Entities a request without entityId covers (one session each); default: the tenant itself. */
    entities: () => Promise<readonly string[]> = () => Promise.resolve(['']),
  ): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/syncs',
      {
        schema: {
          summary:
            'Start Turbo Sync sessions (accounts, catalog or both); refused while a conflicting session runs',
          security: [{ bearerAuth: [] }],
          body: requestBody,
          response: {
            202: z.object({
              sessions: z.array(sessionBody),
              refused: z.array(z.object({ message: z.string(), blockingSessionId: z.string() })).optional(),
            }),
            400: z.object({
              error: z.string(),
              message: z.string(),
              issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
            }),
            409: refusal,
          },
        },
      },
      async (request, reply) => {
        const { scope, mode, entityId, subscriptionIdentity, dryRun } = request.body;
        const scopes = scope === 'all' ? (['catalog', 'accounts'] as const) : [scope];
        const known = await entities();
        // A session for an entity the tenant does not have could only fail: refused here, naming the choices.
        const unknown = entityId === undefined ? undefined : unknownEntity(entityId, known);
        if (unknown !== undefined)
          return reply.code(400).send({ error: 'invalid_request', message: `body.entityId: ${unknown}` });
        const entityIds = entityId === undefined ? known : [entityId];
        const started = [];
        const refused: { message: string; blockingSessionId: string }[] = [];
        for (const s of scopes) {
          for (const entity of entityIds) {
            const result = await requestSession(store, {
              scope: s,
              trigger: 'manual',
              ...(mode === undefined ? {} : { mode }),
              entityId: entity,
              params: {
                ...(subscriptionIdentity === undefined ? {} : { subscriptionIdentity }),
                ...(dryRun === true ? { dryRun } : {}),
              },
            });
            if (!result.ok) {
              refused.push({ message: result.message, blockingSessionId: result.blockingSessionId });
              continue;
            }
            await enqueueSession(boss, result.session.id);
            started.push(sessionToBody(result.session));
          }
        }
        const [first] = refused;
        if (started.length === 0 && first !== undefined) {
          return reply.code(409).send({
            error: 'session_conflict',
            message: refused.map((r) => r.message).join(' '),
            blockingSessionId: first.blockingSessionId,
          });
        }
        // Some scopes or entities started, others were refused: the sessions that started, and why not the rest.
        if (refused.length > 0) return reply.code(202).send({ sessions: started, refused });
        return reply.code(202).send({ sessions: started });
      },
    );
  };
