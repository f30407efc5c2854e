// What one order sync ended with, and how it shows in Salesforce (docs/cpq-order-sync-contract.md): the
// write-back field updates, the CPQ_Order_Sync__c record, and the result the route and CLI answer.
import type { CpqError } from './rules/cpq-errors.js';
import type { TriggerName } from './rules/trigger-dates.js';
import { pendingFix, pendingMessage } from './pending-order.js';

export type OrderStatus = 'Synced' | 'Waiting' | 'Failed' | 'Preview';

export interface ItemLink {
  readonly itemId: string;
  /** The SBQQ__Subscription__c of a subscription item. */
  readonly cpqSubscriptionId: string | null;
  readonly subscriptionNumber: string | null;
  readonly ratePlanId: string | null;
  readonly ratePlanChargeId: string | null;
  readonly orderLineItemId: string | null;
}

export interface AccountLink {
  readonly salesforceId: string;
  readonly accountNumber: string;
  readonly accountId: string;
}

export interface ZuoraRequest {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

export interface OrderOutcome {
  readonly orderId: string;
  readonly orderNumber: string;
  readonly accountId: string;
  readonly status: OrderStatus;
  readonly error: CpqError | null;
  readonly zuoraOrderNumber: string | null;
  readonly zuoraAccountNumber: string | null;
  readonly subscriptionNumbers: readonly string[];
  readonly accounts: readonly AccountLink[];
  readonly items: readonly ItemLink[];
  readonly requests: readonly ZuoraRequest[] | null;
  /** A Synced order Zuora holds Pending: the trigger dates it waits for (pending-order.ts). */
  readonly pending?: readonly TriggerName[];
}

export interface CpqRecordUpdate {
  readonly object: string;
  readonly id: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export function messageOf(o: OrderOutcome): string {
  const number = o.zuoraOrderNumber ?? o.orderNumber;
  if (o.status === 'Synced' && o.pending !== undefined) return pendingMessage(number, o.pending);
  if (o.status === 'Synced') return `Sent to Zuora as order ${number}.`;
  if (o.status === 'Preview')
    return `Preview of the ${String(o.requests?.length ?? 0)} Zuora requests; nothing was sent.`;
  return o.error?.message ?? 'The order was not sent.';
}

/** The write-back field updates of an order that was sent or attempted (none for a preview). */
export function updatesOf(o: OrderOutcome, at: string): CpqRecordUpdate[] {
  if (o.status === 'Preview') return [];
  const synced = o.status === 'Synced';
  const order: Record<string, unknown> = {
    Zuora_Sync_Status__c: o.status,
    Zuora_Last_Sync_Time__c: at,
    Zuora_Last_Sync_Error__c:
      synced || o.error === null ? null : `${o.error.code}: ${o.error.message}`.slice(0, 32_768),
    ...(synced ? { Zuora_Order_Number__c: o.zuoraOrderNumber } : {}),
  };
  const out: CpqRecordUpdate[] = [{ object: 'Order', id: o.orderId, fields: order }];
  if (!synced) return out;
  for (const a of o.accounts)
    out.push({
      object: 'Account',
      id: a.salesforceId,
      fields: { Zuora_Account_Number__c: a.accountNumber, Zuora_Account_Id__c: a.accountId },
    });
  const subscriptions = new Set<string>();
  for (const i of o.items) {
    const link = {
      Zuora_Subscription_Number__c: i.subscriptionNumber,
      Zuora_Rate_Plan_Id__c: i.ratePlanId,
      Zuora_Rate_Plan_Charge_Id__c: i.ratePlanChargeId,
    };
    out.push({
      object: 'OrderItem',
      id: i.itemId,
      fields: { ...link, Zuora_Order_Line_Item_Id__c: i.orderLineItemId },
    });
    if (
      i.cpqSubscriptionId !== null &&
      i.subscriptionNumber !== null &&
      !subscriptions.has(i.cpqSubscriptionId)
    ) {
      subscriptions.add(i.cpqSubscriptionId);
      out.push({ object: 'SBQQ__Subscription__c', id: i.cpqSubscriptionId, fields: link });
    }
  }
  return out;
}

function fixOf(o: OrderOutcome): string | null {
  if (o.status === 'Synced') return o.pending === undefined ? null : pendingFix;
  return o.error?.fix ?? null;
}

/** The order's CPQ_Order_Sync__c record (upserted on Order_Key__c). */
export function syncRecordOf(
  o: OrderOutcome,
  sessionId: string,
  attempts: number,
  at: string,
): Record<string, unknown> {
  return {
    Name: o.orderNumber.slice(0, 80),
    Order_Key__c: o.orderId,
    Order__c: o.orderId,
    Account__c: o.accountId,
    Status__c: o.status,
    Error_Code__c: o.error?.code ?? null,
    Message__c: messageOf(o).slice(0, 32_768),
    Fix__c: fixOf(o),
    Zuora_Order_Number__c: o.zuoraOrderNumber,
    Attempts__c: attempts,
    Last_Attempt_At__c: at,
    Session_Id__c: sessionId,
  };
}

/** One result of the contract's answer. */
export function resultOf(o: OrderOutcome) {
  return {
    orderId: o.orderId,
    orderNumber: o.orderNumber,
    status: o.status,
    zuoraOrderNumber: o.zuoraOrderNumber,
    zuoraAccountNumber: o.zuoraAccountNumber,
    subscriptionNumbers: [...o.subscriptionNumbers],
    errorCode: o.error?.code ?? null,
    message: messageOf(o),
    fix: o.status === 'Failed' || o.pending !== undefined ? fixOf(o) : null,
    requests: o.requests === null ? null : [...o.requests],
  };
}
export type CpqOrderResult = ReturnType<typeof resultOf>;
