// JSON body of a data-change callout. Zuora's data-change events carry the object type, the change type
// (INSERT, UPDATE, DELETE: the "Change Type" of the condition builder,
// https://docs.zuora.com/zuora-platform/extensibility/events-and-notifications/condition-builder/available-comparison-operators)
// and the record's fields as merge values.
import type { RecordChange } from '../store/tenant-store.js';

const changeTypes = { created: 'INSERT', updated: 'UPDATE', deleted: 'DELETE' } as const;

export function notificationPayload(
  change: RecordChange,
  notificationId: string,
  now: Date,
): Record<string, unknown> {
  return {
    notificationId,
    eventCategory: 'DataChange',
    eventType: `${change.object}.${change.action}`,
    objectType: change.object,
    changeType: changeTypes[change.action],
    objectId: change.record.Id,
    accountId: change.object === 'Account' ? change.record.Id : (change.record.AccountId ?? null),
    entityId: change.entityId,
    changedFields: change.changedFields,
    eventTime: now.toISOString(),
    sequence: change.seq,
    data: change.record,
  };
}
