import type { SeededRandom } from '../../../../zuora/src/tenant/seeded-random.js';
import { addDays, addMonths } from '../cpq-dates.js';
import { amend, renew } from './change-story.js';
import { newOrder } from './new-order-story.js';
import type { ScenarioAccount } from './scenario-accounts.js';
import type { LiveContract, StoryEnv } from './story-env.js';

// One account's history: it starts with a new order between three years and thirteen months before
// asOf, then each further order is an amendment of a live contract, a renewal of one nearing its
// end, or another new order; exactly `budget` orders, in date order.

export function runAccountStory(
  env: StoryEnv,
  rng: SeededRandom,
  account: ScenarioAccount,
  budget: number,
): void {
  const contracts: LiveContract[] = [];
  let cursor = addDays(addMonths(env.asOf, -rng.int(13, 36)), rng.int(0, 27));
  for (let n = 0; n < budget; n += 1) {
    const amendable = contracts.filter(
      (c) => !c.busy && c.nextAmendment <= addDays(c.end, -15) && c.nextAmendment < env.asOf,
    );
    const renewable = contracts.filter((c) => !c.busy && addDays(c.end, -45) < env.asOf);
    const roll = rng.next();
    if (amendable.length > 0 && roll < 0.5 && amend(env, rng, account, rng.pick(amendable))) continue;
    if (renewable.length > 0 && roll >= 0.5 && roll < 0.7 && renew(env, rng, rng.pick(renewable), contracts))
      continue;
    newOrder(env, rng, account, cursor, contracts);
    cursor = addDays(cursor, rng.int(15, 60));
  }
}
