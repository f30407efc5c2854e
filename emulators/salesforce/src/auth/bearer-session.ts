import type { FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../emulator-context.js';
import type { Session } from './token-store.js';

// The session behind `Authorization: Bearer <token>` (or the older `OAuth <token>`). The identity URL
// also takes the token as an `oauth_token` parameter.
// https://help.salesforce.com/s/articleView?id=sf.remoteaccess_using_openid.htm

export function bearerSession(
  ctx: EmulatorContext,
  request: FastifyRequest,
  allowQuery = false,
): Session | null {
  const header = request.headers.authorization ?? '';
  const match = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header);
  if (match) return ctx.tokens.verify((match[1] as string).trim());
  const token = allowQuery ? (request.query as { oauth_token?: unknown }).oauth_token : undefined;
  return typeof token === 'string' ? ctx.tokens.verify(token) : null;
}
