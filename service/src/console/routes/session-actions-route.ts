// Session actions of the console (and of any script with the token): preview what starting sessions would
// do, start a backfill, cancel a manual session. Full and incremental sessions start through POST /v1/syncs.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestCancel } from '../../sessions/session-cancel.js';
import { requestSession } from '../../sessions/request-session.js';
import { enqueueSession } from '../../sessions/session-worker.js';
import type { ConsoleDeps } from '../console-deps.js';
import { previewSessions } from '../session-preview.js';

const errorBody = z.object({ error: z.string(), message: z.string() });
const isoDate = z.iso.datetime({ offset: true }).or(z.iso.date());

const backfillBody = z.strictObject({
  accountIds: z
    .array(z.string().regex(/^[A-Za-z0-9]{32}$/, 'expected a Zuora account id'))
    .max(190)
    .optional(),
  objects: z.array(z.string().min(1).max(80)).max(60).optional(),
  since: isoDate.optional(),
  until: isoDate.optional(),
});

const previewBody = z.strictObject({
  scope: z.enum(['accounts', 'catalog', 'all']).default('all'),
  mode: z.enum(['full', 'incremental']).optional(),
  entityId: z.string().max(64).optional(),
  backfill: backfillBody.optional(),
});

const previewItem = z.object({
  scope: z.enum(['accounts', 'catalog']),
  entityId: z.string(),
  trigger: z.string(),
  mode: z.enum(['full', 'incremental']),
  since: z.string(),
  objects: z.array(z.string()),
  refusedBecause: z.string().nullable(),
});

const toSpec = (b: z.infer<typeof backfillBody>) => ({
  ...(b.accountIds === undefined ? {} : { accountIds: b.accountIds }),
  ...(b.objects === undefined ? {} : { objects: b.objects }),
  ...(b.since === undefined ? {} : { since: new Date(b.since).toISOString().slice(0, 19) }),
  ...(b.until === undefined ? {} : { until: new Date(b.until).toISOString().slice(0, 19) }),
});

export const sessionActionsRoute =
  (deps: ConsoleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/syncs/preview',
      {
        schema: {
          summary: 'What starting sessions would do: mode, window start, objects read, and any refusal',
          security: [{ bearerAuth: [] }],
          body: previewBody,
          response: { 200: z.object({ sessions: z.array(previewItem) }) },
        },
      },
      async (request) => {
        const b = request.body;
        const scopes = b.scope === 'all' ? (['catalog', 'accounts'] as const) : [b.scope];
        const entityIds = b.entityId === undefined ? await deps.entities() : [b.entityId];
        const sessions = await previewSessions(deps.store, {
          scopes,
          entityIds,
          ...(b.mode === undefined ? {} : { mode: b.mode }),
          ...(b.backfill === undefined ? {} : { backfill: toSpec(b.backfill) }),
        });
        return { sessions: sessions.map((s) => ({ ...s, objects: [...s.objects] })) };
      },
    );
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
