// Builds the Fastify app: zod at the edge, bearer auth, JSON errors, metrics and the generated OpenAPI.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type FastifyPluginAsyncZod,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { registerBearerAuth, type RequestAuthenticator } from './bearer-auth.js';
import { registerErrorHandling } from './error-handler.js';
import { registerJsonBodyParser } from './json-body.js';
import { registerMetrics } from './metrics.js';
import { onDemandToken } from './scoped-token.js';

export interface ServerOptions {
  readonly apiToken: string;
  /** ON_DEMAND_API_TOKEN: accepted on POST /v1/on-demand-syncs only. */
  readonly onDemandToken?: string | undefined;
  readonly bodyLimitBytes: number;
  readonly logger: Logger | false;
  readonly metrics: Registry;
  readonly version: string;
  readonly routes: readonly FastifyPluginAsyncZod[];
  /** Another way in besides the bearer token (the console's session cookie). */
  readonly authenticator?: RequestAuthenticator;
  /** Behind a TLS-terminating proxy: trust its X-Forwarded-* headers (request.protocol becomes https). */
  readonly trustProxy?: boolean;
}

export interface RouteInfo {
  readonly method: string;
  readonly url: string;
}

const registeredRoutes = new WeakMap<FastifyInstance, RouteInfo[]>();

/** Every route the app serves (for tests that must cover all of them, such as authentication). */
export function routesOf(app: FastifyInstance): readonly RouteInfo[] {
  return registeredRoutes.get(app) ?? [];
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const loggerInstance: FastifyBaseLogger | undefined = options.logger === false ? undefined : options.logger;
  const app = Fastify({
    bodyLimit: options.bodyLimitBytes,
    trustProxy: options.trustProxy ?? false,
    // Request ids are the correlation ids of internal errors: unique across restarts and processes.
    genReqId: () => randomUUID(),
    ...(loggerInstance === undefined ? { logger: false } : { loggerInstance }),
  }).withTypeProvider<ZodTypeProvider>();
  const routes: RouteInfo[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  // JSON routes take JSON: a text/plain body is 415, not a string that fails the schema. (Routes that take
  // another type, such as the webhook's token endpoint, register their own parser.)
  app.removeContentTypeParser('text/plain');
  registerJsonBodyParser(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  registerBearerAuth(
    app,
    options.apiToken,
    options.onDemandToken === undefined ? undefined : onDemandToken(options.onDemandToken),
    options.authenticator,
  );
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'zuora-salesforce-sync service API',
        version: options.version,
        description:
          'Every route except /health takes "Authorization: Bearer <API_TOKEN>". The operations console signs in with the same token (POST /console/session) and then sends its session cookie with an X-CSRF-Token header on every state-changing request.',
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearerAuth: [] }],
    },
    transform: jsonSchemaTransform,
  });
  registerMetrics(app, options.metrics);
  for (const route of options.routes) await app.register(route);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.ready();
  registeredRoutes.set(app, routes);
  return app;
}
