// Which entities a sync covers: the ones configured (ZUORA_ENTITY_IDS), else every provisioned entity of a
// multi-entity tenant, else the tenant itself (entity id '': no Zuora-Entity-Ids header). Each entity gets
// its own sessions, watermarks and failed records, as each Zuora entity is its own environment.
import { listEntities } from '../zuora/entities.js';
import type { ZuoraClient } from '../zuora/zuora-client.js';

export async function sessionEntities(
  zuora: ZuoraClient,
  configured: readonly string[] = [],
): Promise<string[]> {
  if (configured.length > 0) return [...new Set(configured)];
  const entities = await listEntities(zuora);
  return entities.length === 0 ? [''] : entities.map((e) => e.id);
}

/** The tenant's entities change rarely: asked once per client (and configured list), kept 10 minutes. */
const cacheMs = 10 * 60_000;
const cache = new WeakMap<
  ZuoraClient,
  Map<string, { readonly ids: Promise<string[]>; readonly at: number }>
>();

export function knownEntities(zuora: ZuoraClient, configured: readonly string[] = []): Promise<string[]> {
  const byList = cache.get(zuora) ?? new Map<string, { ids: Promise<string[]>; at: number }>();
  cache.set(zuora, byList);
  const key = configured.join(',');
  const cached = byList.get(key);
  if (cached !== undefined && Date.now() - cached.at < cacheMs) return cached.ids;
  const ids = sessionEntities(zuora, configured);
  byList.set(key, { ids, at: Date.now() });
  ids.catch(() => byList.delete(key));
  return ids;
}
