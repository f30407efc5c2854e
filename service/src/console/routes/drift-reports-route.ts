// The console's drift page API: GET /v1/drift-reports (newest first), GET /v1/drift-reports/:id (one check's
// report and differing records to the field, with their billing accounts), POST /v1/drift-reports/:id/repair:
// with `"dryRun": true` a backfill of the drifted accounts that writes only what differs runs as a dry run
// (its report is the repair's preview, in the session's counts); without, the repair itself runs
// (turbo/drift-repair.ts: that backfill for real, then the extra records deleted by Id).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requestSession } from '../../sessions/request-session.js';
import { findSession } from '../../sessions/session-rows.js';
import { enqueueSession } from '../../sessions/session-worker.js';
import { findDriftReport, listDriftReports } from '../../store/drift-report-rows.js';
import { repairDrift } from '../../turbo/drift-repair.js';
import type { ConsoleDeps } from '../console-deps.js';

const errorBody = z.object({ error: z.string(), message: z.string() });
const summary = z.object({
  sessionId: z.string(),
  entityId: z.string(),
  trigger: z.string(),
  checkedAt: z.string(),
  checkedAccounts: z.number(),
  driftedAccounts: z.number(),
  driftedRecords: z.number(),
});
const idParams = z.object({ id: z.uuid() });

function notFound(id: string) {
  return { error: 'not_found', message: `no drift report for session ${id}` };
}

export const driftReportsRoute =
  (deps: ConsoleDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/drift-reports',
      {
        schema: {
          summary: 'Drift checks (manual and scheduled), newest first',
          security: [{ bearerAuth: [] }],
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }),
          response: { 200: z.object({ reports: z.array(summary) }) },
        },
      },
      async (request) => {
        const rows = await listDriftReports(deps.store, request.query.limit);
        return { reports: rows.map((r) => ({ ...r, checkedAt: r.checkedAt.toISOString() })) };
      },
    );
    app.get(
      '/v1/drift-reports/:id',
      {
        schema: {
          summary:
            "A drift check's report: per object counts, drifted accounts, differing records to the field",
          security: [{ bearerAuth: [] }],
          params: idParams,
          response: {
            200: summary.extend({ report: z.unknown(), changes: z.unknown(), moreChanges: z.number() }),
            404: errorBody,
          },
        },
      },
      async (request, reply) => {
        const found = await findDriftReport(deps.store, request.params.id);
        if (found === undefined) return reply.code(404).send(notFound(request.params.id));
        return { ...found, checkedAt: found.checkedAt.toISOString() };
      },
    );
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
        const accounts = Object.keys(check?.counts.dryRun?.drift?.accounts ?? {}).filter((a) => a !== '');
        if (check?.counts.dryRun?.drift === undefined) return reply.code(404).send(notFound(id));
        if (!request.body.dryRun) {
          const api = deps.api;
          if (api === undefined)
            return reply
              .code(503)
              .send({ error: 'unavailable', message: 'this process does not run sessions' });
          // The repair runs its own backfill session (listed under Sessions); the request does not wait.
          deps.track(
            repairDrift(api, check).catch((error: unknown) =>
              deps.logger.error({ err: error, check: id }, 'drift repair failed'),
            ),
          );
          return reply.code(202).send({ sessionId: null });
        }
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
        if (!requested.ok)
          return reply.code(409).send({ error: 'session_conflict', message: requested.message });
        await enqueueSession(deps.boss, requested.session.id);
        return reply.code(202).send({ sessionId: requested.session.id });
      },
    );
  };
