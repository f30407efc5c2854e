// JSON answers of the Orders API: the create-order result (also the async job's result) and an order as
// GET /v1/orders/{orderNumber} and GET /v1/orders/subscription/{subscriptionNumber} return it. Subscriptions
// come as `subscriptions: [{subscriptionNumber, status}]` from Zuora-Version 223.0, `subscriptionNumbers`
// before; `returnIds=true` adds the ids.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/ (PostOrderResponseType)
// https://developer.zuora.com/v1-api-reference/api/operation/GET_Order/
import type { ZRecord } from '../model/zuora-record.js';
import type { ChildIndex } from '../query/relations.js';
import type { TenantStore } from '../store/tenant-store.js';
import type { CommittedOrder } from './commit-order.js';

export interface ResultOptions {
  /** Zuora-Version header: subscriptions[] from 223.0, subscriptionNumbers before. */
  zuoraVersion: number;
  returnIds: boolean;
}

export function parseZuoraVersion(header: string | string[] | undefined): number {
  const v = Number.parseFloat(Array.isArray(header) ? (header[0] ?? '') : (header ?? ''));
  return Number.isFinite(v) ? v : 196;
}

export function orderResult(c: CommittedOrder, o: ResultOptions): Record<string, unknown> {
  const subs = c.subscriptions.map((s) => ({
    subscriptionNumber: s.Name,
    status: s.Status,
    ...(o.returnIds ? { subscriptionId: s.Id } : {}),
  }));
  return {
    success: true,
    orderNumber: c.order.OrderNumber,
    accountNumber: c.account.AccountNumber,
    status: c.order.Status,
    ...(o.zuoraVersion >= 223
      ? { subscriptions: subs }
      : {
          subscriptionNumbers: subs.map((s) => s.subscriptionNumber),
          ...(o.returnIds ? { subscriptionIds: subs.map((s) => s.subscriptionId) } : {}),
        }),
    ...(c.lineItems.length > 0
      ? { orderLineItems: c.lineItems.map((l) => ({ id: l.Id, itemNumber: l.ItemNumber })) }
      : {}),
    ...(o.returnIds ? { orderId: c.order.Id, accountId: c.account.Id } : {}),
  };
}

function lineItemView(l: ZRecord): Record<string, unknown> {
  return {
    id: l.Id,
    itemNumber: l.ItemNumber,
    itemName: l.ItemName,
    itemType: l.ItemType,
    itemCategory: l.ItemCategory,
    itemState: l.ItemState,
    quantity: l.Quantity,
    listPricePerUnit: l.ListPricePerUnit,
    amountPerUnit: l.AmountPerUnit,
    listPrice: l.ListPrice,
    amount: l.Amount,
    productCode: l.ProductCode,
    productRatePlanChargeId: l.ProductRatePlanChargeId,
    purchaseOrderNumber: l.PurchaseOrderNumber,
    transactionStartDate: l.TransactionStartDate,
    transactionEndDate: l.TransactionEndDate,
    billTargetDate: l.BillTargetDate,
    billTo: l.BillToId,
    soldTo: l.SoldToId,
    ownerAccountId: l.OwnerAccountId,
    invoiceOwnerAccountId: l.InvoiceOwnerAccountId,
    relatedSubscriptionNumber: l.RelatedSubscriptionNumber,
    currency: l.Currency,
    UOM: l.UOM,
    description: l.Description,
  };
}

export function orderView(store: TenantStore, children: ChildIndex, order: ZRecord): Record<string, unknown> {
  const account = store.get('Account', String(order.AccountId))?.record;
  const bySubscription = new Map<string, ZRecord[]>();
  for (const { record: a } of children.children('OrderAction', 'OrderId', order.Id)) {
    const number = String(a.SubscriptionNumber);
    bySubscription.set(number, [...(bySubscription.get(number) ?? []), a]);
  }
  return {
    orderNumber: order.OrderNumber,
    orderDate: order.OrderDate,
    status: order.Status,
    category: order.Category,
    description: order.Description,
    currency: order.Currency,
    existingAccountNumber: account?.AccountNumber ?? null,
    createdDate: order.CreatedDate,
    updatedDate: order.UpdatedDate,
    subscriptions: [...bySubscription].map(([number, actions], sequence) => {
      const version = store.get('Subscription', String(actions[0]?.SubscriptionId))?.record;
      const newVersion = Number(version?.Version ?? 1);
      const created = actions.some((a) => a.Type === 'CreateSubscription');
      return {
        subscriptionNumber: number,
        sequence,
        baseVersion: created ? null : newVersion - 1,
        newVersion,
        subscriptionOwnerAccountNumber:
          version === undefined
            ? null
            : (store.get('Account', String(version.AccountId))?.record.AccountNumber ?? null),
        orderActions: actions
          .sort((x, y) => Number(x.Sequence) - Number(y.Sequence))
          .map((a) => ({
            id: a.Id,
            type: a.Type,
            sequence: a.Sequence,
            triggerDates: [
              ['ContractEffective', a.ContractEffectiveDate],
              ['ServiceActivation', a.ServiceActivationDate],
              ['CustomerAcceptance', a.CustomerAcceptanceDate],
            ]
              .filter(([, d]) => d !== null)
              .map(([name, triggerDate]) => ({ name, triggerDate })),
          })),
      };
    }),
    orderLineItems: children
      .children('OrderLineItem', 'OrderId', order.Id)
      .map(({ record }) => lineItemView(record)),
  };
}
