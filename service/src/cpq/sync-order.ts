// One order, end to end (reference 1.8): the readiness gate, the contact and catalog rules, the Zuora
// accounts (order account, invoice owner, subscription owner), contacts and catalog, one order through the
// async Orders API exactly once, and the links the write-back needs. A dry run records every write it would
// make, previews the order and sends nothing. Its checkpoint carries the attempt's Idempotency-Key and job,
// so a session resumed after a crash polls the same job instead of sending the order again.
import type { ZuoraAccountRef } from '../zuora/zuora-accounts.js';
import { missingTriggerDates, type CreatedOrder } from '../zuora/zuora-orders.js';
import { orderBody } from './order-body.js';
import { orderContacts } from './rules/contact-precedence.js';
import { readiness } from './rules/readiness.js';
import { orderCurrency } from './rules/currency-rule.js';
import type { OrderOutcome } from './order-outcome.js';
import { ended, type OrderRun } from './order-run.js';
import { readinessContext } from './readiness-context.js';
import { submit } from './order-submit-step.js';
import { preview } from './order-preview.js';
import { itemLinks } from './item-links.js';
import type { CpqOrderBundle } from './rules/cpq-records.js';
import { ensureContact } from './zuora-contacts.js';
import { ensureAccount } from './zuora-customer.js';
import { accountCurrencyRule } from './rules/account-currency-rule.js';

export type { OrderRun } from './order-run.js';

/** The trigger dates a Pending order waits for, as Zuora's order shows them. */
async function pendingOf(run: OrderRun, b: CpqOrderBundle, created: CreatedOrder) {
  if (created.status !== 'Pending') return undefined;
  return missingTriggerDates(run.deps.zuora, created.orderNumber || b.order.OrderNumber);
}

export async function syncOrder(run: OrderRun, b: CpqOrderBundle): Promise<OrderOutcome> {
  const gate = readiness(b, readinessContext(run, b));
  if (gate.state !== 'Ready') return ended(b, gate.state, gate.error);
  const currencyRule = orderCurrency(b);
  if (!currencyRule.ok) return ended(b, 'Failed', currencyRule.error);
  const contacts = orderContacts(b);
  if (!contacts.ok) return ended(b, 'Failed', contacts.error);
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
  // The invoice owner bills the order: its currency must be the order's unless the tenant has multicurrency.
  const billed = accountCurrencyRule(b, currency, invoiceOwner.currency ?? currency, deps.cpq.multicurrency);
  if (!billed.ok) return ended(b, 'Failed', billed.error);
  const billTo = await ensureContact(customers, invoiceOwner, contacts.value.billTo, 'billTo', b.order.Id);
  const soldTo = await ensureContact(customers, subOwner, contacts.value.soldTo, 'soldTo', b.order.Id);
  const built = await orderBody(run, b, {
    invoiceOwner,
    subscriptionOwner: subOwner,
    billToContactId: billTo,
    soldToContactId: soldTo,
    currency,
  });
  if (!built.ok) return ended(b, 'Failed', built.error);
  const body = built.value;
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
  const pending = await pendingOf(run, b, created.value);
  return {
    ...ended(b, 'Synced', null),
    ...(pending === undefined ? {} : { pending }),
    zuoraOrderNumber: created.value.orderNumber || b.order.OrderNumber,
    zuoraAccountNumber: account.accountNumber,
    subscriptionNumbers: created.value.subscriptionNumbers,
    accounts,
    items: await itemLinks(deps, b, body, created.value, run.revised),
  };
}
