import type { CpqProduct } from '../../../../shared/cpq-catalog.js';
import type { SeededRandom } from '../../../../zuora/src/tenant/seeded-random.js';
import { activateOrder, contractOrderLater } from '../actions/order-actions.js';
import { addDays } from '../cpq-dates.js';
import type { CpqRuntime } from '../cpq-runtime.js';
import { getRecord, text } from '../record-access.js';
import type { FinalState, CpqScenarioManifest } from './scenario-manifest.js';
import type { ScenarioAccount } from './scenario-accounts.js';

// What every account's story shares: the org, the catalog by currency, the manifest being counted,
// and the org clock, which the story moves through history (capped just before the scenario's asOf).

export interface StoryEnv {
  rt: CpqRuntime;
  manifest: CpqScenarioManifest;
  accounts: ScenarioAccount[];
  catalog: ReadonlyMap<string, CpqProduct>;
  byCurrency: ReadonlyMap<string, CpqProduct[]>;
  asOf: string;
  /** Sets the org clock to a moment of `date` (a few hours in), never at or after asOf. */
  at(date: string, hours?: number): void;
}

/** A contract an account's later orders can amend or renew. */
export interface LiveContract {
  id: string;
  start: string;
  end: string;
  nextAmendment: string;
  /** An amendment or renewal is in flight or done: no further changes to this contract. */
  busy: boolean;
}

export function clockAt(store: CpqRuntime['store'], asOf: string): (date: string, hours?: number) => void {
  const limit = Date.parse(`${asOf}T00:00:00Z`) - 60_000;
  return (date, hours = 9) => {
    const ms = Math.min(Date.parse(`${date}T00:00:00Z`) + hours * 3_600_000, limit);
    store.clock = () => ms;
  };
}

function pickState(rng: SeededRandom): FinalState {
  const r = rng.next();
  if (r < 0.04) return 'draft';
  if (r < 0.1) return 'activatedNotContracted';
  if (r < 0.12) return 'contractingPending';
  return 'contracted';
}

/**
 * Takes a new draft order as far as the story wants: activated a day after it was ordered, contracted
 * the next day. Contracting runs at once for orders contracted long ago; the "pending" ones stay in
 * CPQ's queue and finish after the emulator's contracting delay.
 */
export function finishOrder(
  env: StoryEnv,
  rng: SeededRandom,
  orderId: string,
  day: string,
): {
  state: FinalState;
  contractId: string | null;
} {
  const state = pickState(rng);
  env.manifest.states[state] += 1;
  if (state === 'draft') return { state, contractId: null };
  env.at(day, 33);
  activateOrder(env.rt, orderId);
  if (state === 'activatedNotContracted') return { state, contractId: null };
  env.at(day, 57);
  contractOrderLater(env.rt, orderId);
  if (state === 'contractingPending') return { state, contractId: null };
  const job = env.rt.queue.runNow(orderId);
  if (job?.state !== 'Completed' || !job.contractId)
    throw new Error(`scenario: contracting ${orderId} failed: ${job?.error ?? 'no job'}`);
  return { state, contractId: job.contractId };
}

/** Another account of the same currency (an invoice or subscription owner), or undefined. */
export function otherAccount(
  env: StoryEnv,
  rng: SeededRandom,
  account: ScenarioAccount,
): ScenarioAccount | undefined {
  const same = env.accounts.filter((a) => a.currency === account.currency && a.id !== account.id);
  return same.length > 0 ? rng.pick(same) : undefined;
}

/** A contract as the story tracks it, read back from the org after contracting. */
export function liveContract(env: StoryEnv, rng: SeededRandom, contractId: string): LiveContract {
  const contract = getRecord(env.rt.store, env.rt.objects.contract, contractId);
  const start = text(contract, 'StartDate') ?? env.asOf;
  const end = text(contract, 'EndDate') ?? env.asOf;
  return { id: contractId, start, end, nextAmendment: addDays(start, rng.int(15, 90)), busy: false };
}
