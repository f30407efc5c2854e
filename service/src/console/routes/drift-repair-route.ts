// POST /v1/drift-reports/:id/repair: with `"dryRun": true` a backfill of the drifted accounts that writes only
// what differs runs as a dry run (its report, in the session's counts, is the repair's preview); with false the
// repair itself runs (turbo/drift-repair.ts: that backfill for real, then the extra records deleted by Id) as
// work the service awaits before closing; its backfill session is listed under Sessions.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { requestSession } from '../../sessions/request-session.js';
import { findSession, type SyncSession } from '../../sessions/session-rows.js';
import { enqueueSession } from '../../sessions/session-worker.js';
import { repairDrift } from '../../turbo/drift-repair.js';
import type { ConsoleDeps } from '../console-deps.js';
import { errorBody, idParams, notFound } from './drift-reports-route.js';

/** The repair's dry run: a backfill of the drifted accounts, writing only what differs, queued as a dry run. */
async function preview(deps: ConsoleDeps, check: SyncSession, reply: FastifyReply) {
  const accounts = Object.keys(check.counts.dryRun?.drift?.accounts ?? {}).filter((a) => a !== '');
  if (accounts.length === 0)
    return reply
      .code(409)
      .send({ error: 'nothing_to_repair', message: 'the check found no drifted billing account' });
  const requested = await requestSession(deps.store, {
    scope: 'accounts',
    trigger: 'backfill',
    mode: 'full',
    entityId: check.entityId,
    params: { backfill: { accountIds: accounts }, skipUnchanged: true, dryRun: true },
  });
  if (!requested.ok) return reply.code(409).send({ error: 'session_conflict', message: requested.message });
  await enqueueSession(deps.boss, requested.session.id);
  return reply.code(202).send({ sessionId: requested.session.id });
}

export const driftRepairRoute =
  (deps: ConsoleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/v1/drift-reports/:id/repair',
      {
        schema: {
          summary: 'Repair a drift check: its dry run first (dryRun: true), then the repair',
          security: [{ bearerAuth: [] }],
          params: idParams,
          body: z.strictObject({ dryRun: z.boolean() }),
          response: {
            202: z.object({ sessionId: z.string().nullable() }),
            404: errorBody,
            409: errorBody,
            503: errorBody,
          },
        },
      },
      async (request, reply) => {
        const id = request.params.id;
        const check = await findSession(deps.store, id);
        if (check?.counts.dryRun?.drift === undefined) return reply.code(404).send(notFound(id));
        if (request.body.dryRun) return preview(deps, check, reply);
        const api = deps.api;
        if (api === undefined)
          return reply
            .code(503)
            .send({ error: 'unavailable', message: 'this process does not run sessions' });
        deps.track(
          repairDrift(api, check).catch((error: unknown) =>
            deps.logger.error({ err: error, check: id }, 'drift repair failed'),
          ),
        );
        return reply.code(202).send({ sessionId: null });
      },
    );
  };
