// One order, end to end (reference 1.8): the readiness gate, the contact and catalog rules, the Zuora
// accounts (order account, invoice owner, subscription owner), contacts and catalog, one order through the
// async Orders API exactly once, and the links the write-back needs. A dry run records every write it would
// make, previews the order and sends nothing. Its checkpoint carries the attempt's Idempotency-Key and job,
// so a session resumed after a crash polls the same job instead of sending the order again.
import type { ZuoraAccountRef } from '../zuora/zuora-accounts.js';
import { previewOrder, subscriptionRatePlans, type CreatedOrder } from '../zuora/zuora-orders.js';
import type { SessionCheckpoints } from '../sessions/checkpoints.js';
import type { CpqDeps } from './cpq-deps.js';
import { orderKey } from './idempotency-keys.js';
import { buildNewOrder } from './interim-build-order.js';
import { catalogNeeds } from './interim-catalog-plan.js';
import { orderContacts } from './rules/contact-precedence.js';
import { readiness, type ReadinessContext } from './rules/readiness.js';
import { orderCurrency } from './rules/currency-rule.js';
import type { RevisedItem } from './read-bundles.js';
import type { ItemLink, OrderOutcome, ZuoraRequest } from './order-outcome.js';
import type { CpqOrderBundle } from './rules/cpq-records.js';
import { cpqError, type CpqError } from './rules/cpq-errors.js';
import { submitOnce } from './submit-order.js';
import { ensurePlans, type PlanCache } from './zuora-catalog-step.js';
import { ensureContact } from './zuora-contacts.js';
import { ensureAccount, type CustomerContext } from './zuora-customer.js';

export interface OrderRun {
  readonly deps: CpqDeps;
  readonly checkpoints: SessionCheckpoints;
  readonly customers: CustomerContext;
  readonly plans: PlanCache;
  /** The order's attempts before this one (cpq_orders), part of its Idempotency-Key. */
  readonly attempt: number;
  /** The order products amendments revise, with their orders (read with the bundles). */
  readonly revised: ReadonlyMap<string, RevisedItem>;
  /** Orders this session synced already (their write-back may not be in Salesforce yet). */
  readonly synced: ReadonlySet<string>;
}

/** What the readiness gate needs: the orders this one revises and whether they are in Zuora. */
function readinessContext(run: OrderRun, b: CpqOrderBundle): ReadinessContext {
  const byOrder = new Map<
    string,
    { orderId: string; orderNumber: string; effectiveDate: string; synced: boolean; itemIds: string[] }
  >();
  for (const item of b.items) {
    const id = item.SBQQ__RevisedOrderProduct__c;
    const r = id === null ? undefined : run.revised.get(id);
    if (id === null || r === undefined) continue;
    const entry = byOrder.get(r.orderId) ?? {
      ...r,
      synced: r.synced || run.synced.has(r.orderId),
      itemIds: [],
    };
    entry.itemIds.push(id);
    byOrder.set(r.orderId, entry);
  }
  // Amendments of one contract run in start-date order within a session (cpq-session.ts sorts them).
  return { revisedOrders: [...byOrder.values()], unsyncedAmendments: [] };
}

function ended(b: CpqOrderBundle, status: OrderOutcome['status'], error: CpqError | null): OrderOutcome {
  return {
    orderId: b.order.Id,
    orderNumber: b.order.OrderNumber,
    accountId: b.order.AccountId,
    status,
    error,
    zuoraOrderNumber: null,
    zuoraAccountNumber: null,
    subscriptionNumbers: [],
    accounts: [],
    items: [],
    requests: null,
  };
}

export async function syncOrder(run: OrderRun, b: CpqOrderBundle): Promise<OrderOutcome> {
  const gate = readiness(b, readinessContext(run, b));
  if (gate.state !== 'Ready') return ended(b, gate.state, gate.error);
  const currencyRule = orderCurrency(b);
  if (!currencyRule.ok) return ended(b, 'Failed', currencyRule.error);
  const contacts = orderContacts(b);
  if (!contacts.ok) return ended(b, 'Failed', contacts.error);
  const needs = catalogNeeds(b);
  if (!needs.ok) return ended(b, 'Failed', needs.error);
  const currency = currencyRule.value;
  const { deps, customers } = run;
  const dryRun = customers.dryRun;
  const owners = [b.account, b.invoiceOwner ?? b.account, b.subscriptionOwner ?? b.account];
  const refs: ZuoraAccountRef[] = [];
  for (const a of owners) {
    const r = await ensureAccount(customers, a, currency);
    if (!r.ok) return ended(b, 'Failed', r.error);
    refs.push(r.value);
  }
  const [account, invoiceOwner, subOwner] = refs as [ZuoraAccountRef, ZuoraAccountRef, ZuoraAccountRef];
  const billTo = await ensureContact(deps, invoiceOwner, contacts.value.billTo, 'billTo', b.order.Id, dryRun);
  const soldTo = await ensureContact(deps, subOwner, contacts.value.soldTo, 'soldTo', b.order.Id, dryRun);
  const plans = await ensurePlans(deps, needs.value, run.plans, b.order.Id, dryRun);
  if (!plans.ok) return ended(b, 'Failed', plans.error);
  const body = buildNewOrder(
    b,
    {
      invoiceOwnerNumber: invoiceOwner.accountNumber,
      subscriptionOwnerNumber: subOwner.accountNumber,
      billToContactId: billTo,
      soldToContactId: soldTo,
      plans: plans.value,
    },
    deps.cpq,
  );
  if (dryRun !== null) return preview(run, b, body, dryRun);
  const accounts = [
    ...new Map(
      owners.map((a, i) => [
        a.Id,
        { salesforceId: a.Id, accountNumber: refs[i]?.accountNumber ?? '', accountId: refs[i]?.id ?? '' },
      ]),
    ).values(),
  ];
  const created = await submit(run, b, body);
  if (!created.ok) return { ...ended(b, 'Failed', created.error), accounts };
  return {
    ...ended(b, 'Synced', null),
    zuoraOrderNumber: created.value.orderNumber || b.order.OrderNumber,
    zuoraAccountNumber: account.accountNumber,
    subscriptionNumbers: created.value.subscriptionNumbers,
    accounts,
    items: await itemLinks(deps, b, body, created.value),
  };
}

async function submit(run: OrderRun, b: CpqOrderBundle, body: Record<string, unknown>) {
  const stored = run.checkpoints.get({ kind: 'cpq-order', orderId: b.order.Id })?.cursor;
  const same = stored?.version === b.order.SystemModstamp ? stored : undefined;
  const key = same?.idempotencyKey ?? orderKey(b.order.Id, b.order.SystemModstamp, run.attempt);
  const checkpoint = (jobId?: string) =>
    run.checkpoints.write(
      { kind: 'cpq-order', orderId: b.order.Id },
      {
        phase: 'loading',
        cursor: {
          version: b.order.SystemModstamp,
          step: 'submitted',
          idempotencyKey: key,
          ...(jobId === undefined ? {} : { jobId }),
        },
      },
    );
  if (same === undefined) await checkpoint();
  return submitOnce(run.deps, {
    orderId: b.order.Id,
    orderNumber: b.order.OrderNumber,
    body,
    key,
    jobId: same?.jobId,
    saveJob: (jobId) => checkpoint(jobId),
  });
}

async function preview(
  run: OrderRun,
  b: CpqOrderBundle,
  body: Record<string, unknown>,
  requests: ZuoraRequest[],
): Promise<OrderOutcome> {
  const all = [...requests, { method: 'POST', path: '/v1/async/orders', body }];
  const placeholders = JSON.stringify(all).includes('(new ');
  // Zuora can preview the order only when everything it names exists already.
  if (!placeholders) {
    const answer = (await previewOrder(run.deps.zuora, body).catch((error: unknown) => error)) as
      { message?: string } | undefined;
    if (answer instanceof Error)
      return { ...ended(b, 'Failed', cpqError('CPQ-E020', answer.message)), requests: all };
  }
  return { ...ended(b, 'Preview', null), requests: all };
}

/** Each order product's Zuora subscription, rate plan and charge (by externallyManagedPlanId = OrderItem.Id)
 * or order line item (in the order they were sent). */
async function itemLinks(
  deps: CpqDeps,
  b: CpqOrderBundle,
  body: Record<string, unknown>,
  created: CreatedOrder,
): Promise<ItemLink[]> {
  const links: ItemLink[] = [];
  const byItem = new Map<string, { number: string; ratePlanId: string; chargeId: string | null }>();
  for (const number of created.subscriptionNumbers) {
    const sub = await subscriptionRatePlans(deps.zuora, number);
    for (const rp of sub.ratePlans)
      if (rp.externallyManagedPlanId !== null)
        byItem.set(rp.externallyManagedPlanId, {
          number,
          ratePlanId: rp.id,
          chargeId: rp.charges[0]?.id ?? null,
        });
  }
  const sentLines = (body.orderLineItems as { purchaseOrderNumber: string }[] | undefined) ?? [];
  let line = 0;
  for (const i of b.items) {
    const s = byItem.get(i.Id);
    const oli =
      i.SBQQ__Subscription__c === null && line < sentLines.length
        ? (created.orderLineItems[line++]?.id ?? null)
        : null;
    links.push({
      itemId: i.Id,
      cpqSubscriptionId: i.SBQQ__Subscription__c,
      subscriptionNumber: s?.number ?? null,
      ratePlanId: s?.ratePlanId ?? null,
      ratePlanChargeId: s?.chargeId ?? null,
      orderLineItemId: oli,
    });
  }
  return links;
}
