// JSON body of a data-change callout. Zuora's data-change events carry the object type, the change type
// (INSERT, UPDATE, DELETE: the "Change Type" of the condition builder,
// https://docs.zuora.com/zuora-platform/extensibility/events-and-notifications/condition-builder/available-comparison-operators)
// and the record's fields as merge values. Orders also raise Zuora's custom events "Order Processed" and
// "Order Action Processed" (action `processed` on Order and OrderAction); their body reports the processed
// record as an INSERT, with eventCategory OrderProcessed / OrderActionProcessed.
// https://docs.zuora.com/en/zuora-platform/extensibility/events-and-notifications/zuora-custom-events/zuora-custom-events-for-orders
import type { RecordChange } from '../store/tenant-store.js';

/** A data change of the store, or a processed order / order action. */
export type CalloutEvent = Omit<RecordChange, 'action'> & { action: RecordChange['action'] | 'processed' };

const changeTypes = { created: 'INSERT', updated: 'UPDATE', deleted: 'DELETE', processed: 'INSERT' } as const;

export function notificationPayload(
  change: CalloutEvent,
  notificationId: string,
  now: Date,
): Record<string, unknown> {
  return {
    notificationId,
    eventCategory: change.action === 'processed' ? `${change.object}Processed` : 'DataChange',
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
  change: CalloutEvent,
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
