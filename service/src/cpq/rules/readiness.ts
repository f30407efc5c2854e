// The readiness gate: whether an activated order can be sent now, waits, or has waited too long. CPQ
// contracts orders asynchronously, so an activated order may not have its SBQQ__Subscription__c rows yet
// (reference §0 item 8; Zuora's connector then fails with "No matching Subscription for OrderItem/
// OrderProduct"): we wait instead. An amendment or renewal waits until the orders it revises are synced, and
// amendments of one contract go in start-date order (reference §5, pain 2).
import { cpqError, type CpqError } from './cpq-errors.js';
import type { CpqOrderBundle } from './cpq-records.js';
import { isSubscriptionItem } from './classify-items.js';

export type Readiness =
  | { readonly state: 'Ready' }
  | { readonly state: 'Waiting'; readonly error: CpqError }
  | { readonly state: 'Failed'; readonly error: CpqError };

export interface OrderRef {
  readonly orderId: string;
  readonly orderNumber: string;
  readonly effectiveDate: string;
}

export interface ReadinessContext {
  /** Orders of the order products this order revises (`SBQQ__RevisedOrderProduct__c`), with their state. */
  readonly revisedOrders: readonly (OrderRef & {
    readonly synced: boolean;
    readonly itemIds: readonly string[];
  })[];
  /** Amendments or renewals of the same contract not synced yet (this order may be among them). */
  readonly unsyncedAmendments: readonly OrderRef[];
  /** Stop waiting for contracting after this long (failing with CPQ-E003); absent: wait for ever. */
  readonly contractingWait?: { readonly since: string; readonly now: string; readonly maxMs: number };
}

const waiting = (error: CpqError): Readiness => ({ state: 'Waiting', error: { ...error, waiting: true } });

/** Earlier first: by effective date, then order number. */
export const byStartDate = (a: OrderRef, b: OrderRef): number =>
  a.effectiveDate === b.effectiveDate
    ? a.orderNumber.localeCompare(b.orderNumber)
    : a.effectiveDate < b.effectiveDate
      ? -1
      : 1;

function contracting(bundle: CpqOrderBundle, ctx: ReadinessContext): Readiness | undefined {
  const open = bundle.items.filter((i) => isSubscriptionItem(i) && i.SBQQ__Subscription__c === null);
  const first = open[0];
  if (first === undefined) return undefined;
  const error = cpqError(
    'CPQ-E003',
    `${open.length} order product(s) of order ${bundle.order.OrderNumber} have no CPQ subscription yet (first: ${first.OrderItemNumber})`,
    { object: 'OrderItem', id: first.Id, field: 'SBQQ__Subscription__c' },
  );
  const w = ctx.contractingWait;
  if (w !== undefined && Date.parse(w.now) - Date.parse(w.since) > w.maxMs) return { state: 'Failed', error };
  return waiting(error);
}

function revisions(bundle: CpqOrderBundle, ctx: ReadinessContext): Readiness | undefined {
  for (const item of bundle.items) {
    const revised = item.SBQQ__RevisedOrderProduct__c;
    if (revised === null) continue;
    const owner = ctx.revisedOrders.find((o) => o.itemIds.includes(revised));
    if (owner === undefined || !owner.synced)
      return waiting(
        cpqError(
          'CPQ-W001',
          owner === undefined
            ? `order product ${item.OrderItemNumber} revises order product ${revised}, whose order is not known yet`
            : `order ${owner.orderNumber} (revised by order product ${item.OrderItemNumber}) is not in Zuora yet`,
          { object: 'OrderItem', id: item.Id, field: 'SBQQ__RevisedOrderProduct__c' },
        ),
      );
  }
  return undefined;
}

export function readiness(bundle: CpqOrderBundle, ctx: ReadinessContext): Readiness {
  const { order } = bundle;
  if (order.StatusCode !== 'Activated')
    return waiting(
      cpqError('CPQ-W003', `order ${order.OrderNumber} is ${order.StatusCode ?? 'not activated'}`, {
        object: 'Order',
        id: order.Id,
        field: 'Status',
      }),
    );
  const gate = contracting(bundle, ctx) ?? revisions(bundle, ctx);
  if (gate !== undefined) return gate;
  const self: OrderRef = {
    orderId: order.Id,
    orderNumber: order.OrderNumber,
    effectiveDate: order.EffectiveDate,
  };
  const earlier = ctx.unsyncedAmendments
    .filter((a) => a.orderId !== order.Id && byStartDate(a, self) < 0)
    .sort(byStartDate)[0];
  if (earlier !== undefined && bundle.items.some((i) => i.SBQQ__RevisedOrderProduct__c !== null))
    return waiting(
      cpqError(
        'CPQ-W002',
        `order ${earlier.orderNumber} (starting ${earlier.effectiveDate}) amends the same contract and goes first`,
        { object: 'Order', id: earlier.orderId },
      ),
    );
  return { state: 'Ready' };
}
