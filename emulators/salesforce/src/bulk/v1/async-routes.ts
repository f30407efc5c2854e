import type { FastifyInstance, FastifyRequest } from 'fastify';
import { bearerSession } from '../../auth/bearer-session.js';
import type { EmulatorContext } from '../../emulator-context.js';
import { checkApiVersion } from '../../http/api-versions.js';
import type { BulkJobs } from '../bulk-jobs.js';
import { AsyncError, formatOf, sendAsyncError, type Format } from './async-format.js';
import { registerBatchRoutesV1 } from './batch-routes-v1.js';
import { registerJobRoutesV1 } from './job-routes-v1.js';

// Bulk API 1.0 under /services/async/NN.N/: jobs and batches in XML or JSON, data in CSV, JSON or
// XML. The session comes in `X-SFDC-Session` (an OAuth access token works as the session id); a bad
// one answers 400 InvalidSessionId, which jsforce takes as "refresh the session".
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/asynch_api_intro.htm
// https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/asynch_api_quickstart_requests_intro.htm

export interface AsyncDeps {
  ctx: EmulatorContext;
  jobs: BulkJobs;
  /** The answer format: the job's (JSON jobs answer JSON) or, before a job exists, the request's. */
  formatFor: (request: FastifyRequest, jobFormat?: Format) => Format;
}

export function registerAsyncRoutes(app: FastifyInstance, ctx: EmulatorContext, jobs: BulkJobs): void {
  void app.register(
    async (api) => {
      api.addHook('onRequest', async (request, reply) => {
        const format = formatOf(request.headers['content-type']);
        const version = checkApiVersion((request.params as { version?: string }).version ?? '');
        if (!version.ok)
          return sendAsyncError(
            reply,
            format,
            new AsyncError('InvalidVersion', version.message, version.status),
          );
        const header = request.headers['x-sfdc-session'];
        const session =
          typeof header === 'string' && header !== ''
            ? ctx.tokens.verify(header.trim())
            : bearerSession(ctx, request);
        if (!session)
          return sendAsyncError(reply, format, new AsyncError('InvalidSessionId', 'Invalid session id'));
        ctx.actingUserId = session.userId;
        if (ctx.usage.exhausted())
          return sendAsyncError(
            reply,
            format,
            new AsyncError('ExceededQuota', 'TotalRequests Limit exceeded.', 403),
          );
        ctx.usage.count(`${request.method} ${request.routeOptions.url ?? 'unknown'}`);
        return;
      });
      api.setErrorHandler((error, request, reply) => {
        const format = formatOf(request.headers['content-type']);
        if (error instanceof AsyncError) return sendAsyncError(reply, format, error);
        const status = (error as { statusCode?: number }).statusCode ?? 500;
        const code = status < 500 ? 'InvalidRequest' : 'InternalServerError';
        return sendAsyncError(reply, format, new AsyncError(code, (error as Error).message, status));
      });
      const deps: AsyncDeps = {
        ctx,
        jobs,
        formatFor: (request, jobFormat) => jobFormat ?? formatOf(request.headers['content-type']),
      };
      registerJobRoutesV1(api, deps);
      registerBatchRoutesV1(api, deps);
    },
    { prefix: '/services/async/:version' },
  );
}
