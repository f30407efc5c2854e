// The Zuora order of an amendment or renewal (reference §1.9): the synced state of the lines it revises
// read back (synced-lines.ts), changes Zuora cannot make refused before anything is sent (currency,
// billing period, bill cycle type: rules/non-updatable.ts), then the order actions on the synced
// subscriptions and a new subscription per added product (rules/amendment-actions.ts). An amendment Zuora
// already has (sent before a crash or a timeout, its write-back lost) cannot be built again from the
// subscriptions it changed (a cancelled subscription has no line left to cancel): when building fails and
// Zuora has the order under its number, the order's subscriptions are answered for the write-back and the
// submission step finds the order by number and sends nothing.
import type { ZuoraAccountRef } from '../zuora/zuora-accounts.js';
import { findOrder } from '../zuora/zuora-orders.js';
import type { OrderRun } from './order-run.js';
import { amendmentOrder } from './rules/amendment-actions.js';
import type { BuildOrderInputs } from './rules/build-order.js';
import { ok, type CpqResult } from './rules/cpq-errors.js';
import type { CpqOrderBundle } from './rules/cpq-records.js';
import { refuseNonUpdatable } from './rules/non-updatable.js';
import { syncedState } from './synced-lines.js';

/** Whether the order amends or renews a contract (some product revises an earlier one). */
export const isAmendment = (inputs: Pick<BuildOrderInputs, 'bundle'>): boolean =>
  inputs.bundle.items.some((i) => i.SBQQ__RevisedOrderProduct__c !== null);

/** The order Zuora already has under this order's number, as a body naming its subscriptions. */
async function alreadySent(run: OrderRun, b: CpqOrderBundle): Promise<Record<string, unknown> | undefined> {
  const found = await findOrder(run.deps.zuora, b.order.OrderNumber);
  if (found === undefined) return undefined;
  return {
    orderNumber: found.orderNumber,
    existingAccountNumber: found.accountNumber,
    subscriptions: found.subscriptionNumbers.map((n) => ({ subscriptionNumber: n, orderActions: [] })),
  };
}

export async function amendmentBody(
  run: OrderRun,
  inputs: BuildOrderInputs,
  invoiceOwner: ZuoraAccountRef,
): Promise<CpqResult<Record<string, unknown>>> {
  const b = inputs.bundle;
  const state = await syncedState(run, b, invoiceOwner);
  const refused = refuseNonUpdatable(b, state.charges, run.deps.cpq.useListPriceBase);
  const built = refused.ok ? amendmentOrder({ ...inputs, synced: state.lines }) : refused;
  if (built.ok) return ok(built.value.body as unknown as Record<string, unknown>);
  const sent = run.customers.dryRun === null ? await alreadySent(run, b) : undefined;
  return sent === undefined ? built : ok(sent);
}
