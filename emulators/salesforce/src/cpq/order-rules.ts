import { sfError } from '../store/sf-error.js';
import type { StoredRecord } from '../store/sf-error.js';
import type { AutomationRule } from './automation-rule.js';
import type { CpqRuntime } from './cpq-runtime.js';
import { childrenOf, getRecord, num, round2 } from './record-access.js';

// Order: StatusCode follows Status (OrderStatus maps each status to Draft or Activated:
// https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_orderstatus.htm);
// activation stamps ActivatedDate/ActivatedById and CPQ marks every order product activated
// (SBQQ__Status__c, SBQQ__Activated__c); checking SBQQ__Contracted__c queues CPQ's asynchronous
// contracting (QueueableContractOrdersClient), so the contract and subscriptions appear later
// ([SF-blngauto] https://help.salesforce.com/apex/HTViewHelpDoc?id=sales.blng_automation_guide_orders_op.htm).

function stampActivation(rt: CpqRuntime, next: StoredRecord, current: StoredRecord | null): void {
  if (next.StatusCode !== 'Activated' || current?.StatusCode === 'Activated') return;
  // Update-only fields a client may set itself; the platform fills them when it does not.
  if (next.ActivatedDate === (current?.ActivatedDate ?? null)) next.ActivatedDate = rt.store.now();
  if (next.ActivatedById === (current?.ActivatedById ?? null)) next.ActivatedById = rt.actingUserId();
}

function cascadeItemStatus(rt: CpqRuntime, order: StoredRecord): void {
  const activated = order.StatusCode === 'Activated';
  for (const item of childrenOf(rt, rt.objects.orderItem, 'OrderId', String(order.Id))) {
    rt.store.patch(
      rt.objects.orderItem,
      String(item.Id),
      { SBQQ__Status__c: activated ? 'Activated' : 'Draft', SBQQ__Activated__c: activated },
      true,
    );
  }
}

export const orderRule: AutomationRule = {
  object: 'order',
  beforeSave(rt, next, current) {
    next.StatusCode = next.Status === 'Activated' ? 'Activated' : 'Draft';
    stampActivation(rt, next, current);
    if (next.SBQQ__Contracted__c === true && current?.SBQQ__Contracted__c !== true) {
      if (next.StatusCode !== 'Activated') {
        // Emulator's wording: CPQ contracts activated orders only; its message is not published.
        return [
          sfError('FIELD_CUSTOM_VALIDATION_EXCEPTION', 'Activate the order before contracting it.', [
            'SBQQ__Contracted__c',
          ]),
        ];
      }
    }
    return null;
  },
  afterSave(rt, saved, previous) {
    if (saved.StatusCode !== (previous?.StatusCode ?? 'Draft')) cascadeItemStatus(rt, saved);
    if (saved.SBQQ__Contracted__c === true && previous?.SBQQ__Contracted__c !== true)
      rt.queue.schedule(String(saved.Id));
  },
};

/**
 * Order.TotalAmount (and CPQ's bookings/tax roll-up summaries) follow the items by difference, without
 * editing the order: a change to order products does not move Order.LastModifiedDate ([STF] polling
 * note in reference §0 row 9).
 */
export function rollUpToOrder(
  rt: CpqRuntime,
  orderId: unknown,
  before: StoredRecord | null,
  after: StoredRecord | null,
): void {
  const order = getRecord(rt.store, rt.objects.order, orderId as string);
  if (!order) return;
  const delta = (field: string) => num(after ?? undefined, field) - num(before ?? undefined, field);
  rt.store.patch(
    rt.objects.order,
    String(order.Id),
    {
      TotalAmount: round2(num(order, 'TotalAmount') + delta('TotalPrice')),
      SBQQ__OrderBookings__c: round2(
        num(order, 'SBQQ__OrderBookings__c') + delta('SBQQ__OrderProductBookings__c'),
      ),
      SBQQ__TaxAmount__c: round2(num(order, 'SBQQ__TaxAmount__c') + delta('SBQQ__TaxAmount__c')),
    },
    false,
  );
}
