// Admin API under /__emulator/ (admin token required): stats, reset, faults, callout targets and
// attempts, business events, and the rows a correct connector must reject.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { applyBusinessEvent } from '../changes/apply-business-event.js';
import type { EmulatorContext } from './context.js';

const faultsSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000),
    errorRate: z.number().min(0).max(1),
    /** Answer every API request with 429 for this long. */
    rateLimitStormMs: z.number().int().min(0).max(3_600_000),
    dropCalloutRate: z.number().min(0).max(1),
    /** Revoke every issued OAuth token now. */
    expireTokens: z.boolean(),
    rateLimitPerMinute: z.number().int().positive(),
    /** Record ids whose AQuA export is refused (replaces the previous list; [] clears it). */
    refuseRecordIds: z.array(z.string().min(1).max(64)).max(10_000),
  })
  .partial()
  .strict();

export interface AdminActions {
  resetData(): void;
  stats(): unknown;
}

export function registerAdminRoutes(app: FastifyInstance, ctx: EmulatorContext, actions: AdminActions): void {
  const bad = (message: string) => ({ error: 'bad_request', message });

  app.get('/__emulator/stats', async () => actions.stats());

  app.post('/__emulator/reset', async (request) => {
    const body = (request.body ?? {}) as { data?: unknown };
    ctx.faults.reset();
    ctx.rateLimiter.reset();
    ctx.rateLimiter.limitPerMinute = ctx.options.rateLimitPerMinute;
    Object.assign(ctx.stats, {
      requests: 0,
      byRoute: {},
      byStatus: {},
      rateLimited: 0,
      callouts: { delivered: 0, failed: 0, dropped: 0, attempts: 0 },
    });
    if (body.data === true) actions.resetData();
    return { ok: true, dataReset: body.data === true };
  });

  app.get('/__emulator/faults', async () => ({
    ...ctx.faults.settings,
    refusedRecordIds: [...ctx.faults.settings.refusedRecordIds],
  }));
  app.post('/__emulator/faults', async (request, reply) => {
    const parsed = faultsSchema.safeParse(request.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return reply.code(400).send(bad(`${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`));
    }
    const f = parsed.data;
    const s = ctx.faults.settings;
    if (f.latencyMs !== undefined) s.latencyMs = f.latencyMs;
    if (f.errorRate !== undefined) s.errorRate = f.errorRate;
    if (f.dropCalloutRate !== undefined) s.dropCalloutRate = f.dropCalloutRate;
    if (f.refuseRecordIds !== undefined) s.refusedRecordIds = new Set(f.refuseRecordIds);
    if (f.rateLimitStormMs !== undefined)
      s.rateLimitStormUntil = ctx.options.now().getTime() + f.rateLimitStormMs;
    if (f.rateLimitPerMinute !== undefined) ctx.rateLimiter.limitPerMinute = f.rateLimitPerMinute;
    const expired = f.expireTokens === true ? ctx.tokens.expireAll() : 0;
    return { ok: true, faults: { ...s, refusedRecordIds: [...s.refusedRecordIds] }, tokensExpired: expired };
  });

  app.get('/__emulator/callouts', async () => ({
    targets: ctx.callouts.list(),
    attempts: ctx.callouts.attempts,
  }));
  app.put('/__emulator/callouts', async (request, reply) => {
    const body = request.body as { targets?: unknown } | null;
    if (body === null || !Array.isArray(body.targets))
      return reply.code(400).send(bad('body must be { targets: [...] }'));
    try {
      return { ok: true, targets: ctx.callouts.configure(body.targets) };
    } catch (e) {
      return reply.code(400).send(bad(e instanceof Error ? e.message : String(e)));
    }
  });

  app.post('/__emulator/events', async (request, reply) => {
    const body = request.body;
    const events = Array.isArray(body) ? body : [body];
    if (events.length > 1000) return reply.code(400).send(bad('at most 1000 events per request'));
    const results = events.map((e) => applyBusinessEvent(ctx.store, e));
    const failed = results.findIndex((r) => !r.ok);
    return reply.code(failed >= 0 && events.length === 1 ? 400 : 200).send({ results });
  });

  app.get('/__emulator/invalid-rows', async () => ({ rows: ctx.tenant.invalidRows() }));
  app.get('/__emulator/tenant', async () => ({
    options: ctx.tenant.options,
    entities: ctx.tenant.entities,
    counts: Object.fromEntries([...ctx.store.tables].map(([name, t]) => [name, t.size])),
    sequence: ctx.store.currentSequence,
  }));
}
