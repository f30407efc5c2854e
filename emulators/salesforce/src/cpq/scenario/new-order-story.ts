import type { CpqProduct } from '../../../../shared/cpq-catalog.js';
import type { SeededRandom } from '../../../../zuora/src/tenant/seeded-random.js';
import type { CreateOrderInput } from '../actions/action-inputs.js';
import { createOrder } from '../actions/create-order.js';
import { addDays } from '../cpq-dates.js';
import type { ScenarioAccount } from './scenario-accounts.js';
import { pickLines } from './scenario-lines.js';
import { finishOrder, liveContract, otherAccount, type LiveContract, type StoryEnv } from './story-env.js';

// A new-business order of the story: its parties (bill-to / ship-to contacts, addresses only, or
// neither, seed 004's three cases), owners that sometimes differ from the account, one currency per
// order with a few mixed-currency traps (an order in another currency than its account; usage
// schedules in another currency than the order), one to five products.

const currencies = ['USD', 'EUR', 'GBP'];

function parties(env: StoryEnv, rng: SeededRandom, account: ScenarioAccount, input: CreateOrderInput): void {
  const roll = rng.next();
  const inv = rng.chance(0.08) ? otherAccount(env, rng, account) : undefined;
  const sub = rng.chance(0.06) ? otherAccount(env, rng, account) : undefined;
  if (inv) {
    input.invoiceOwnerId = inv.id;
    env.manifest.owners.invoiceOwnerDiffers += 1;
  }
  if (sub) {
    input.subscriptionOwnerId = sub.id;
    env.manifest.owners.subscriptionOwnerDiffers += 1;
  }
  const billFrom = inv ?? account;
  const shipFrom = sub ?? account;
  if (roll < 0.5 && billFrom.contactIds.length > 0 && shipFrom.contactIds.length > 0) {
    input.billToContactId = rng.pick(billFrom.contactIds);
    input.shipToContactId = rng.pick(shipFrom.contactIds);
    env.manifest.parties.contacts += 1;
  } else if (roll < 0.75 && account.billing) {
    input.billingAddress = account.billing;
    input.shippingAddress = account.shipping ?? account.billing;
    env.manifest.parties.addressesOnly += 1;
  } else env.manifest.parties.neither += 1;
}

/** A usage product of the order with a schedule in another currency, for the schedule trap. */
function scheduleTrap(products: CpqProduct[], currency: string): string | undefined {
  for (const p of products)
    for (const s of p.schedules) if (p.kind === 'usage' && s.currency !== currency) return s.currency;
  return undefined;
}

export function newOrder(
  env: StoryEnv,
  rng: SeededRandom,
  account: ScenarioAccount,
  date: string,
  contracts: LiveContract[],
): void {
  const currencyTrap = rng.chance(0.02);
  const currency = currencyTrap
    ? (currencies.find((c) => c !== account.currency) ?? 'USD')
    : account.currency;
  const available = env.byCurrency.get(currency) ?? [];
  const term = rng.chance(0.15) ? 24 : rng.chance(0.06) ? 36 : 12;
  const input: CreateOrderInput = {
    accountId: account.id,
    effectiveDate: date,
    termMonths: term,
    currency,
    lines: pickLines(rng, available, rng.int(1, 5), currency),
  };
  parties(env, rng, account, input);
  const products = input.lines.map((l) => env.catalog.get(l.productId)).filter((p): p is CpqProduct => !!p);
  const trapCurrency = rng.chance(0.05) ? scheduleTrap(products, currency) : undefined;
  if (trapCurrency) input.usageScheduleCurrency = trapCurrency;
  env.at(addDays(date, -rng.int(0, 10)));
  const created = createOrder(env.rt, input);
  env.manifest.orders.new += 1;
  const { contractId } = finishOrder(env, rng, created.orderId, date);
  if (contractId) contracts.push(liveContract(env, rng, contractId));
}
