// Multi-entity sessions write the BillingEntity__c of their entity first (one REST upsert on Entity_Id__c),
// so the records that reference it (ZFeature__c.BillingEntity__c, on-demand requests by entity) resolve.
// Zuora 360 requires these records before on-demand syncs of a multi-entity tenant (seed 001).
import { listEntities, type ZuoraEntity } from '../zuora/entities.js';
import type { SyncDeps } from '../sessions/sync-deps.js';
import type { TurboRun } from './turbo-run.js';

export class UnknownEntityError extends Error {
  constructor(entityId: string, known: readonly ZuoraEntity[]) {
    super(
      `entity ${entityId} is not a provisioned entity of this Zuora tenant` +
        (known.length === 0
          ? ' (the tenant has no Multi-entity feature: leave ZUORA_ENTITY_IDS empty)'
          : `; provisioned: ${known.map((e) => `${e.id} (${e.name})`).join(', ')}`),
    );
    this.name = 'UnknownEntityError';
  }
}

export interface BillingEntityWrite {
  readonly entity: ZuoraEntity;
  readonly salesforceId: string;
  readonly created: boolean;
}

export async function upsertBillingEntity(deps: SyncDeps, entityId: string): Promise<BillingEntityWrite> {
  const entities = await listEntities(deps.zuora);
  const entity = entities.find((e) => e.id === entityId);
  if (entity === undefined) throw new UnknownEntityError(entityId, entities);
  const result = await deps.salesforce.sobject('BillingEntity__c').upsert(
    {
      Name: entity.name.slice(0, 80),
      Entity_Id__c: entity.id,
      Entity_Name__c: entity.name,
      Display_Name__c: entity.displayName,
    },
    'Entity_Id__c',
  );
  if (!result.success) {
    const errors = (result as { errors?: readonly { message?: string }[] }).errors ?? [];
    throw new Error(
      `BillingEntity__c ${entity.id}: ${errors.map((e) => e.message ?? '').join('; ') || 'upsert failed'}`,
    );
  }
  return { entity, salesforceId: result.id ?? '', created: result.created ?? false };
}

/**
 * Turbo Sync's first stage on a multi-entity tenant: the session's BillingEntity__c (which catalog records
 * reference), checked first so an entity the tenant does not have fails the session by name before anything
 * is read. Checkpointed: a resumed session does not write it again.
 */
export async function billingEntityStage(run: TurboRun): Promise<void> {
  const { session, checkpoints, counts, deps } = run;
  if (session.entityId === '') return;
  const c = counts.of('BillingEntity__c');
  const cp = checkpoints.get({ kind: 'billing-entity' });
  if (cp?.phase === 'done') {
    c.created += cp.cursor?.created === true ? 1 : 0;
  } else {
    const write = await upsertBillingEntity(deps, session.entityId);
    await checkpoints.write(
      { kind: 'billing-entity' },
      { phase: 'done', recordsRead: 1, recordsWritten: 1, cursor: { created: write.created } },
    );
    c.created += write.created ? 1 : 0;
  }
  c.read = 1;
  c.written = 1;
}
