// Multi-entity scoping: "If you have Zuora Multi-entity enabled and the OAuth token is valid for more than
// one entity, you must use this header to specify which entity to perform the operation in. If the OAuth
// token is only valid for a single entity, or you do not have Zuora Multi-entity enabled, you do not need
// to set this header." (the Zuora-Entity-Ids header of every operation, e.g.
// https://developer.zuora.com/v1-api-reference/older-api/entities/get_entities). So on a multi-entity
// tenant a request without the header is refused when its token is valid for several entities, acts in
// the token's entity otherwise, and a header naming an entity the token is not valid for is refused.
// A single-entity tenant accepts the header only when it names its own entity.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { StoredRecord, TenantStore } from '../store/tenant-store.js';
import type { EmulatorContext } from './context.js';

export type EntityScope = { ok: true; entityId: string | null } | { ok: false; message: string };

/** Entities the request's OAuth token is valid for, set once the request is authenticated. */
const tokenEntities = new WeakMap<FastifyRequest, readonly string[]>();

/** Records the entities of each request's token (runs after the request guard authenticated it). */
export function installEntityAccess(app: FastifyInstance, ctx: EmulatorContext): void {
  app.addHook('onRequest', async (request) => {
    const h = request.headers.authorization;
    if (h?.toLowerCase().startsWith('bearer ') !== true) return;
    const allowed = ctx.tokens.entitiesOf(h.slice(7).trim());
    if (allowed !== undefined) tokenEntities.set(request, allowed);
  });
}

export function entityScope(request: FastifyRequest, store: TenantStore): EntityScope {
  const header = request.headers['zuora-entity-ids'];
  const raw = Array.isArray(header) ? header.join(',') : header;
  const multi = store.entities.length > 1;
  const allowed = tokenEntities.get(request) ?? store.entities.map((e) => e.id);
  if (raw === undefined || raw.trim() === '') {
    if (!multi) return { ok: true, entityId: null };
    if (allowed.length === 1) return { ok: true, entityId: allowed[0] ?? null };
    return {
      ok: false,
      message:
        'The Zuora-Entity-Ids header is required: the OAuth token is valid for more than one entity, so name the entity to perform the operation in.',
    };
  }
  const ids = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (ids.length !== 1)
    return { ok: false, message: 'Zuora-Entity-Ids must name exactly one entity for this operation' };
  const id = ids[0] ?? '';
  if (!store.entities.some((e) => e.id === id) || !allowed.includes(id))
    return { ok: false, message: `Entity ${id} does not exist or is not accessible` };
  return { ok: true, entityId: multi ? id : null };
}

/** True when a stored record belongs to the scope's entity (every record does on a single-entity tenant). */
export function inEntity(stored: StoredRecord | undefined, entityId: string | null): stored is StoredRecord {
  return stored !== undefined && (entityId === null || stored.entityId === entityId);
}
