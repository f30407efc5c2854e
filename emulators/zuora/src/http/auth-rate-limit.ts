// Authentication requests (POST /oauth/token) have their own rate limit, apart from API requests: 2,000 a
// minute for the tenant and 100 a minute per IP address. A refusal is a 429 with the RateLimit headers and
// Retry-After, as every rate-limited answer. https://developer.zuora.com/docs/guides/rate-limits
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from './context.js';
import { reason, v1Error } from './errors.js';
import { RateLimiter, type RateDecision } from './rate-limiter.js';

export const tokenPath = '/oauth/token';

export interface AuthRateLimits {
  perMinute: number;
  perIpPerMinute: number;
}

export function installAuthRateLimit(
  app: FastifyInstance,
  ctx: EmulatorContext,
  limits: AuthRateLimits,
): void {
  const tenant = new RateLimiter(limits.perMinute, ctx.options.now);
  const perIp = new Map<string, RateLimiter>();
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url !== tokenPath) return;
    let ip = perIp.get(request.ip);
    if (ip === undefined) {
      // Forget idle addresses so a scan of many sources cannot grow the map without bound.
      if (perIp.size > 10_000) perIp.clear();
      ip = new RateLimiter(limits.perIpPerMinute, ctx.options.now);
      perIp.set(request.ip, ip);
    }
    const decisions: RateDecision[] = [ip.take(), tenant.take()];
    const refused = decisions.find((d) => !d.allowed);
    const shown = refused ?? decisions.reduce((a, b) => (b.remaining < a.remaining ? b : a));
    reply.header('RateLimit-Limit', shown.limitHeader);
    reply.header('RateLimit-Remaining', String(shown.remaining));
    reply.header('RateLimit-Reset', String(shown.resetSeconds));
    if (refused === undefined) return;
    ctx.stats.rateLimited += 1;
    reply.header('Retry-After', String(refused.resetSeconds));
    return v1Error(reply, 429, [
      reason(
        'auth',
        'limitExceeded',
        refused === decisions[0]
          ? `You have exceeded the limit of ${limits.perIpPerMinute} authentication requests a minute from one IP address; retry after the number of seconds in Retry-After.`
          : `You have exceeded the limit of ${limits.perMinute} authentication requests a minute for your tenant; retry after the number of seconds in Retry-After.`,
      ),
    ]);
  });
}
