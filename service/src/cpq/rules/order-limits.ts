// Limits of the asynchronous Orders API (reference §1.12): at most 300 subscriptions, 300 order actions and
// 300 actions per subscription, 100 order line items; an order number of at most 100 characters without #, ?
// or /. Checked before sending, so a too-large order is refused with its reason, not half-built.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_CreateOrderAsynchronously/
import { fail, type CpqResult } from './cpq-errors.js';
import type { CreateOrderBody } from './zuora-order-request.js';

export const asyncOrderLimits = {
  subscriptions: 300,
  orderActions: 300,
  lineItems: 100,
  orderNumberLength: 100,
} as const;

export function orderLimitsProblem(body: CreateOrderBody, orderId: string): CpqResult<never> | undefined {
  const record = { object: 'Order', id: orderId };
  const n = body.orderNumber;
  if (n.length === 0 || n.length > asyncOrderLimits.orderNumberLength || /[#?/]/.test(n))
    return fail('CPQ-E015', `order number '${n}'`, { ...record, field: 'OrderNumber' });
  const actions = body.subscriptions.reduce((sum, s) => sum + s.orderActions.length, 0);
  const counts: [number, number, string][] = [
    [body.subscriptions.length, asyncOrderLimits.subscriptions, 'subscriptions'],
    [actions, asyncOrderLimits.orderActions, 'order actions'],
    [body.orderLineItems.length, asyncOrderLimits.lineItems, 'one-time items'],
  ];
  for (const [count, limit, what] of counts)
    if (count > limit)
      return fail('CPQ-E014', `the order has ${count} ${what}, Zuora takes at most ${limit}`, record);
  return undefined;
}
