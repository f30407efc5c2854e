// The CPQ benchmark's emulators (emulators-process.ts `cpq`): the Salesforce org with a generated CPQ scenario
// of the size asked for (accounts, catalog, a history of new, amendment and renewal orders), CPQ's contracting
// delay short as on a quiet org, and the Zuora tenant holding the scenario's externally managed rate plans.
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
  startSalesforceEmulator,
} from '../../emulators/salesforce/src/index.js';
import {
  DEFAULT_ZUORA_CLIENT_ID,
  DEFAULT_ZUORA_CLIENT_SECRET,
  managedPlanSeeds,
  startZuoraEmulator,
} from '../../emulators/zuora/src/index.js';
import { externallyManagedPlans } from '../../emulators/shared/cpq-managed-plans.js';

export async function startCpqEmulators(
  size: 'XS' | 'S' | 'M' | 'L',
  seed: number,
): Promise<{ info: Record<string, unknown>; close: () => Promise<void> }> {
  const zuora = await startZuoraEmulator({
    tenant: { seed, size: 'XS' },
    externalPlans: managedPlanSeeds(externallyManagedPlans()),
    rateLimitPerMinute: 1_000_000,
  });
  const salesforce = await startSalesforceEmulator({
    cpqScenario: { seed, size },
    cpqContractingDelayMs: 100,
  });
  return {
    info: {
      zuora: {
        baseUrl: zuora.url,
        clientId: DEFAULT_ZUORA_CLIENT_ID,
        clientSecret: DEFAULT_ZUORA_CLIENT_SECRET,
      },
      salesforce: {
        loginUrl: salesforce.url,
        clientId: DEFAULT_CLIENT_ID,
        clientSecret: DEFAULT_CLIENT_SECRET,
        username: DEFAULT_USERNAME,
        password: DEFAULT_PASSWORD,
        apiVersion: '62.0',
      },
      zuoraAdmin: zuora.adminToken,
      salesforceAdmin: salesforce.adminToken,
      cpqScenario: salesforce.cpq.scenario(),
    },
    close: async () => {
      await Promise.allSettled([zuora.close(), salesforce.close()]);
    },
  };
}
