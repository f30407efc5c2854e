// Runs before every route: admin-token check for /__emulator, request counting, the tenant rate
// limit (429 + Retry-After), injected faults, bearer-token authentication and concurrency limits.
// Concurrency headers: https://developer.zuora.com/docs/guides/rate-limits (Concurrency-Limit-*).
// Authentication requests are limited apart (auth-rate-limit.ts), not counted as API requests; a route
// with `config.presigned` (Data Query's dataFile URL) authenticates by its own signature.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ConcurrencyType } from '../emulator/options.js';
import type { EmulatorContext } from './context.js';
import { reason, v1Error } from './errors.js';
import { decodedPath, isAdminRequest } from './request-path.js';

const heldKey = Symbol('concurrency');

function concurrencyTypeOf(method: string, url: string): ConcurrencyType {
  if (url.startsWith('/object-query')) return 'Object Query';
  if (method === 'POST' && /^\/v1\/(orders|async\/orders|accounts|subscriptions)/.test(url))
    return 'High-volume transactions';
  return 'Default';
}

function bearer(request: FastifyRequest): string | undefined {
  const h = request.headers.authorization;
  return h?.toLowerCase().startsWith('bearer ') ? h.slice(7).trim() : undefined;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function installRequestGuard(app: FastifyInstance, ctx: EmulatorContext): void {
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const url = decodedPath(request);
    if (isAdminRequest(request)) {
      const token = bearer(request) ?? (request.headers['x-emulator-admin-token'] as string | undefined);
      if (token === undefined || !sameToken(token, ctx.options.adminToken)) {
        return reply.code(401).send({
          error: 'unauthorized',
          message: 'admin token required (Authorization: Bearer <adminToken>)',
        });
      }
      return;
    }
    ctx.stats.requests += 1;
    const route = `${request.method} ${request.routeOptions.url ?? '(unmatched)'}`;
    ctx.stats.byRoute[route] = (ctx.stats.byRoute[route] ?? 0) + 1;

    const now = ctx.options.now().getTime();
    const decision = url === '/oauth/token' ? ctx.rateLimiter.peek() : ctx.rateLimiter.take();
    reply.header('RateLimit-Limit', decision.limitHeader);
    reply.header('RateLimit-Remaining', String(decision.remaining));
    reply.header('RateLimit-Reset', String(decision.resetSeconds));
    if (ctx.faults.settings.rateLimitStormUntil > now || !decision.allowed) {
      ctx.stats.rateLimited += 1;
      const retryAfter = decision.allowed
        ? Math.max(1, Math.ceil((ctx.faults.settings.rateLimitStormUntil - now) / 1000))
        : decision.resetSeconds;
      reply.header('Retry-After', String(retryAfter));
      return v1Error(reply, 429, [
        reason(
          'generic',
          'limitExceeded',
          'You have exceeded the limit of API requests for your tenant; retry after the number of seconds in Retry-After.',
        ),
      ]);
    }
    if (url !== '/oauth/token' && request.routeOptions.config.presigned !== true) {
      const token = bearer(request);
      if (token === undefined || !ctx.tokens.isValid(token)) {
        return v1Error(reply, 401, [
          reason('auth', 'authentication', 'This resource is protected, please sign in first'),
        ]);
      }
    }
    const type = concurrencyTypeOf(request.method, url);
    const limit = ctx.options.concurrencyLimits[type];
    ctx.inFlight[type] += 1;
    reply.header('Concurrency-Limit-Type', type);
    reply.header('Concurrency-Limit-Limit', String(limit));
    reply.header('Concurrency-Limit-Remaining', String(Math.max(0, limit - ctx.inFlight[type])));
    if (ctx.inFlight[type] > limit) {
      ctx.inFlight[type] -= 1;
      reply.header('Retry-After', '1');
      return v1Error(reply, 429, [
        reason(
          'generic',
          'limitExceeded',
          `Concurrency limit of ${limit} requests of type "${type}" exceeded.`,
        ),
      ]);
    }
    (request as unknown as Record<symbol, ConcurrencyType>)[heldKey] = type;
    // Injected latency counts as processing time, so it holds a concurrency slot.
    if (ctx.faults.settings.latencyMs > 0)
      await new Promise((r) => setTimeout(r, ctx.faults.settings.latencyMs));
    if (ctx.faults.draw(ctx.faults.settings.errorRate)) {
      return v1Error(reply, 503, [
        reason('generic', 'internal', 'Service temporarily unavailable (injected fault); retry later.'),
      ]);
    }
  });
  app.addHook('onResponse', async (request, reply) => {
    const held = (request as unknown as Record<symbol, ConcurrencyType | undefined>)[heldKey];
    if (held !== undefined) ctx.inFlight[held] -= 1;
    if (!isAdminRequest(request)) {
      const key = String(reply.statusCode);
      ctx.stats.byStatus[key] = (ctx.stats.byStatus[key] ?? 0) + 1;
    }
  });
}
