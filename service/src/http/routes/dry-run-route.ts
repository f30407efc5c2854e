// GET /v1/syncs/:id/dry-run-changes: the full list of a dry run's changes, as the NDJSON file the session
// wrote under the data folder (one line per record: create, update with fields old -> new, delete, failed).
// The session's counts hold the summary and a sample; this is the download of the rest.
import { createReadStream, existsSync } from 'node:fs';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findSession } from '../../sessions/session-rows.js';
import type { Store } from '../../store/store.js';

export const dryRunRoute =
  (store: Store): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/v1/syncs/:id/dry-run-changes',
      {
        schema: {
          summary: "A dry run's full list of changes (NDJSON, one record a line)",
          security: [{ bearerAuth: [] }],
          params: z.object({ id: z.string().uuid() }),
        },
      },
      async (request, reply) => {
        const session = await findSession(store, request.params.id);
        const file = session?.counts.dryRun?.file ?? null;
        if (session === undefined || file === null || !existsSync(file)) {
          return reply.code(404).send({
            error: 'not_found',
            message: `session ${request.params.id} has no dry-run changes to download (not a dry run, no changes, or removed by retention)`,
          });
        }
        return reply.type('application/x-ndjson').send(createReadStream(file));
      },
    );
  };
