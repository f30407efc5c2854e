import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../emulator-context.js';
import { sendError } from '../http/sf-reply.js';
import { insertRecords } from '../store/insert-records.js';
import { emulatorStats } from './emulator-stats.js';
import { memoryReport } from './memory-report.js';

// Admin API under /__emulator/, reachable only with `Authorization: Bearer <adminToken>`.

export function registerAdminRoutes(app: FastifyInstance, ctx: EmulatorContext, reset: () => void): void {
  app.addHook('onRequest', async (request, reply) => {
    const header = request.headers.authorization ?? '';
    if (header !== `Bearer ${ctx.adminToken}`)
      return sendError(reply, 401, 'INVALID_SESSION_ID', 'The admin API needs the emulator admin token');
    return undefined;
  });

  app.get('/stats', async () => emulatorStats(ctx));

  app.get<{ Querystring: { gc?: string; detail?: string } }>('/memory', async (request) =>
    memoryReport(ctx, request.query.gc === 'true', request.query.detail),
  );

  app.get('/writes', async () => ({ writes: ctx.store.writes.snapshot() }));

  app.post('/writes/reset', async () => {
    ctx.store.writes.reset();
    return { writes: {} };
  });

  app.post('/reset', async () => {
    reset();
    return { reset: true };
  });

  // Every record of an object, or with `?limit=N[&from=row]` a page of them and `next`, the `from` of the
  // page after (null at the end): a million records do not fit one JSON answer.
  app.get<{ Params: { object: string }; Querystring: { limit?: string; from?: string } }>(
    '/records/:object',
    async (request, reply) => {
      const def = ctx.schema.byLower.get(request.params.object.toLowerCase());
      if (!def) return sendError(reply, 404, 'NOT_FOUND', `Unknown object ${request.params.object}`);
      const { limit, from = '0' } = request.query;
      if (limit === undefined) return { object: def.name, records: [...ctx.store.table(def).live.values()] };
      const [size, start] = [Number(limit), Number(from)];
      if (!Number.isInteger(size) || size < 1 || size > 100_000)
        return sendError(reply, 400, 'INVALID_FIELD', `limit: expected an integer 1-100000, got "${limit}"`);
      if (!Number.isInteger(start) || start < 0)
        return sendError(reply, 400, 'INVALID_FIELD', `from: expected a row number >= 0, got "${from}"`);
      return { object: def.name, ...ctx.store.table(def).live.page(start, size) };
    },
  );

  app.post<{ Params: { object: string } }>('/records/:object', async (request, reply) => {
    const body = typeof request.body === 'string' ? (JSON.parse(request.body) as unknown) : null;
    if (!Array.isArray(body))
      return sendError(reply, 400, 'JSON_PARSER_ERROR', 'Expected a JSON array of records');
    try {
      return {
        ids: insertRecords(ctx.schema, ctx.store, request.params.object, body as Record<string, unknown>[]),
      };
    } catch (error) {
      return sendError(reply, 400, 'INVALID_INPUT', (error as Error).message);
    }
  });

  app.get<{ Params: { event: string } }>('/events/:event', async (request) => ({
    events: ctx.events.get(request.params.event) ?? [],
  }));

  app.get('/faults', async () => ctx.faults);

  app.put('/faults', async (request, reply) => {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(String(request.body)) as Record<string, unknown>;
    } catch {
      return sendError(reply, 400, 'JSON_PARSER_ERROR', 'Expected a JSON object');
    }
    const ratio = (v: unknown, name: string) => {
      if (typeof v !== 'number' || v < 0 || v > 1) throw new Error(`${name} must be a number from 0 to 1`);
      return v;
    };
    try {
      if (body.latencyMs !== undefined) {
        if (typeof body.latencyMs !== 'number' || body.latencyMs < 0)
          throw new Error('latencyMs must be a non-negative number');
        ctx.faults.latencyMs = body.latencyMs;
      }
      if (body.serverErrorRatio !== undefined)
        ctx.faults.serverErrorRatio = ratio(body.serverErrorRatio, 'serverErrorRatio');
      if (body.lockRowRatio !== undefined) ctx.faults.lockRowRatio = ratio(body.lockRowRatio, 'lockRowRatio');
      if (body.expireTokens === true) ctx.tokens.expireAll();
      if (body.apiRequestsRemaining !== undefined) {
        if (typeof body.apiRequestsRemaining !== 'number' || body.apiRequestsRemaining < 0)
          throw new Error('apiRequestsRemaining must be a non-negative number');
        ctx.usage.setRemaining(body.apiRequestsRemaining);
      }
    } catch (error) {
      return sendError(reply, 400, 'INVALID_INPUT', (error as Error).message);
    }
    return ctx.faults;
  });
}
