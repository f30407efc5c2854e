// Bearer-token authentication for every route except /health. Tokens are compared as SHA-256 digests with
// timingSafeEqual, so the comparison takes the same time whatever the token's length or content. Another way
// in (the console's session cookie) can be plugged in as a RequestAuthenticator by the composition root: it
// is asked only when no Authorization header came, and decides for the paths it declares public.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { outOfScope, type ScopedToken } from './scoped-token.js';

// The Zuora webhook authenticates with Zuora's callout authentication (realtime/callout-verification.ts).
const publicPaths = new Set(['/health', '/v1/webhooks/zuora', '/v1/webhooks/zuora/oauth/token']);

/** What another authenticator answers for a request without an Authorization header. */
export type AuthOutcome =
  | { readonly kind: 'ok' }
  /** No credential of this kind: the usual 401 follows. */
  | { readonly kind: 'absent' }
  | { readonly kind: 'refused'; readonly status: number; readonly error: string; readonly message: string }
  /** Pages answer a browser without a sign-in with a redirect to the sign-in page. */
  | { readonly kind: 'redirect'; readonly location: string };

export interface RequestAuthenticator {
  /** Paths served to anyone (a sign-in page, its static assets, the sign-in itself). */
  isPublic(method: string, path: string): boolean;
  authenticate(request: FastifyRequest, reply: FastifyReply): Promise<AuthOutcome>;
}

/** Requests to a public path that still presented the admin token (/health then tells more). */
const adminOnPublicPath = new WeakSet<FastifyRequest>();

export function presentsAdminToken(request: FastifyRequest): boolean {
  return adminOnPublicPath.has(request);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

export function tokenMatches(presented: string, expectedDigest: Buffer): boolean {
  return timingSafeEqual(digest(presented), expectedDigest);
}

export function registerBearerAuth(
  app: FastifyInstance,
  token: string,
  scoped?: ScopedToken,
  other?: RequestAuthenticator,
): void {
  const expected = digest(token);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?', 1)[0] ?? '';
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (publicPaths.has(path)) {
      if (match?.[1] !== undefined && tokenMatches(match[1], expected)) adminOnPublicPath.add(request);
      return;
    }
    if (match?.[1] !== undefined && tokenMatches(match[1], expected)) return;
    // The scoped token is refused everywhere but its route, the console's public pages included.
    if (match?.[1] !== undefined && scoped !== undefined && tokenMatches(match[1], scoped.digest)) {
      if (scoped.routes.has(`${request.method} ${path}`)) return;
      await reply.code(403).send(outOfScope(request.method, path));
      return;
    }
    if (other?.isPublic(request.method, path) === true) return;
    if (header === '' && other !== undefined) {
      const outcome = await other.authenticate(request, reply);
      if (outcome.kind === 'ok') return;
      if (outcome.kind === 'redirect') return reply.code(303).header('location', outcome.location).send();
      if (outcome.kind === 'refused')
        return reply.code(outcome.status).send({ error: outcome.error, message: outcome.message });
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
