// What each amendment or renewal line does to the Zuora subscription its lineage lives in (reference §1.9,
// §3.3): lines carry signed deltas and name the first order product of their lineage; that order product's
// synced state gives the subscription, rate plan, charge and current quantity. A line whose lineage is not
// in Zuora cannot be amended (Zuora's errors 2 and, for usage, 4).
// https://docs.zuora.com/en/zuora-platform/integration/integration-hub/billing-connector-for-salesforce-cpq/error-logging-and-troubleshooting-sfdc-cpq-connector
import { isUsageItem } from './classify-items.js';
import { fail, ok, type CpqResult } from './cpq-errors.js';
import type { CpqOrderBundle, CpqOrderItem, CpqSubscription } from './cpq-records.js';
import { isUsageLine, type SyncedLine } from './synced-line.js';
import type { OrderAction } from './zuora-order-request.js';

export type LineAction =
  | { readonly kind: 'cancel'; readonly date: string; readonly line: SyncedLine }
  /** Add the line's rate plans again (usage quantity changes: remove + add). */
  | { readonly kind: 'add'; readonly item: CpqOrderItem; readonly subscription: CpqSubscription }
  | { readonly kind: 'actions'; readonly actions: readonly OrderAction[] };

const update = (line: SyncedLine, date: string, change: Record<string, number>): OrderAction => ({
  type: 'UpdateProduct',
  updateProduct: {
    ratePlanId: line.ratePlanId,
    chargeUpdates: [
      {
        chargeNumber: line.chargeNumber,
        pricing: { [line.pricingVariant]: change },
        effectiveDate: { triggerEvent: 'SpecificDate', specificTriggerDate: date },
      },
    ],
  },
});

const remove = (line: SyncedLine): OrderAction => ({
  type: 'RemoveProduct',
  removeProduct: { ratePlanId: line.ratePlanId },
});

function quantityChange(
  bundle: CpqOrderBundle,
  item: CpqOrderItem,
  line: SyncedLine,
  quantity: number,
  date: string,
): CpqResult<LineAction[]> {
  const record = { object: 'OrderItem', id: item.Id, field: 'Quantity' };
  if (quantity < 0)
    return fail(
      'CPQ-E024',
      `order product ${item.OrderItemNumber} takes subscription ${line.subscriptionNumber} to quantity ${quantity}`,
      record,
    );
  if (quantity === 0) return ok([{ kind: 'actions', actions: [remove(line)] }]);
  if (!isUsageLine(line)) return ok([{ kind: 'actions', actions: [update(line, date, { quantity })] }]);
  const subscription = bundle.subscriptions.find((s) => s.Id === item.SBQQ__Subscription__c);
  if (subscription === undefined)
    return fail('CPQ-E003', `order product ${item.OrderItemNumber} has no CPQ subscription`, {
      ...record,
      field: 'SBQQ__Subscription__c',
    });
  return ok([
    { kind: 'actions', actions: [remove(line)] },
    { kind: 'add', item, subscription },
  ]);
}

function itemActions(
  bundle: CpqOrderBundle,
  item: CpqOrderItem,
  line: SyncedLine,
  quantities: Map<string, number>,
  renewed: Set<string>,
): CpqResult<LineAction[]> {
  const date = item.ServiceDate ?? bundle.order.EffectiveDate;
  const action = item.SBQQ__ContractAction__c;
  if (action === 'Cancel') return ok([{ kind: 'cancel', date, line }]);
  if (action === 'Renew') {
    const out: LineAction[] = [];
    if (!renewed.has(line.subscriptionNumber))
      out.push({ kind: 'actions', actions: [{ type: 'RenewSubscription', renewSubscription: {} }] });
    renewed.add(line.subscriptionNumber);
    if (!isUsageLine(line) && item.UnitPrice !== line.price)
      out.push({ kind: 'actions', actions: [update(line, date, { listPrice: item.UnitPrice })] });
    return ok(out);
  }
  // A zero-delta line (an owner-only amendment carries the lines it leaves as they are) changes no charge.
  if (item.Quantity === 0) return ok([]);
  const quantity = (quantities.get(line.orderItemId) ?? line.quantity) + item.Quantity;
  quantities.set(line.orderItemId, quantity);
  return quantityChange(bundle, item, line, Math.round(quantity * 100) / 100, date);
}

/** The actions of the order's revising lines, by Zuora subscription number (in the order of the lines). */
export function lineActions(
  bundle: CpqOrderBundle,
  synced: readonly SyncedLine[],
): CpqResult<Map<string, LineAction[]>> {
  const out = new Map<string, LineAction[]>();
  const quantities = new Map<string, number>();
  const renewed = new Set<string>();
  for (const item of bundle.items) {
    const root = item.SBQQ__RevisedOrderProduct__c;
    if (root === null) continue;
    const line = synced.find((l) => l.orderItemId === root);
    if (line === undefined)
      return isUsageItem(bundle, item)
        ? fail(
            'CPQ-E004',
            `order product ${item.OrderItemNumber} revises ${root}, whose usage rate plan is not in Zuora`,
            { object: 'OrderItem', id: item.Id, field: 'SBQQ__RevisedOrderProduct__c' },
          )
        : fail(
            'CPQ-E002',
            `order product ${item.OrderItemNumber} revises ${root}, which has no rate plan in Zuora`,
            { object: 'OrderItem', id: item.Id, field: 'SBQQ__RevisedOrderProduct__c' },
          );
    const actions = itemActions(bundle, item, line, quantities, renewed);
    if (!actions.ok) return actions;
    out.set(line.subscriptionNumber, [...(out.get(line.subscriptionNumber) ?? []), ...actions.value]);
  }
  return ok(out);
}
