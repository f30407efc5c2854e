// POST /v1/syncs/preview: What starting sessions would do: mode, window start, objects read, and any refusal
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { backfillBody, toSpec } from './backfill-spec.js';
import type { ConsoleDeps } from '../console-deps.js';
import { previewSessions } from '../session-preview.js';

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

/** POST /v1/syncs/preview */
export const previewRoute =
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
  };
