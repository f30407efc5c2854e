// The Zuora order of an amendment or renewal (reference §1.9): the synced state of the lines it revises
// read back (synced-lines.ts), changes Zuora cannot make refused before anything is sent (currency,
// billing period, bill cycle type: rules/non-updatable.ts), then the order actions on the synced
// subscriptions and a new subscription per added product (rules/amendment-actions.ts).
import type { OrderRun } from './order-run.js';
import { amendmentOrder } from './rules/amendment-actions.js';
import type { BuildOrderInputs } from './rules/build-order.js';
import { ok, type CpqResult } from './rules/cpq-errors.js';
import { refuseNonUpdatable } from './rules/non-updatable.js';
import { syncedState } from './synced-lines.js';

/** Whether the order amends or renews a contract (some product revises an earlier one). */
export const isAmendment = (inputs: Pick<BuildOrderInputs, 'bundle'>): boolean =>
  inputs.bundle.items.some((i) => i.SBQQ__RevisedOrderProduct__c !== null);

export async function amendmentBody(
  run: OrderRun,
  inputs: BuildOrderInputs,
): Promise<CpqResult<Record<string, unknown>>> {
  const state = await syncedState(run, inputs.bundle);
  const refused = refuseNonUpdatable(inputs.bundle, state.charges, run.deps.cpq.useListPriceBase);
  if (!refused.ok) return refused;
  const built = amendmentOrder({ ...inputs, synced: state.lines });
  if (!built.ok) return built;
  return ok(built.value.body as unknown as Record<string, unknown>);
}
