import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { registerAdminRoutes } from '../admin/admin-routes.js';
import { registerCpqAdminRoutes } from '../cpq/cpq-admin-routes.js';
import { registerOAuthRoutes } from '../auth/oauth-routes.js';
import { BulkJobs } from '../bulk/bulk-jobs.js';
import { MAX_UPLOAD_BYTES, registerIngestRoutes } from '../bulk/ingest-routes.js';
import { registerQueryJobRoutes } from '../bulk/query-job-routes.js';
import { registerAsyncRoutes } from '../bulk/v1/async-routes.js';
import type { EmulatorContext } from '../emulator-context.js';
import { registerCollectionRoutes } from '../rest/collection-routes.js';
import { registerCompositeRoutes } from '../rest/composite-routes.js';
import { registerCompositeBatchRoutes } from '../rest/composite-batch-routes.js';
import { registerCompositeTreeRoutes } from '../rest/composite-tree-routes.js';
import { registerCollectionRetrieveRoutes } from '../rest/collection-retrieve-routes.js';
import { registerLimitsRoutes } from '../rest/limits-routes.js';
import { versionsList } from './api-versions.js';
import { guardDataApi } from './data-api-guard.js';
import { parseBody } from './raw-body.js';
import { QueryCursors } from '../rest/query-cursors.js';
import { registerQueryRoutes } from '../rest/query-routes.js';
import { registerSearchRoutes } from '../sosl/search-routes.js';
import { registerSObjectRoutes } from '../rest/sobject-routes.js';
import { registerExternalIdRoutes } from '../rest/external-id-routes.js';
import { registerReplicationRoutes } from '../rest/replication-routes.js';
import { RequestError } from '../store/sf-error.js';
import { sendError } from './sf-reply.js';

// The HTTP face of the emulated org. Data API routes are mounted under /services/data/vNN.N and,
// for the sf CLI (which sends some requests without the /services prefix), under /data/vNN.N.

export function buildServer(
  ctx: EmulatorContext,
  options: { logger: boolean; bulkQueryPageSize: number },
): FastifyInstance {
  // Room above the 100 MB upload limit so the limit answers with a Salesforce-shaped error.
  const app = Fastify({
    logger: options.logger,
    // The sf CLI stores the instance URL with a trailing slash and then requests `//services/...`.
    routerOptions: { ignoreDuplicateSlashes: true, ignoreTrailingSlash: true },
    bodyLimit: MAX_UPLOAD_BYTES + 16 * 1024 * 1024,
    // Router-level refusals (an over-long path segment, a bad URL) answer in the REST error shape too.
    frameworkErrors: (error, _request, reply) => {
      void sendError(reply, error.statusCode ?? 400, 'INVALID_REQUEST', error.message);
    },
  });
  const internalSecret = randomBytes(16).toString('hex');
  const cursors = new QueryCursors();
  const jobs = new BulkJobs(ctx);
  ctx.bulk = jobs;

  // Every request is one call of the write counters (a Composite subrequest stays in its outer call).
  app.addHook('onRequest', (_request, _reply, done) => {
    ctx.store.writes.inCall(done);
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer' }, (request, body, done) =>
    parseBody(request, body as Buffer, done),
  );

  app.setErrorHandler((error: FastifyError | RequestError, _request, reply) => {
    if (error instanceof RequestError)
      return sendError(reply, error.httpStatus, error.errorCode, error.message);
    if (error.statusCode === 413)
      return sendError(reply, 413, 'BULK_API_ERROR', 'Request body exceeds the 100 MB upload limit');
    if (error.statusCode && error.statusCode < 500)
      return sendError(reply, error.statusCode, 'INVALID_REQUEST', error.message);
    app.log.error(error);
    return sendError(reply, 500, 'UNKNOWN_EXCEPTION', `An unexpected error occurred: ${error.message}`);
  });
  // Route patterns by method, so a known URL with the wrong method answers 405 as the REST API does.
  const patterns: Array<{ method: string; regex: RegExp }> = [];
  app.addHook('onRoute', (route) => {
    const regex = new RegExp(`^${route.url.replace(/:[^/]+/g, '[^/]+').replace(/\/$/, '')}/?$`);
    for (const method of [route.method].flat()) patterns.push({ method: String(method), regex });
  });
  app.setNotFoundHandler((request, reply) => {
    const path = decodedPath(request.url);
    const allowed = [
      ...new Set(patterns.filter((p) => p.regex.test(path) && p.method !== 'HEAD').map((p) => p.method)),
    ];
    if (allowed.length > 0) {
      return sendError(
        reply,
        405,
        'METHOD_NOT_ALLOWED',
        `HTTP Method '${request.method}' not allowed. Allowed are ${allowed.join(',')}`,
      );
    }
    return sendError(
      reply,
      404,
      'NOT_FOUND',
      `The requested resource does not exist: ${request.method} ${path}`,
    );
  });

  registerOAuthRoutes(app, ctx);
  app.get('/services/data', async () => versionsList());

  const dataApi = async (api: FastifyInstance) => {
    guardDataApi(api, ctx, internalSecret);
    registerLimitsRoutes(api, ctx);
    registerSObjectRoutes(api, ctx);
    registerExternalIdRoutes(api, ctx);
    registerReplicationRoutes(api, ctx);
    registerQueryRoutes(api, ctx, cursors);
    registerSearchRoutes(api, ctx);
    registerCollectionRoutes(api, ctx);
    registerCompositeRoutes(api, ctx, internalSecret);
    registerCompositeBatchRoutes(api, ctx, internalSecret);
    registerCompositeTreeRoutes(api, ctx);
    registerCollectionRetrieveRoutes(api, ctx);
    registerIngestRoutes(api, ctx, jobs);
    registerQueryJobRoutes(api, ctx, jobs, options.bulkQueryPageSize);
  };
  void app.register(dataApi, { prefix: '/services/data/:version' });
  void app.register(dataApi, { prefix: '/data/:version' });
  registerAsyncRoutes(app, ctx, jobs);
  void app.register(
    async (admin) => {
      const reset = () => {
        jobs.clear();
        cursors.clear();
        ctx.events.clear();
        ctx.usage.reset();
        ctx.seed();
      };
      registerAdminRoutes(admin, ctx, reset);
      registerCpqAdminRoutes(admin, ctx, reset);
    },
    { prefix: '/__emulator' },
  );
  app.addHook('onClose', async () => {
    jobs.clear();
    ctx.cpq.queue.clear();
  });
  return app;
}

/** The path as the router sees it (percent-decoded); an undecodable path stays as sent. */
function decodedPath(url: string): string {
  const path = url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
