import { seededRandom } from '../../../../zuora/src/tenant/seeded-random.js';
import type { CpqProduct } from '../../../../shared/cpq-catalog.js';
import type { CpqRuntime } from '../cpq-runtime.js';
import { runAccountStory } from './account-story.js';
import { loadCatalog } from './load-catalog.js';
import { createAccounts } from './scenario-accounts.js';
import { countLoaded } from './count-loaded.js';
import { productsIn } from './scenario-lines.js';
import { emptyManifest, type CpqScenarioManifest } from './scenario-manifest.js';
import { resolveCpqScenarioOptions, type CpqScenarioOptions } from './scenario-options.js';
import { clockAt, type StoryEnv } from './story-env.js';

// Generates and loads a CPQ scenario into the org, deterministic from its seed: the shared catalog,
// accounts and contacts, then each account's order history played through the same sales-user
// actions as the admin lifecycle API, with the org clock set to the moment of each step. Returns what
// it made. Every record goes through the API's validation and CPQ's automation.

export function loadCpqScenario(rt: CpqRuntime, input: CpqScenarioOptions): CpqScenarioManifest {
  const options = resolveCpqScenarioOptions(input);
  const started = performance.now();
  const manifest = emptyManifest(options.seed);
  const realClock = rt.store.clock;
  const at = clockAt(rt.store, options.asOf);
  try {
    at('2000-01-01');
    const catalog = loadCatalog(rt);
    const accounts = createAccounts(rt, seededRandom(options.seed, 0xacc7), options.accountCount);
    const byCurrency = new Map<string, CpqProduct[]>();
    for (const c of ['USD', 'EUR', 'GBP', 'JPY', 'CAD', 'AUD']) byCurrency.set(c, productsIn(catalog, c));
    const env: StoryEnv = {
      rt,
      manifest,
      accounts,
      catalog: new Map(catalog.map((p) => [p.productId, p])),
      byCurrency,
      asOf: options.asOf,
      at,
    };
    const base = Math.floor(options.orderCount / accounts.length);
    const extra = options.orderCount % accounts.length;
    accounts.forEach((account, i) => {
      const budget = base + (i < extra ? 1 : 0);
      runAccountStory(env, seededRandom(options.seed, i, 0x5707), account, budget);
    });
  } finally {
    rt.store.clock = realClock;
  }
  countLoaded(rt, manifest);
  manifest.loadMs = Math.round(performance.now() - started);
  return manifest;
}
