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
    updatedDate: typeof change.record.UpdatedDate === 'string' ? change.record.UpdatedDate : null,
    eventTime: now.toISOString(),
    sequence: change.seq,
    data: change.record,
  };
}

/**
 * Merge field values of one delivery attempt: the notification's own fields under `Event.` and the
 * record's fields under `DataSource.<Object>.`; `Event.Timestamp` is the attempt time (epoch ms).
 */
export function mergeValues(
  change: RecordChange,
  notificationId: string,
  attemptAt: Date,
): Record<string, string> {
  const values: Record<string, string> = {
    'Event.Timestamp': String(attemptAt.getTime()),
    'Event.NotificationId': notificationId,
    'Event.Type': `${change.object}.${change.action}`,
    'Event.ObjectType': change.object,
    'Event.ChangeType': changeTypes[change.action],
    'Event.ObjectId': change.record.Id,
    'Event.EntityId': change.entityId,
    'Event.UpdatedDate': typeof change.record.UpdatedDate === 'string' ? change.record.UpdatedDate : '',
  };
  for (const [field, value] of Object.entries(change.record)) {
    if (value !== null && value !== undefined) values[`DataSource.${change.object}.${field}`] = String(value);
  }
  return values;
}
