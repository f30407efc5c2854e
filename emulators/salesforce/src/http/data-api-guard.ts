import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bearerSession } from '../auth/bearer-session.js';
import type { EmulatorContext } from '../emulator-context.js';
import { checkApiVersion } from './api-versions.js';
import { sendError } from './sf-reply.js';

// Session check, API version check, usage counting and injected faults for every data API route.
// The hooks are registered inside the data API plugin, so they run for exactly the routes the
// router matched, on the path it decoded: a percent-encoded URL (`/%73ervices/data/...`) reaches
// the same route and the same checks, never a route without them.

export const INTERNAL_HEADER = 'x-sfemu-internal';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function guardDataApi(api: FastifyInstance, ctx: EmulatorContext, internalSecret: string): void {
  api.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const version = checkApiVersion((request.params as { version?: string }).version ?? '');
    if (!version.ok) return sendError(reply, version.status, version.errorCode, version.message);
    const session = bearerSession(ctx, request);
    if (!session) return sendError(reply, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    ctx.actingUserId = session.userId;
    if (request.headers[INTERNAL_HEADER] === internalSecret) return;
    if (ctx.faults.latencyMs > 0) await sleep(ctx.faults.latencyMs);
    if (ctx.usage.exhausted()) {
      // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/errorcodes.htm (403 REQUEST_LIMIT_EXCEEDED)
      return sendError(reply, 403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
    }
    ctx.usage.count(`${request.method} ${request.routeOptions.url ?? 'unknown'}`);
    const jobId = (request.params as { jobId?: string }).jobId;
    const ingestJob =
      jobId !== undefined && request.routeOptions.url?.includes('/jobs/ingest/')
        ? ctx.bulk?.ingest.get(jobId)
        : undefined;
    if (ingestJob !== undefined) ctx.usage.countObject(ingestJob.def.name, 1, 0);
    if (ctx.faults.serverErrorRatio > 0 && Math.random() < ctx.faults.serverErrorRatio) {
      return sendError(
        reply,
        503,
        'SERVER_UNAVAILABLE',
        'Injected fault: the server is temporarily unavailable',
      );
    }
    return;
  });

  api.addHook('onSend', async (_request, reply, payload) => {
    reply.header('sforce-limit-info', ctx.usage.header());
    return payload;
  });
}
