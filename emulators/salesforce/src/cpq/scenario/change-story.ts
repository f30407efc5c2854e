import type { SeededRandom } from '../../../../zuora/src/tenant/seeded-random.js';
import type { AmendContractInput } from '../actions/action-inputs.js';
import { amendContract } from '../actions/amend-contract.js';
import { contractLineages, type Lineage } from '../actions/contract-lineages.js';
import { renewContract } from '../actions/renew-contract.js';
import { addDays } from '../cpq-dates.js';
import { CpqRefusal, getRecord, round2, text } from '../record-access.js';
import type { ScenarioAccount } from './scenario-accounts.js';
import type { AmendmentKind } from './scenario-manifest.js';
import { isDecimalUom, pickLines } from './scenario-lines.js';
import { finishOrder, liveContract, otherAccount, type LiveContract, type StoryEnv } from './story-env.js';

// Amendments and renewals of the story, made the way a sales user makes them (the same actions as
// the admin lifecycle API): quantity up or down, cancel, price change (debook + rebook), add a
// product, an owner change; renewals with an occasional price uplift.

const kinds: Array<[AmendmentKind, number]> = [
  ['quantityUp', 0.3],
  ['quantityDown', 0.15],
  ['cancel', 0.15],
  ['priceChange', 0.15],
  ['addProduct', 0.15],
  ['ownerChange', 0.1],
];

function pickKind(rng: SeededRandom): AmendmentKind {
  let x = rng.next();
  for (const [kind, w] of kinds) if ((x -= w) < 0) return kind;
  return 'quantityUp';
}

function step(rng: SeededRandom, env: StoryEnv, l: Lineage): number {
  const p = env.catalog.get(l.productId);
  return p && isDecimalUom(p) ? round2(rng.int(1, 40) + 0.5) : rng.int(1, 10);
}

/** The change of the chosen kind, or quantityUp when the contract offers no line for it. */
function buildChange(
  env: StoryEnv,
  rng: SeededRandom,
  account: ScenarioAccount,
  c: LiveContract,
  lines: Lineage[],
  kind: AmendmentKind,
) {
  const input: AmendContractInput = { effectiveDate: c.nextAmendment, changes: [], add: [] };
  const up = (l: Lineage) =>
    input.changes.push({ subscriptionId: l.rootId, quantity: round2(l.quantity + step(rng, env, l)) });
  const down = lines.filter((l) => l.quantity >= 2);
  const priced = lines.filter((l) => l.unitPrice > 0);
  const currency =
    text(getRecord(env.rt.store, env.rt.objects.contract, c.id), 'CurrencyIsoCode') ?? account.currency;
  if (kind === 'quantityDown' && down.length > 0) {
    const l = rng.pick(down);
    input.changes.push({ subscriptionId: l.rootId, quantity: Math.max(1, Math.floor(l.quantity / 2)) });
  } else if (kind === 'cancel') input.changes.push({ subscriptionId: rng.pick(lines).rootId, cancel: true });
  else if (kind === 'priceChange' && priced.length > 0) {
    const l = rng.pick(priced);
    input.changes.push({
      subscriptionId: l.rootId,
      unitPrice: round2(l.unitPrice * (1 + rng.int(5, 20) / 100)),
    });
  } else if (kind === 'addProduct') {
    const held = new Set(lines.map((l) => l.productId));
    const offer = (env.byCurrency.get(currency) ?? []).filter((p) => !held.has(p.productId));
    input.add = pickLines(rng, offer.length > 0 ? offer : (env.byCurrency.get(currency) ?? []), 1, currency);
  } else if (kind === 'ownerChange') {
    const owner = otherAccount(env, rng, account);
    input.invoiceOwnerId = owner?.id ?? null;
    input.subscriptionOwnerId = rng.chance(0.5) ? (owner?.id ?? null) : undefined;
    up(rng.pick(lines));
  } else {
    up(rng.pick(lines));
    return { input, kind: 'quantityUp' as const };
  }
  return { input, kind };
}

/** One amendment of `c`; false when the contract has nothing left to amend. */
export function amend(env: StoryEnv, rng: SeededRandom, account: ScenarioAccount, c: LiveContract): boolean {
  const lines = contractLineages(env.rt, c.id).filter((l) => l.quantity > 0);
  c.busy = lines.length === 0;
  if (c.busy) return false;
  const { input, kind } = buildChange(env, rng, account, c, lines, pickKind(rng));
  c.nextAmendment = addDays(c.nextAmendment, rng.int(20, 60));
  env.at(addDays(input.effectiveDate, -rng.int(1, 5)));
  let created;
  try {
    created = amendContract(env.rt, c.id, input);
  } catch (error) {
    c.busy = true;
    if (error instanceof CpqRefusal) return false;
    throw error;
  }
  env.manifest.orders.amendment += 1;
  env.manifest.amendments[kind] += 1;
  const { state } = finishOrder(env, rng, created.orderId, input.effectiveDate);
  if (state !== 'contracted') c.busy = true;
  return true;
}

/** Renews `c` a few weeks before it ends; false when nothing on it renews. */
export function renew(env: StoryEnv, rng: SeededRandom, c: LiveContract, contracts: LiveContract[]): boolean {
  const decided = addDays(c.end, -rng.int(20, 40));
  env.at(decided);
  c.busy = true;
  let created;
  try {
    created = renewContract(env.rt, c.id, { upliftPercent: rng.chance(0.5) ? rng.int(1, 7) : 0, prices: {} });
  } catch (error) {
    if (error instanceof CpqRefusal) return false;
    throw error;
  }
  env.manifest.orders.renewal += 1;
  const { contractId } = finishOrder(env, rng, created.orderId, decided);
  if (contractId) contracts.push(liveContract(env, rng, contractId));
  return true;
}
