// Both emulators set up for the CPQ direction: the Salesforce org with a generated CPQ scenario (the shared
// catalog, accounts, contacts, orders), the Zuora tenant with the scenario's externally managed plans, a
// migrated store, and the CPQ dependencies wired as the service wires them.
import { createLogger } from '../../src/config/logger.js';
import { loadForceAppSchema } from '../../src/mapping/force-app-schema.js';
import { governorFor } from '../../src/sessions/api-governor.js';
import { migrate } from '../../src/store/migrate.js';
import { ZuoraClient } from '../../src/zuora/zuora-client.js';
import type { CpqDeps } from '../../src/cpq/cpq-deps.js';
import { defaultCpqSettings, type CpqSettings } from '../../src/cpq/rules/cpq-settings.js';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../../emulators/salesforce/src/index.js';
import {
  DEFAULT_ZUORA_CLIENT_ID,
  DEFAULT_ZUORA_CLIENT_SECRET,
  managedPlanSeeds,
  startZuoraEmulator,
  type ZuoraEmulator,
} from '../../../emulators/zuora/src/index.js';
import { externallyManagedPlans } from '../../../emulators/shared/cpq-managed-plans.js';
import { connectToEmulator } from '../support/emulator-connection.js';
import { openTestStore, type StoreFixture, type StoreKind } from '../support/stores.js';
import { join } from 'node:path';

const forceAppObjects = join(import.meta.dirname, '../../../force-app/main/default/objects');

export interface CpqHarness {
  readonly zuora: ZuoraEmulator;
  readonly salesforce: SalesforceEmulator;
  readonly deps: CpqDeps;
  readonly storeFixture: StoreFixture;
  close(): Promise<void>;
}

export async function startCpqHarness(
  options: {
    store?: StoreKind;
    settings?: Partial<CpqSettings>;
    scenario?: { seed: number; accountCount: number; orderCount: number };
  } = {},
): Promise<CpqHarness> {
  const zuora = await startZuoraEmulator({
    tenant: { seed: 1, size: 'XS' },
    externalPlans: managedPlanSeeds(externallyManagedPlans()),
    rateLimitPerMinute: 1_000_000,
  });
  const salesforce = await startSalesforceEmulator({});
  const scenario = options.scenario ?? { seed: 11, accountCount: 10, orderCount: 10 };
  salesforce.cpq.loadScenario({ ...scenario, size: 'XS' });
  salesforce.cpq.setContractingDelay(50);
  const storeFixture = await openTestStore(options.store ?? 'pglite');
  await migrate(storeFixture.store);
  const conn = await connectToEmulator(salesforce.url);
  const base = {
    store: storeFixture.store,
    zuora: new ZuoraClient({
      baseUrl: zuora.url,
      clientId: DEFAULT_ZUORA_CLIENT_ID,
      clientSecret: DEFAULT_ZUORA_CLIENT_SECRET,
      backoffMs: 20,
    }),
    salesforce: conn,
    schema: loadForceAppSchema(forceAppObjects),
    spoolDir: '/nonexistent-cpq-spool',
    logger: createLogger('silent'),
    zuoraHost: new URL(zuora.url).host,
  };
  const deps: CpqDeps = {
    ...base,
    governor: governorFor(base),
    cpq: { ...defaultCpqSettings, ...options.settings },
    jobPollMs: 20,
  };
  return {
    zuora,
    salesforce,
    deps,
    storeFixture,
    async close() {
      await Promise.allSettled([zuora.close(), salesforce.close()]);
      await storeFixture.dispose();
    },
  };
}
