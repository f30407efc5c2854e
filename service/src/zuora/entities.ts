// The entities of a multi-entity Zuora tenant. Each entity is its own Zuora environment: the connector
// syncs each in its own sessions (Zuora-Entity-Ids header, own watermark) and writes a BillingEntity__c for
// it. A tenant without the Multi-entity feature answers an error to this call; it is then one entity, and
// sessions carry no entity header.
// https://developer.zuora.com/v1-api-reference/older-api/entities/get_entities
import type { ZuoraClient } from './zuora-client.js';
import { ZuoraApiError } from './zuora-errors.js';

export interface ZuoraEntity {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
}

interface EntitiesBody {
  readonly entities?: readonly {
    id?: unknown;
    name?: unknown;
    displayName?: unknown;
    status?: unknown;
  }[];
}

/** Provisioned entities, or [] when the tenant has no Multi-entity feature. */
export async function listEntities(client: ZuoraClient): Promise<ZuoraEntity[]> {
  let body: EntitiesBody;
  try {
    body = await client.request<EntitiesBody>('GET', '/v1/entities?provisioned=true');
  } catch (error) {
    // 4xx: the feature is not enabled (or this user may not list entities): a single-entity tenant.
    if (error instanceof ZuoraApiError && error.status >= 400 && error.status < 500) return [];
    throw error;
  }
  return (body.entities ?? [])
    .filter((e) => typeof e.id === 'string' && e.id !== '' && (e.status ?? 'Provisioned') === 'Provisioned')
    .map((e) => ({
      id: String(e.id),
      name: typeof e.name === 'string' ? e.name : String(e.id),
      displayName:
        typeof e.displayName === 'string'
          ? e.displayName
          : typeof e.name === 'string'
            ? e.name
            : String(e.id),
    }));
}
