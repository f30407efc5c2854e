import type { CpqRuntime } from '../cpq-runtime.js';
import { childrenOf, mustGet, platformUpdate, refuse } from '../record-access.js';

// Activating and contracting an order as a sales user does from the order page: Status Activated,
// then the Contracted checkbox (contracting itself runs later, in CPQ's queue).

export function activateOrder(rt: CpqRuntime, orderId: string): void {
  const order = mustGet(rt.store, rt.objects.order, orderId, 'orderId');
  if (order.StatusCode === 'Activated')
    throw refuse('INVALID_INPUT', 'The order is already activated', ['orderId']);
  if (childrenOf(rt, rt.objects.orderItem, 'OrderId', orderId).length === 0)
    throw refuse('INVALID_INPUT', 'An order without order products cannot be activated', ['orderId']);
  platformUpdate(rt.store, rt.objects.order, orderId, { Status: 'Activated' });
}

export function contractOrderLater(rt: CpqRuntime, orderId: string): void {
  const order = mustGet(rt.store, rt.objects.order, orderId, 'orderId');
  if (order.SBQQ__Contracted__c === true)
    throw refuse('INVALID_INPUT', 'The order is already contracted', ['orderId']);
  platformUpdate(rt.store, rt.objects.order, orderId, { SBQQ__Contracted__c: true });
}
