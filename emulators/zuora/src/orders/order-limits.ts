// Limits of the Orders API: "Up to 50 subscriptions / 50 order actions / 50 order actions on a single
// subscription are allowed in a single Create an order or Preview an order operation call"; 300 of each for
// the asynchronous operations; "The limit of orders allowed on a subscription is 1000"; "The limit of order
// line items allowed in an order is 100" (order-line-items.ts). The order number is at most 100 characters
// and may not contain #, ? or /.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/
// https://developer.zuora.com/v1-api-reference/api/operation/POST_CreateOrderAsynchronously/
import type { OrderMode } from './order-env.js';
import type { OrderRequest } from './order-request.js';
import { refuse } from './order-refusal.js';

export const orderLimits = {
  sync: 50,
  async: 300,
  ordersPerSubscription: 1000,
  orderNumberLength: 100,
} as const;

export function checkActionLimits(request: OrderRequest, mode: OrderMode): void {
  const limit = orderLimits[mode];
  const call = mode === 'sync' ? 'a synchronous' : 'an asynchronous';
  if (request.subscriptions.length > limit)
    refuse(
      'limitExceeded',
      `An order can contain at most ${limit} subscriptions in ${call} call; this order has ${request.subscriptions.length}.`,
    );
  const actions = request.subscriptions.reduce((n, s) => n + s.orderActions.length, 0);
  if (actions > limit)
    refuse(
      'limitExceeded',
      `An order can contain at most ${limit} order actions in ${call} call; this order has ${actions}.`,
    );
  for (const [i, s] of request.subscriptions.entries())
    if (s.orderActions.length > limit)
      refuse(
        'limitExceeded',
        `subscriptions[${i}]: at most ${limit} order actions on one subscription in ${call} call; it has ${s.orderActions.length}.`,
      );
}

export function checkOrderNumber(orderNumber: string): void {
  if (orderNumber.trim() === '') refuse('invalidValue', 'orderNumber cannot be empty.');
  if (orderNumber.length > orderLimits.orderNumberLength)
    refuse(
      'invalidValue',
      `orderNumber must be at most ${orderLimits.orderNumberLength} characters (got ${orderNumber.length}).`,
    );
  const bad = ['#', '?', '/'].find((c) => orderNumber.includes(c));
  if (bad !== undefined)
    refuse('invalidValue', `orderNumber '${orderNumber}' contains '${bad}'; #, ? and / are not allowed.`);
}
