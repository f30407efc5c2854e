// Multi-entity: list entities. `GET /v1/entities[?provisioned=true|false]` answers every entity of the
// hierarchy (all emulated entities are provisioned; the first is the global, parent entity). A tenant
// without the Multi-entity feature answers an "unsupported" v1 error, as the feature is only available
// when enabled. https://developer.zuora.com/v1-api-reference/older-api/entities/get_entities
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from './context.js';
import { reason, v1Error } from './errors.js';

export function registerEntityRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get<{ Querystring: { provisioned?: string } }>('/v1/entities', async (request, reply) => {
    const entities = ctx.store.entities;
    if (entities.length <= 1)
      return v1Error(reply, 400, [
        reason('generic', 'unsupported', 'The Multi-entity feature is not enabled for this tenant.'),
      ]);
    const provisioned = request.query.provisioned;
    if (provisioned !== undefined && provisioned !== 'true' && provisioned !== 'false')
      return v1Error(reply, 400, [
        reason('generic', 'invalidValue', `provisioned must be true or false, got '${provisioned}'.`),
      ]);
    const root = entities[0]?.id ?? null;
    return reply.send({
      entities:
        provisioned === 'false'
          ? []
          : entities.map((e) => ({
              id: e.id,
              name: e.name,
              displayName: e.displayName,
              locale: 'en_US',
              timezone: 'GMT',
              status: 'Provisioned',
              parentId: e.id === root ? null : root,
              tenantId: '6398',
            })),
      success: true,
    });
  });
}
