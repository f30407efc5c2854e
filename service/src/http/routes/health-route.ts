// GET /health: liveness and store reachability for anyone (load balancers, probes); the versions and the
// store's error text only for a caller presenting the admin token, as they help an attacker more than a probe.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Store } from '../../store/store.js';
import { presentsAdminToken } from '../bearer-auth.js';

export interface HealthDeps {
  readonly store: Store;
  readonly version: string;
}

const healthBody = z.object({
  status: z.enum(['ok', 'unavailable']),
  store: z.object({
    kind: z.enum(['pglite', 'postgres']),
    reachable: z.boolean(),
    error: z.string().optional().describe('with the admin token only'),
  }),
  versions: z
    .object({ service: z.string(), node: z.string(), postgres: z.string().optional() })
    .optional()
    .describe('with the admin token only'),
});

export const healthRoute =
  (deps: HealthDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/health',
      {
        schema: {
          summary:
            'Liveness and store reachability (no authentication; versions and store errors with the admin token)',
          response: { 200: healthBody, 503: healthBody },
        },
      },
      async (request, reply) => {
        const admin = presentsAdminToken(request);
        const versions = { service: deps.version, node: process.version };
        try {
          const rows = await deps.store.query<{ v: string }>("SELECT current_setting('server_version') AS v");
          return reply.code(200).send({
            status: 'ok',
            store: { kind: deps.store.kind, reachable: true },
            ...(admin ? { versions: { ...versions, postgres: rows[0]?.v ?? 'unknown' } } : {}),
          });
        } catch (error) {
          request.log.warn({ err: error }, 'health: the store is unreachable');
          const store = { kind: deps.store.kind, reachable: false };
          if (!admin) return reply.code(503).send({ status: 'unavailable', store });
          const detail = { store: { ...store, error: (error as Error).message }, versions };
          return reply.code(503).send({ status: 'unavailable', ...detail });
        }
      },
    );
  };
