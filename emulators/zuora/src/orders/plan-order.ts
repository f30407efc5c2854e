// Plans an order without writing anything: limits, order number, the account (existing or new), every
// subscription's actions applied in sequence to its working copy, and the order line items. An order is
// all or nothing: the first broken rule refuses the whole order.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/
import {
  newAccountProblem,
  nextAccountNumber,
  parseNewAccount,
  type NewAccountInput,
} from '../accounts/new-account.js';
import type { StoredRecord } from '../store/tenant-store.js';
import type { OrderEnv } from './order-env.js';
import { planLineItems } from './order-line-items.js';
import { checkActionLimits, checkOrderNumber, orderLimits } from './order-limits.js';
import type { OrderRequest } from './order-request.js';
import { refuse } from './order-refusal.js';
import { planSubscription } from './plan-subscription.js';
import type { NewSubscriptionState } from './create-subscription.js';
import type { Fields, WorkingSubscription } from './working-subscription.js';

export interface OrderPlan {
  orderNumber: string | undefined;
  account: StoredRecord;
  /** Set when the order creates its account (newAccount); `account` is then its placeholder. */
  newAccount?: NewAccountInput;
  subscriptions: WorkingSubscription[];
  lineItems: Fields[];
  pending: boolean;
}

function orderAccount(
  env: OrderEnv,
  request: OrderRequest,
): { account: StoredRecord; newAccount?: NewAccountInput } {
  const given = [request.existingAccountNumber, request.existingAccountId, request.newAccount].filter(
    (v) => v !== undefined,
  );
  if (given.length === 0)
    refuse('missingRequired', 'existingAccountNumber, existingAccountId or newAccount is required.');
  if (given.length > 1)
    refuse('invalidValue', 'Specify only one of existingAccountNumber, existingAccountId and newAccount.');
  const key = request.existingAccountNumber ?? request.existingAccountId;
  if (key !== undefined) {
    const account = env.account(key);
    if (account === undefined)
      refuse(
        'invalidValue',
        `${request.existingAccountNumber === undefined ? 'existingAccountId' : 'existingAccountNumber'}: no account ${key}.`,
      );
    return { account };
  }
  const input = parseNewAccount(request.newAccount, 'newAccount');
  if ('message' in input) refuse(input.category, input.message);
  const problem = newAccountProblem(env.store, input, env.entityId, env.settings, 'newAccount');
  if (problem !== undefined) refuse(problem.category, problem.message);
  // A placeholder with the id and number the account gets when the order is committed.
  input.account.AccountNumber ??= nextAccountNumber(env.store);
  const record = { ...input.account, Id: env.store.newId('Account'), CreatedDate: '', UpdatedDate: '' };
  return { account: { record, entityId: env.entity, seq: 0 }, newAccount: input };
}

function ordersOn(env: OrderEnv, number: string): number {
  const orders = new Set<string>();
  for (const { record, entityId } of env.children.children('OrderAction', 'SubscriptionNumber', number))
    if (env.entityId === null || entityId === env.entityId) orders.add(String(record.OrderId));
  return orders.size;
}

export function planOrder(env: OrderEnv, request: OrderRequest, preview: boolean): OrderPlan {
  checkActionLimits(request, env.mode);
  if (request.orderNumber !== undefined) {
    checkOrderNumber(request.orderNumber);
    if (
      !preview &&
      env.store
        .table('Order')
        .withValue('OrderNumber', request.orderNumber)
        .some((o) => o.record.OrderNumber === request.orderNumber)
    )
      refuse('invalidValue', `The order number ${request.orderNumber} already exists.`);
  }
  if (request.status !== undefined && request.status !== 'Completed')
    refuse(
      'unsupported',
      `status ${request.status}: the emulator creates completed (or pending) orders only.`,
    );
  if (request.processingOptions?.runBilling === true || request.processingOptions?.collectPayment === true)
    refuse(
      'unsupported',
      'processingOptions.runBilling and collectPayment are not supported by the emulator; run billing separately.',
    );
  const { account, newAccount } = orderAccount(env, request);
  const state: NewSubscriptionState = { numbers: new Set() };
  const seen = new Set<string>();
  const subscriptions = request.subscriptions.map((container, i) => {
    const sub = planSubscription(env, container, i, request.orderDate, account, state);
    if (seen.has(sub.number))
      refuse('invalidValue', `subscriptions[${i}]: subscription ${sub.number} appears twice in the order.`);
    seen.add(sub.number);
    if (sub.previous !== undefined && ordersOn(env, sub.number) >= orderLimits.ordersPerSubscription)
      refuse(
        'limitExceeded',
        `subscriptions[${i}]: subscription ${sub.number} already has ${orderLimits.ordersPerSubscription} orders, the limit.`,
      );
    return sub;
  });
  // An order creates or changes something: checked once the number and the account are known good, so
  // those refusals name their own cause.
  if (request.subscriptions.length === 0 && request.orderLineItems.length === 0)
    refuse(
      'missingRequired',
      'An order needs at least one subscription (with order actions) or one order line item.',
    );
  const currency = state.currency ?? String(account.record.Currency);
  const lineItems = planLineItems(env, request.orderLineItems, request.orderDate, account, currency);
  return {
    orderNumber: request.orderNumber,
    account,
    ...(newAccount === undefined ? {} : { newAccount }),
    subscriptions,
    lineItems,
    pending: subscriptions.some((s) => s.pending),
  };
}
