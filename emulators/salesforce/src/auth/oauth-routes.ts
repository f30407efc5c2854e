import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../emulator-context.js';
import { DEFAULT_SECURITY_TOKEN } from '../emulator-options.js';
import { verifyJwtAssertion } from './verify-jwt-assertion.js';
import type { Session } from './token-store.js';

// OAuth endpoints: token (password, client_credentials, JWT bearer), identity URL, userinfo, revoke.
// Error bodies follow the OAuth flows' documented errors (`invalid_client_id`, `invalid_client`,
// `invalid_grant` "authentication failure", `unsupported_grant_type`):
// https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_flow_errors.htm

const oauthError = (reply: FastifyReply, error: string, description: string, status = 400) =>
  reply.code(status).send({ error, error_description: description });

function formParams(body: unknown): URLSearchParams {
  return new URLSearchParams(typeof body === 'string' ? body : '');
}

export function bearerSession(ctx: EmulatorContext, request: FastifyRequest): Session | null {
  const header = request.headers.authorization ?? '';
  const match = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header);
  return match ? ctx.tokens.verify((match[1] as string).trim()) : null;
}

function identity(ctx: EmulatorContext, session: Session) {
  const base = ctx.baseUrl;
  const v = '62.0';
  return {
    id: `${base}/id/${ctx.orgId}/${session.userId}`,
    user_id: session.userId,
    organization_id: ctx.orgId,
    username: session.username,
    display_name: session.username.split('@')[0],
    email: session.username.includes('@') ? session.username : `${session.username}@example.invalid`,
    active: true,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: 0,
    urls: {
      rest: `${base}/services/data/v{version}/`,
      sobjects: `${base}/services/data/v{version}/sobjects/`,
      query: `${base}/services/data/v{version}/query/`,
      limits: `${base}/services/data/v{version}/limits/`,
      profile: `${base}/${session.userId}`,
      custom_domain: base,
    },
    api_version: v,
  };
}

export function registerOAuthRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/services/oauth2/token', async (request, reply) => {
    const params = formParams(request.body);
    const grant = params.get('grant_type');
    let clientId: string;
    let username: string;
    if (grant === 'password' || grant === 'client_credentials') {
      clientId = params.get('client_id') ?? '';
      const client = ctx.clients.find((c) => c.clientId === clientId);
      if (!client) return oauthError(reply, 'invalid_client_id', 'client identifier invalid');
      if (client.clientSecret !== params.get('client_secret'))
        return oauthError(reply, 'invalid_client', 'invalid client credentials');
      if (grant === 'password') {
        username = params.get('username') ?? '';
        const password = params.get('password') ?? '';
        const user = ctx.users.find((u) => u.username.toLowerCase() === username.toLowerCase());
        if (!user || (password !== user.password && password !== user.password + DEFAULT_SECURITY_TOKEN)) {
          return oauthError(reply, 'invalid_grant', 'authentication failure');
        }
        username = user.username;
      } else {
        // Client credentials run as the connected app's execution user: the first configured user.
        username = ctx.users[0]?.username ?? '';
      }
    } else if (grant === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      const check = await verifyJwtAssertion(params.get('assertion') ?? '', ctx.jwtCertificatePem);
      if (!check.ok) return oauthError(reply, 'invalid_grant', check.description);
      if (!ctx.clients.some((c) => c.clientId === check.clientId))
        return oauthError(reply, 'invalid_client_id', 'client identifier invalid');
      clientId = check.clientId;
      username = check.username;
      if (!ctx.users.some((u) => u.username.toLowerCase() === username.toLowerCase())) {
        return oauthError(reply, 'invalid_grant', "user hasn't approved this consumer");
      }
    } else {
      return oauthError(reply, 'unsupported_grant_type', 'grant type not supported');
    }
    const user = ctx.users.find((u) => u.username.toLowerCase() === username.toLowerCase());
    if (!user) return oauthError(reply, 'invalid_grant', 'authentication failure');
    const session = ctx.tokens.issue(user.userId, user.username, clientId);
    const id = `${ctx.baseUrl}/id/${ctx.orgId}/${user.userId}`;
    const issuedAt = String(session.issuedAt);
    const secret = ctx.clients.find((c) => c.clientId === clientId)?.clientSecret ?? '';
    return reply.send({
      access_token: session.token,
      instance_url: ctx.baseUrl,
      id,
      token_type: 'Bearer',
      issued_at: issuedAt,
      scope: 'api',
      signature: createHmac('sha256', secret)
        .update(id + issuedAt)
        .digest('base64'),
    });
  });

  app.post('/services/oauth2/revoke', async (request, reply) => {
    const token = formParams(request.body).get('token') ?? '';
    if (!ctx.tokens.verify(token))
      return oauthError(reply, 'unsupported_token_type', 'this token type is not supported');
    ctx.tokens.revoke(token);
    return reply.code(200).send('');
  });

  const requireSession = (request: FastifyRequest, reply: FastifyReply): Session | null => {
    const session = bearerSession(ctx, request);
    if (!session) void reply.code(403).send('Bad_OAuth_Token');
    return session;
  };

  app.get('/services/oauth2/userinfo', async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const id = identity(ctx, session);
    return reply.send({
      sub: id.id,
      user_id: session.userId,
      organization_id: ctx.orgId,
      preferred_username: session.username,
      nickname: id.display_name,
      name: id.display_name,
      email: id.email,
      email_verified: true,
      zoneinfo: 'GMT',
      locale: 'en_US',
      language: 'en_US',
      active: true,
      user_type: 'STANDARD',
      is_app_installed: true,
      urls: id.urls,
    });
  });

  app.get('/id/:orgId/:userId', async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    return reply.send(identity(ctx, session));
  });
}
