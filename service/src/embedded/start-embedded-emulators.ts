// The embedded default: with no Zuora or Salesforce credentials configured, both emulators run in this
// process, seeded with the same synthetic tenant on both sides (CRM IDs point at existing Accounts).
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
  startSalesforceEmulator,
  type OrgSchema,
  type SalesforceEmulator,
} from '../../../emulators/salesforce/src/index.js';
import {
  crmAccountsFor,
  DEFAULT_ZUORA_CLIENT_ID,
  DEFAULT_ZUORA_CLIENT_SECRET,
  generateTenant,
  startZuoraEmulator,
  type ZuoraEmulator,
} from '../../../emulators/zuora/src/index.js';
import type { SalesforceCredentials } from '../salesforce/connect.js';
import type { ZuoraCredentials } from '../zuora/oauth-token.js';
import { cpqDemoOrg, type CpqDemoOrg } from './cpq-demo-org.js';
import { applyDemoChanges, type ChangeRoundReport } from './demo-changes.js';

export interface EmbeddedEmulators {
  readonly zuora: ZuoraEmulator;
  readonly salesforce: SalesforceEmulator;
  readonly zuoraCredentials: ZuoraCredentials;
  readonly salesforceCredentials: SalesforceCredentials;
  /** Applies the demo's round of business changes to the Zuora tenant. */
  applyDemoChanges(): ChangeRoundReport;
  /** The sales user's side of the demo's CPQ step (scenario, activation, amendments). */
  readonly cpq: CpqDemoOrg;
  close(): Promise<void>;
}

export async function startEmbeddedEmulators(options: {
  seed: number;
  size: 'XS' | 'S' | 'M' | 'L';
  apiVersion: string;
  /** Zuora entities (1: a single-entity tenant; more: a multi-entity hierarchy). */
  entities?: number;
  /** `zuora360`: the Salesforce org runs Zuora 360 (MAPPING_PROFILE=ZUORA360_COMPAT). */
  orgSchema?: OrgSchema;
}): Promise<EmbeddedEmulators> {
  const tenant = generateTenant({
    seed: options.seed,
    size: options.size,
    ...(options.entities === undefined ? {} : { entityCount: options.entities }),
  });
  const zuora = await startZuoraEmulator({ tenant, rateLimitPerMinute: 1_000_000 });
  try {
    const salesforce = await startSalesforceEmulator({
      seedRecords: { Account: crmAccountsFor(tenant).map((a) => ({ ...a })) },
      ...(options.orgSchema === undefined ? {} : { orgSchema: options.orgSchema }),
    });
    return {
      zuora,
      salesforce,
      zuoraCredentials: {
        baseUrl: zuora.url,
        clientId: DEFAULT_ZUORA_CLIENT_ID,
        clientSecret: DEFAULT_ZUORA_CLIENT_SECRET,
      },
      salesforceCredentials: {
        loginUrl: salesforce.url,
        clientId: DEFAULT_CLIENT_ID,
        clientSecret: DEFAULT_CLIENT_SECRET,
        username: DEFAULT_USERNAME,
        password: DEFAULT_PASSWORD,
        apiVersion: options.apiVersion,
      },
      applyDemoChanges: () => applyDemoChanges(zuora),
      cpq: cpqDemoOrg(salesforce),
      async close() {
        await Promise.allSettled([zuora.close(), salesforce.close()]);
      },
    };
  } catch (error) {
    await zuora.close();
    throw error;
  }
}
