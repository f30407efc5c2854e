// An order Zuora created but holds Pending (seed 004, "Order Status in Zuora": "If a Customer Activation Date or
// Service Acceptance Dates are required for an order to be marked as Completed, the order's status after
// synchronization will be designated as Pending"). The order is in Zuora, so the sync succeeded; what is still
// missing is a trigger date the tenant requires and the order did not send, the dates Zuora's order still
// lacks (zuora-orders.ts missingTriggerDates). The engine never sends SpecificDate charge triggers, the third
// cause of a Pending order.
// https://docs.zuora.com/en/zuora-billing/manage-accounts-subscriptions-and-non-subscriptions/manage-subscription-transactions/orders/orders-introduction/pending-orders-and-subscriptions
import type { TriggerName } from './rules/trigger-dates.js';

const dateWords: Record<Exclude<TriggerName, 'ContractEffective'>, string> = {
  ServiceActivation: 'service activation date (Company Authorized Date)',
  CustomerAcceptance: 'customer acceptance date (Customer Authorized Date)',
};

/** The plain words of a Pending order, for the sync record's message. */
export function pendingMessage(orderNumber: string, dates: readonly TriggerName[]): string {
  const what =
    dates.length === 0
      ? 'a trigger date the Zuora tenant requires is set'
      : `its ${dates.map((d) => dateWords[d as keyof typeof dateWords]).join(' and ')} ${dates.length > 1 ? 'are' : 'is'} set, as the Zuora tenant requires`;
  return `Sent to Zuora as order ${orderNumber}. Zuora holds it Pending until ${what}.`;
}

export const pendingFix =
  'Fill in the Company Authorized Date (service activation) and Customer Authorized Date (customer acceptance) on the order with "trigger dates on order" switched on, and send new orders with them; for this order, set the dates in Zuora (update the order action trigger dates) and it becomes Completed.';
