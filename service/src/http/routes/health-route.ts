import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Store } from '../../store/store.js';

export interface HealthDeps {
  readonly store: Store;
  readonly version: string;
}

const healthBody = z.object({
  status: z.enum(['ok', 'unavailable']),
  store: z.object({
    kind: z.enum(['pglite', 'postgres']),
    reachable: z.boolean(),
    error: z.string().optional(),
  }),
  versions: z.object({ service: z.string(), node: z.string(), postgres: z.string().optional() }),
});

export const healthRoute =
  (deps: HealthDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      {
        schema: {
          summary: 'Liveness and store reachability (no authentication)',
          response: { 200: healthBody, 503: healthBody },
        },
      },
      async (_request, reply) => {
        const versions = { service: deps.version, node: process.version };
        try {
          const rows = await deps.store.query<{ v: string }>("SELECT current_setting('server_version') AS v");
          return reply.code(200).send({
            status: 'ok',
            store: { kind: deps.store.kind, reachable: true },
            versions: { ...versions, postgres: rows[0]?.v ?? 'unknown' },
          });
        } catch (error) {
          return reply.code(503).send({
            status: 'unavailable',
            store: { kind: deps.store.kind, reachable: false, error: (error as Error).message },
            versions,
          });
        }
      },
    );
  };
