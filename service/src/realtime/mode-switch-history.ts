// A switch between real-time and Turbo Sync is logged and written to Sync_History__c, as Zuora's connector
// writes a log entry in Sync History for each switch (product-behaviours §1.5). The record is a Real-time
// entry whose Sync_Target__c says where sync went and why, and whose Target_Id__c names the Turbo session.
import { randomUUID } from 'node:crypto';
import type { SyncDeps } from '../sessions/sync-deps.js';
import type { RealtimeMode } from './realtime-state-rows.js';

export async function recordModeSwitch(
  deps: SyncDeps,
  entityId: string,
  to: RealtimeMode,
  reason: string,
  turboSessionId: string | null,
): Promise<void> {
  const text = to === 'turbo' ? `Real-time -> Turbo Sync: ${reason}` : `Turbo Sync -> Real-time: ${reason}`;
  deps.logger.warn({ entityId, to, turboSessionId, reason }, `sync mode switch: ${text}`);
  const at = (deps.now?.() ?? new Date()).toISOString();
  try {
    await deps.salesforce.sobject('Sync_History__c').upsert(
      {
        Session_Id__c: randomUUID(),
        Sync_Type__c: 'Real-time',
        Scope__c: 'Accounts & Related Objects',
        Status__c: 'Finished',
        Is_Success__c: true,
        Is_Incremental__c: true,
        Is_Async__c: true,
        Sync_On__c: at,
        Finished_On__c: at,
        Entity_Id__c: entityId,
        Sync_By__c: 'zuora-salesforce-sync',
        Zuora_Hostname__c: deps.zuoraHost ?? '',
        Sync_Target__c: text.slice(0, 255),
        Target_Id__c: turboSessionId ?? '',
      },
      'Session_Id__c',
    );
  } catch (err) {
    deps.logger.error({ err, entityId }, 'sync mode switch: Sync_History__c not written');
  }
}
