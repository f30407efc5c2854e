// The console's drift page API: GET /v1/drift-reports (newest first) and GET /v1/drift-reports/:id (one check's
// report and differing records to the field, with their billing accounts); the repair is drift-repair-route.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findDriftReport, listDriftReports } from '../../store/drift-report-rows.js';
import type { ConsoleDeps } from '../console-deps.js';

export const errorBody = z.object({ error: z.string(), message: z.string() });
const summary = z.object({
  sessionId: z.string(),
  entityId: z.string(),
  trigger: z.string(),
  checkedAt: z.string(),
  checkedAccounts: z.number(),
  driftedAccounts: z.number(),
  driftedRecords: z.number(),
});
export const idParams = z.object({ id: z.uuid() });

export function notFound(id: string) {
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
  };
