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
