import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { normalizeId } from '../../../shared/salesforce-id.js';
import type { EmulatorContext } from '../emulator-context.js';
import { NEWEST_VERSION } from '../http/api-versions.js';
import { bearerSession } from './bearer-session.js';
import type { Session } from './token-store.js';

// The identity URL (`/id/<org>/<user>`), OpenID userinfo and token revocation. API URLs in the identity
// answer carry `{version}` unless the request names one (`?version=62.0` or `latest`); the token may
// also come as `oauth_token`. https://help.salesforce.com/s/articleView?id=sf.remoteaccess_using_openid.htm
// https://help.salesforce.com/s/articleView?id=sf.remoteaccess_revoke_token.htm

function apiUrls(base: string, userId: string, orgId: string, version: string) {
  const data = `${base}/services/data/v${version}`;
  return {
    enterprise: `${base}/services/Soap/c/${version}/${orgId}`,
    metadata: `${base}/services/Soap/m/${version}/${orgId}`,
    partner: `${base}/services/Soap/u/${version}/${orgId}`,
    rest: `${data}/`,
    sobjects: `${data}/sobjects/`,
    search: `${data}/search/`,
    query: `${data}/query/`,
    recent: `${data}/recent/`,
    tooling_soap: `${base}/services/Soap/T/${version}/${orgId}`,
    tooling_rest: `${data}/tooling/`,
    profile: `${base}/${userId}`,
    feeds: `${data}/chatter/feeds`,
    groups: `${data}/chatter/groups`,
    users: `${data}/chatter/users`,
    feed_items: `${data}/chatter/feed-items`,
    feed_elements: `${data}/chatter/feed-elements`,
    custom_domain: base,
  };
}

function identity(ctx: EmulatorContext, session: Session, versionParam: unknown) {
  const version =
    versionParam === 'latest'
      ? `${NEWEST_VERSION}.0`
      : typeof versionParam === 'string' && /^\d+\.\d$/.test(versionParam)
        ? versionParam
        : '{version}';
  const name = session.username.split('@')[0] ?? session.username;
  return {
    id: `${ctx.baseUrl}/id/${ctx.orgId}/${session.userId}`,
    asserted_user: true,
    user_id: session.userId,
    organization_id: ctx.orgId,
    username: session.username,
    nick_name: name,
    display_name: name,
    email: session.username.includes('@') ? session.username : `${session.username}@example.invalid`,
    email_verified: true,
    first_name: null,
    last_name: name,
    timezone: 'GMT',
    photos: { picture: `${ctx.baseUrl}/profilephoto/005/F`, thumbnail: `${ctx.baseUrl}/profilephoto/005/T` },
    addr_street: null,
    addr_city: null,
    addr_state: null,
    addr_country: null,
    addr_zip: null,
    mobile_phone: null,
    mobile_phone_verified: false,
    is_lightning_login_user: false,
    status: { created_date: null, body: null },
    urls: apiUrls(ctx.baseUrl, session.userId, ctx.orgId, version),
    active: true,
    user_type: 'STANDARD',
    language: 'en_US',
    locale: 'en_US',
    utcOffset: 0,
    last_modified_date: new Date(ctx.schemaLoadedAt).toISOString().replace('Z', '+0000'),
    is_app_installed: true,
  };
}

export function registerIdentityRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const requireSession = (request: FastifyRequest, reply: FastifyReply): Session | null => {
    const session = bearerSession(ctx, request, true);
    if (!session) void reply.code(403).send('Bad_OAuth_Token');
    return session;
  };

  app.get(
    '/id/:orgId/:userId',
    async (request: FastifyRequest<{ Params: { orgId: string; userId: string } }>, reply) => {
      const session = requireSession(request, reply);
      if (!session) return reply;
      const sameId = (a: string, b: string) =>
        /^[a-zA-Z0-9]{15,18}$/.test(a) && normalizeId(a.slice(0, 15)) === b;
      if (!sameId(request.params.orgId, ctx.orgId) || !sameId(request.params.userId, session.userId))
        return reply.code(403).send('Bad_Id');
      return reply.send(identity(ctx, session, (request.query as { version?: unknown }).version));
    },
  );

  app.get('/services/oauth2/userinfo', async (request, reply) => {
    const session = requireSession(request, reply);
    if (!session) return reply;
    const id = identity(ctx, session, (request.query as { version?: unknown }).version);
    return reply.send({
      sub: id.id,
      user_id: session.userId,
      organization_id: ctx.orgId,
      preferred_username: session.username,
      nickname: id.nick_name,
      name: id.display_name,
      email: id.email,
      email_verified: true,
      family_name: id.last_name,
      zoneinfo: 'GMT',
      photos: id.photos,
      locale: 'en_US',
      language: 'en_US',
      active: true,
      user_type: 'STANDARD',
      is_app_installed: true,
      urls: id.urls,
      updated_at: id.last_modified_date,
    });
  });

  app.post('/services/oauth2/revoke', async (request, reply) => {
    const token =
      new URLSearchParams(typeof request.body === 'string' ? request.body : '').get('token') ?? '';
    if (!ctx.tokens.verify(token))
      return reply
        .code(400)
        .send({ error: 'unsupported_token_type', error_description: 'this token type is not supported' });
    ctx.tokens.revoke(token);
    return reply.code(200).send('');
  });
}
