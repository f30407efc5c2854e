// POST /oauth/token, client-credentials grant, form-encoded as Zuora documents:
// https://developer.zuora.com/v1-api-reference/api/operation/createToken/
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from './context.js';

export function registerAuthRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/oauth/token', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const grantType = body.grant_type;
    if (grantType !== 'client_credentials') {
      return reply.code(400).send({
        error: 'unsupported_grant_type',
        message: `grant_type must be client_credentials, got ${String(grantType)}`,
      });
    }
    const { client_id: clientId, client_secret: clientSecret } = body;
    if (typeof clientId !== 'string' || typeof clientSecret !== 'string') {
      return reply
        .code(400)
        .send({ error: 'invalid_request', message: 'client_id and client_secret are required' });
    }
    const issued = ctx.tokens.issue(clientId, clientSecret);
    if (issued === undefined) {
      return reply.code(401).send({ error: 'invalid_client', message: 'Invalid client_id or client_secret' });
    }
    const allowed = ctx.tokens.clientEntities(clientId);
    const entityScope = ctx.store.entities
      .filter((e) => allowed === undefined || allowed.includes(e.id))
      .map((e) => `entity.${e.id}`)
      .join(' ');
    return reply.send({
      access_token: issued.token,
      token_type: 'bearer',
      expires_in: issued.expiresInSeconds,
      scope: `${entityScope} platform.write service.events.read service.notifications.write tenant.emulated`,
      jti: issued.token.slice(0, 32),
    });
  });
}
