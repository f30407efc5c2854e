import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../emulator-context.js';
import { DEFAULT_SECURITY_TOKEN } from '../emulator-options.js';
import { clientCredentials } from './client-auth.js';
import { verifyJwtAssertion } from './verify-jwt-assertion.js';

// POST /services/oauth2/token: password, client_credentials (runs as the connected app's execution
// user, here the first user) and the JWT bearer flow. Errors as the OAuth flows document them
// (`invalid_client_id`, `invalid_client`, `invalid_grant` "authentication failure",
// `unsupported_grant_type`): https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_flow_errors.htm
// Each flow answers its own fields: password {access_token, instance_url, id, token_type, issued_at,
// signature}; client credentials adds `scope`; JWT bearer {access_token, scope, instance_url, id, token_type}.
// https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_client_credentials_flow.htm
// https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_jwt_flow.htm

const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const LOGIN_AUDIENCES = ['https://login.salesforce.com', 'https://test.salesforce.com'];

type Grant = { clientId: string; username: string } | { error: string; description: string };

const oauthError = (reply: FastifyReply, error: string, description: string) =>
  reply.code(400).send({ error, error_description: description });

function findUser(ctx: EmulatorContext, username: string) {
  return ctx.users.find((u) => u.username.toLowerCase() === username.toLowerCase());
}

function secretGrant(
  ctx: EmulatorContext,
  request: FastifyRequest,
  params: URLSearchParams,
  grant: string,
): Grant {
  const creds = clientCredentials(request, params);
  if (!creds) return { error: 'invalid_client', description: 'invalid client credentials' };
  const client = ctx.clients.find((c) => c.clientId === creds.clientId);
  if (!client) return { error: 'invalid_client_id', description: 'client identifier invalid' };
  if (client.clientSecret !== creds.clientSecret)
    return { error: 'invalid_client', description: 'invalid client credentials' };
  if (grant === 'client_credentials')
    return { clientId: client.clientId, username: ctx.users[0]?.username ?? '' };
  const user = findUser(ctx, params.get('username') ?? '');
  const password = params.get('password') ?? '';
  if (!user || (password !== user.password && password !== user.password + DEFAULT_SECURITY_TOKEN))
    return { error: 'invalid_grant', description: 'authentication failure' };
  return { clientId: client.clientId, username: user.username };
}

async function jwtGrant(ctx: EmulatorContext, params: URLSearchParams): Promise<Grant> {
  const check = await verifyJwtAssertion(params.get('assertion') ?? '', ctx.jwtCertificatePem, ctx.clock());
  if (!check.ok) return { error: 'invalid_grant', description: check.description };
  if (!ctx.clients.some((c) => c.clientId === check.clientId))
    return { error: 'invalid_client_id', description: 'client identifier invalid' };
  const audiences = [ctx.baseUrl, ...LOGIN_AUDIENCES];
  if (!check.audience.some((a) => audiences.includes(a.replace(/\/$/, ''))))
    return { error: 'invalid_grant', description: 'audience is invalid' };
  if (!findUser(ctx, check.username))
    return { error: 'invalid_grant', description: "user hasn't approved this consumer" };
  return { clientId: check.clientId, username: check.username };
}

export function registerTokenRoute(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/services/oauth2/token', async (request, reply) => {
    const params = new URLSearchParams(typeof request.body === 'string' ? request.body : '');
    const grant = params.get('grant_type') ?? '';
    let result: Grant;
    if (grant === 'password' || grant === 'client_credentials')
      result = secretGrant(ctx, request, params, grant);
    else if (grant === JWT_GRANT) result = await jwtGrant(ctx, params);
    else return oauthError(reply, 'unsupported_grant_type', 'grant type not supported');
    if ('error' in result) return oauthError(reply, result.error, result.description);
    const user = findUser(ctx, result.username);
    if (!user) return oauthError(reply, 'invalid_grant', 'authentication failure');
    const session = ctx.tokens.issue(user.userId, user.username, result.clientId);
    const id = `${ctx.baseUrl}/id/${ctx.orgId}/${user.userId}`;
    const issuedAt = String(session.issuedAt);
    const secret = ctx.clients.find((c) => c.clientId === result.clientId)?.clientSecret ?? '';
    const signature = createHmac('sha256', secret)
      .update(id + issuedAt)
      .digest('base64');
    const common = { instance_url: ctx.baseUrl, id, token_type: 'Bearer' };
    const token = session.token;
    if (grant === JWT_GRANT) return reply.send({ access_token: token, scope: 'api', ...common });
    if (grant === 'client_credentials')
      return reply.send({ access_token: token, signature, scope: 'api', ...common, issued_at: issuedAt });
    return reply.send({ access_token: token, ...common, issued_at: issuedAt, signature });
  });
}
