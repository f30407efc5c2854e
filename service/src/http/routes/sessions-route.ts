// Read side of sync sessions: GET /v1/syncs (filters, newest first, a page at a time) and GET /v1/syncs/:id.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Store } from '../../store/store.js';
import { findSession, type SyncSession } from '../../sessions/session-rows.js';
import { searchSessions, type SessionListItem } from '../../sessions/session-search.js';
import { sessionStates } from '../../sessions/session-states.js';

const triggers = ['manual', 'scheduled', 'on_demand', 'realtime', 'backfill', 'cleanup'] as const;

export const sessionBody = z.object({
  id: z.string().uuid(),
  scope: z.enum(['accounts', 'catalog', 'cpq']),
  trigger: z.enum(triggers),
  mode: z.enum(['full', 'incremental']),
  state: z.enum(sessionStates),
  entityId: z.string(),
  counts: z.record(z.string(), z.unknown()),
  error: z.string().optional(),
  requestedAt: z.string(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
});

const listItemBody = sessionBody.extend({
  totals: z.object({ read: z.number(), written: z.number(), failed: z.number(), deleted: z.number() }),
  salesforceCalls: z.number().optional().describe('Composite calls of an API-based session'),
  salesforceApiUsage: z
    .number()
    .optional()
    .describe('Org-wide daily API usage (Sforce-Limit-Info) while a Turbo session ran'),
  zuoraCalls: z.number().optional(),
  cancelRequested: z.boolean(),
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

export function listItemToBody(s: SessionListItem): z.infer<typeof listItemBody> {
  return {
    ...sessionToBody({ ...s, params: {} }),
    totals: {
      read: s.recordsRead,
      written: s.recordsWritten,
      failed: s.recordsFailed,
      deleted: s.recordsDeleted,
    },
    ...(s.salesforceCalls === undefined ? {} : { salesforceCalls: s.salesforceCalls }),
    ...(s.apiUsageDelta === undefined ? {} : { salesforceApiUsage: s.apiUsageDelta }),
    ...(s.zuoraCalls === undefined ? {} : { zuoraCalls: s.zuoraCalls }),
    cancelRequested: s.cancelRequested,
  };
}

const list = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((v) => v.split(',').filter((x) => x !== ''))
    .pipe(z.array(z.enum(values)))
    .optional();

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  from: z.iso.datetime({ offset: true }).optional().describe('requested at or after (ISO)'),
  to: z.iso.datetime({ offset: true }).optional().describe('requested before (ISO)'),
  trigger: list(triggers).describe('comma-separated triggers'),
  scope: list(['accounts', 'catalog']).describe('comma-separated scopes'),
  state: list(sessionStates).describe('comma-separated states'),
  entityId: z.string().max(64).optional(),
  after: z
    .string()
    .regex(/^[^|]+\|[0-9a-f-]{36}$/, 'expected the nextAfter value of the previous page')
    .optional()
    .describe('nextAfter of the previous page'),
});

const errorBody = z.object({ error: z.string(), message: z.string() });

export const sessionsRoute =
  (store: Store): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/syncs',
      {
        schema: {
          summary: 'Sync sessions, newest first, with filters (time, trigger, scope, entity, state)',
          security: [{ bearerAuth: [] }],
          querystring: listQuery,
          response: {
            200: z.object({ sessions: z.array(listItemBody), nextAfter: z.string().optional() }),
          },
        },
      },
      async (request) => {
        const q = request.query;
        const [at, id] = q.after?.split('|') ?? [];
        const items = await searchSessions(store, {
          limit: q.limit,
          ...(q.from === undefined ? {} : { from: new Date(q.from) }),
          ...(q.to === undefined ? {} : { to: new Date(q.to) }),
          ...(q.trigger === undefined ? {} : { triggers: q.trigger }),
          ...(q.scope === undefined ? {} : { scopes: q.scope }),
          ...(q.state === undefined ? {} : { states: q.state }),
          ...(q.entityId === undefined ? {} : { entityId: q.entityId }),
          ...(at === undefined || id === undefined ? {} : { after: { requestedAt: new Date(at), id } }),
        });
        const last = items.length === q.limit ? items[items.length - 1] : undefined;
        return {
          sessions: items.map(listItemToBody),
          ...(last === undefined ? {} : { nextAfter: `${last.requestedAt.toISOString()}|${last.id}` }),
        };
      },
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
