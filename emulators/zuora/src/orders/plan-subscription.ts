// One entry of an order's `subscriptions`: its actions in sequence on one working copy. A new
// subscription starts with CreateSubscription (and "leave subscriptionNumber empty in the container");
// other actions need the number of an existing, not cancelled subscription of the entity. "Unless the type
// of order action is RenewSubscription, you must use the corresponding field", and "Zuora returns an error
// if you set a field that corresponds to a different type of order action". The container's custom fields
// (SFDC_Contract__c) and quote fields go on the subscription.
// https://developer.zuora.com/v1-api-reference/api/operation/POST_Order/ (OrderAction.type)
import type { StoredRecord } from '../store/tenant-store.js';
import type { ActionContext } from './action-context.js';
import { createSubscription, type NewSubscriptionState } from './create-subscription.js';
import type { OrderEnv } from './order-env.js';
import { actionFields, type OrderRequest } from './order-request.js';
import { refuse } from './order-refusal.js';
import { addProduct, removeProduct, updateProduct } from './product-actions.js';
import {
  cancelSubscription,
  ownerTransfer,
  renewSubscription,
  termsAndConditions,
} from './subscription-actions.js';
import { actionDates } from './trigger-dates.js';
import { loadSubscription, type WorkingSubscription } from './working-subscription.js';

type Container = OrderRequest['subscriptions'][number];

/** Custom fields of the Subscription object in this tenant (the CPQ connector's contract id). */
const subscriptionCustomFields = new Set(['SFDC_Contract__c']);

const amendments: Partial<Record<string, (c: ActionContext, sub: WorkingSubscription) => void>> = {
  AddProduct: addProduct,
  UpdateProduct: updateProduct,
  RemoveProduct: removeProduct,
  RenewSubscription: renewSubscription,
  CancelSubscription: cancelSubscription,
  TermsAndConditions: termsAndConditions,
  OwnerTransfer: ownerTransfer,
};

function checkActionShape(action: Container['orderActions'][number], where: string): void {
  const own = actionFields[action.type];
  for (const field of Object.values(actionFields))
    if (field !== own && (action as Record<string, unknown>)[field] !== undefined)
      refuse(
        'invalidValue',
        `${where}: ${field} does not go with an order action of type ${action.type} (use ${own}).`,
      );
  if (action.type === 'Suspend' || action.type === 'Resume' || action.type === 'ChangePlan')
    refuse('unsupported', `${where}: ${action.type} order actions are not supported by the emulator.`);
}

function existing(env: OrderEnv, container: Container, where: string): WorkingSubscription {
  const number = container.subscriptionNumber;
  if (number === undefined)
    refuse(
      'missingRequired',
      `${where}.subscriptionNumber is required: the first order action is not CreateSubscription.`,
    );
  const current = env.currentVersion(number);
  if (current === undefined)
    refuse('invalidValue', `${where}.subscriptionNumber: no subscription ${number}.`);
  if (current.Status === 'Cancelled')
    refuse('ruleRestriction', `${where}: subscription ${number} is cancelled and cannot be changed.`);
  return loadSubscription(env.children, current);
}

function applyContainerFields(sub: WorkingSubscription, container: Container, where: string): void {
  for (const [field, value] of Object.entries(container.customFields ?? {})) {
    if (!subscriptionCustomFields.has(field))
      refuse('unknownField', `${where}.customFields.${field} is not a custom field of Subscription.`);
    sub.fields[field] = value;
  }
  for (const [field, value] of Object.entries(container.quote ?? {}))
    if (field.endsWith('__QT') && (typeof value === 'string' || value === null)) sub.fields[field] = value;
}

export function planSubscription(
  env: OrderEnv,
  container: Container,
  index: number,
  orderDate: string,
  orderAccount: StoredRecord,
  state: NewSubscriptionState,
): WorkingSubscription {
  const where = `subscriptions[${index}]`;
  let sub: WorkingSubscription | undefined;
  for (const [i, action] of container.orderActions.entries()) {
    const at = `${where}.orderActions[${i}]`;
    checkActionShape(action, at);
    const dates = actionDates(action, orderDate, env.settings, at);
    const c: ActionContext = { env, action, orderAccount, dates, where: at };
    if (action.type === 'CreateSubscription') {
      if (i > 0)
        refuse(
          'invalidValue',
          `${at}: CreateSubscription must be the first order action of its subscription.`,
        );
      sub = createSubscription(c, container.subscriptionNumber, state);
    } else {
      sub ??= existing(env, container, where);
      if (sub.fields.Status === 'Cancelled')
        refuse('ruleRestriction', `${at}: subscription ${sub.number} is cancelled by an earlier action.`);
      (amendments[action.type] as (c: ActionContext, s: WorkingSubscription) => void)(c, sub);
      sub.pending ||= dates.pending;
    }
    sub.actions.push({
      type: action.type,
      sequence: i,
      contractEffective: dates.contractEffective,
      serviceActivation: dates.serviceActivation,
      customerAcceptance: dates.customerAcceptance,
    });
  }
  if (sub === undefined) refuse('missingRequired', `${where}.orderActions needs at least one order action.`);
  applyContainerFields(sub, container, where);
  return sub;
}
