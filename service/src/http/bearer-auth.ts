// Bearer-token authentication for every route except /health. Tokens are compared as SHA-256 digests with
// timingSafeEqual, so the comparison takes the same time whatever the token's length or content.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { outOfScope, type ScopedToken } from './scoped-token.js';

// The Zuora webhook authenticates with Zuora's callout authentication (realtime/callout-verification.ts).
const publicPaths = new Set(['/health', '/v1/webhooks/zuora', '/v1/webhooks/zuora/oauth/token']);

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export function tokenMatches(presented: string, expectedDigest: Buffer): boolean {
  return timingSafeEqual(digest(presented), expectedDigest);
}

export function registerBearerAuth(app: FastifyInstance, token: string, scoped?: ScopedToken): void {
  const expected = digest(token);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?', 1)[0] ?? '';
    if (publicPaths.has(path)) return;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (match?.[1] !== undefined && tokenMatches(match[1], expected)) return;
    if (match?.[1] !== undefined && scoped !== undefined && tokenMatches(match[1], scoped.digest)) {
      if (scoped.routes.has(`${request.method} ${path}`)) return;
      await reply.code(403).send(outOfScope(request.method, path));
      return;
    }
    await reply
      .code(401)
      .header('www-authenticate', 'Bearer realm="zuora-sync"')
      .send({
        error: 'unauthorized',
        message:
          header === ''
            ? 'missing Authorization header: send "Authorization: Bearer <API_TOKEN>"'
            : 'invalid bearer token',
      });
  });
}
