// Writes a planned order: the new account (if any), the Order, one new version per subscription (the
// previous version becomes Expired; rate plans and charges keep their original ids), an OrderAction per
// action and the order line items. Every write goes through the store, so UpdatedDate, stateful AQuA and
// data-change callouts see them. The order is Pending when an action waits for a trigger date.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/
// https://knowledgecenter.zuora.com/Billing/Subscriptions/Subscriptions/Subscription_versions
import { insertAccount } from '../accounts/new-account.js';
import type { ZRecord } from '../model/zuora-record.js';
import type { TenantStore } from '../store/tenant-store.js';
import { chargeMrr, chargeTcv, round2 } from './charge-metrics.js';
import type { OrderPlan } from './plan-order.js';
import { termMonths, type PeriodType } from './subscription-terms.js';
import type { WorkingSubscription } from './working-subscription.js';

export interface CommittedOrder {
  order: ZRecord;
  account: ZRecord;
  subscriptions: ZRecord[];
  actions: ZRecord[];
  lineItems: ZRecord[];
}

function nextOrderNumber(store: TenantStore): string {
  const orders = store.table('Order');
  for (let n = store.count('Order') + 1; ; n += 1) {
    const number = `O-${String(n).padStart(8, '0')}`;
    if (orders.withValue('OrderNumber', number).length === 0) return number;
  }
}

export function subscriptionTermMonths(fields: WorkingSubscription['fields']): number {
  if (fields.TermType !== 'TERMED') return 12;
  return termMonths(
    Number(fields.CurrentTerm ?? 12),
    String(fields.CurrentTermPeriodType ?? 'Month') as PeriodType,
  );
}

function commitSubscription(store: TenantStore, ws: WorkingSubscription, entity: string): ZRecord {
  const prev = ws.previous;
  const months = subscriptionTermMonths(ws.fields);
  let mrr = 0;
  let tcv = 0;
  for (const plan of ws.ratePlans)
    for (const charge of plan.charges)
      if (!plan.removed) {
        mrr += chargeMrr(charge.fields, charge.tiers, months);
        tcv += chargeTcv(charge.fields, charge.tiers, months);
      }
  const sub = store.insert(
    'Subscription',
    {
      ...ws.fields,
      Version: prev === undefined ? 1 : Number(prev.Version) + 1,
      OriginalId: prev === undefined ? null : (prev.OriginalId ?? prev.Id),
      OriginalCreatedDate: prev === undefined ? null : (prev.OriginalCreatedDate ?? prev.CreatedDate),
      PreviousSubscriptionId: prev?.Id ?? null,
      Mrr: round2(mrr),
      Tcv: round2(tcv),
    },
    entity,
  );
  if (prev === undefined)
    store.update('Subscription', sub.Id, { OriginalId: sub.Id, OriginalCreatedDate: sub.CreatedDate });
  else store.update('Subscription', prev.Id, { Status: 'Expired' });
  const owner = { AccountId: sub.AccountId ?? null, SubscriptionId: sub.Id };
  for (const plan of ws.ratePlans) {
    const rp = store.insert(
      'RatePlan',
      {
        ...plan.fields,
        ...owner,
        OriginalRatePlanId: plan.fields.OriginalRatePlanId ?? plan.sourceId ?? null,
      },
      entity,
    );
    if (plan.sourceId === undefined) store.update('RatePlan', rp.Id, { OriginalRatePlanId: rp.Id });
    for (const charge of plan.charges) {
      const ch = store.insert(
        'RatePlanCharge',
        {
          ...charge.fields,
          ...owner,
          RatePlanId: rp.Id,
          Version: sub.Version ?? 1,
          IsLastSegment: true,
          Segment: charge.fields.Segment ?? 1,
          MRR: round2(plan.removed ? 0 : chargeMrr(charge.fields, charge.tiers, months)),
          TCV: round2(plan.removed ? 0 : chargeTcv(charge.fields, charge.tiers, months)),
        },
        entity,
      );
      if (charge.sourceId === undefined) store.update('RatePlanCharge', ch.Id, { OriginalId: ch.Id });
      for (const tier of charge.tiers)
        store.insert('RatePlanChargeTier', { ...tier, ...owner, RatePlanChargeId: ch.Id }, entity);
    }
  }
  return store.get('Subscription', sub.Id)?.record ?? sub;
}

export function commitOrder(
  store: TenantStore,
  plan: OrderPlan,
  entity: string,
  request: { orderDate: string; description?: string | undefined; category?: string | undefined },
): CommittedOrder {
  const account =
    plan.newAccount === undefined
      ? plan.account.record
      : insertAccount(store, plan.newAccount, entity, plan.account.record.Id).account;
  const orderNumber = plan.orderNumber ?? nextOrderNumber(store);
  const order = store.insert(
    'Order',
    {
      AccountId: account.Id,
      OrderNumber: orderNumber,
      OrderDate: request.orderDate,
      Status: plan.pending ? 'Pending' : 'Completed',
      Description: request.description ?? null,
      Category: request.category ?? 'NewSales',
      Currency: account.Currency ?? null,
    },
    entity,
  );
  const subscriptions: ZRecord[] = [];
  const actions: ZRecord[] = [];
  for (const ws of plan.subscriptions) {
    const sub = commitSubscription(store, ws, entity);
    subscriptions.push(sub);
    for (const a of ws.actions)
      actions.push(
        store.insert(
          'OrderAction',
          {
            OrderId: order.Id,
            Type: a.type,
            Sequence: a.sequence,
            SubscriptionId: sub.Id,
            SubscriptionNumber: ws.number,
            ContractEffectiveDate: a.contractEffective,
            ServiceActivationDate: a.serviceActivation,
            CustomerAcceptanceDate: a.customerAcceptance,
          },
          entity,
        ),
      );
  }
  const lineItems = plan.lineItems.map((fields) =>
    store.insert(
      'OrderLineItem',
      { ...fields, OrderId: order.Id, ItemNumber: String(store.count('OrderLineItem') + 1) },
      entity,
    ),
  );
  return { order, account, subscriptions, actions, lineItems };
}
