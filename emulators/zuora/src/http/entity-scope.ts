// Multi-entity scoping: the Zuora-Entity-Ids header names the entity a request acts in; without it the
// request acts in the default entity. A single-entity tenant ignores the header only when it names its
// own entity. https://developer.zuora.com/v1-api-reference/introduction/#section/Multi-entity
import type { FastifyRequest } from 'fastify';
import type { TenantStore } from '../store/tenant-store.js';

export type EntityScope = { ok: true; entityId: string | null } | { ok: false; message: string };

export function entityScope(request: FastifyRequest, store: TenantStore): EntityScope {
  const header = request.headers['zuora-entity-ids'];
  const raw = Array.isArray(header) ? header.join(',') : header;
  if (raw === undefined || raw.trim() === '') {
    return { ok: true, entityId: store.entities.length > 1 ? store.defaultEntityId : null };
  }
  const ids = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (ids.length !== 1)
    return { ok: false, message: 'Zuora-Entity-Ids must name exactly one entity for this operation' };
  const id = ids[0] ?? '';
  if (!store.entities.some((e) => e.id === id))
    return { ok: false, message: `Entity ${id} does not exist or is not accessible` };
  return { ok: true, entityId: store.entities.length > 1 ? id : null };
}
