// Both emulators, a store and the sync dependencies wired as the service wires them, for end-to-end tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsforce from 'jsforce';
import {
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_PASSWORD,
  DEFAULT_USERNAME,
  startSalesforceEmulator,
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
import { loadForceAppSchema } from '../../src/mapping/force-app-schema.js';
import { createLogger } from '../../src/logging/logger.js';
import { migrate } from '../../src/store/migrate.js';
import type { Store } from '../../src/store/store.js';
import type { SyncDeps } from '../../src/sync/sync-deps.js';
import { ZuoraClient } from '../../src/zuora/zuora-client.js';
import { openTestStore, type StoreFixture, type StoreKind } from './stores.js';

const forceAppObjects = join(import.meta.dirname, '../../../force-app/main/default/objects');

export interface SyncHarness {
  readonly zuora: ZuoraEmulator;
  readonly salesforce: SalesforceEmulator;
  readonly store: Store;
  readonly deps: SyncDeps;
  readonly storeFixture: StoreFixture;
  close(): Promise<void>;
}

export async function startSyncHarness(
  options: { size?: 'XS' | 'S'; seed?: number; store?: StoreKind } = {},
): Promise<SyncHarness> {
  const tenant = generateTenant({ seed: options.seed ?? 7, size: options.size ?? 'XS' });
  const zuora = await startZuoraEmulator({ tenant, rateLimitPerMinute: 1_000_000 });
  const salesforce = await startSalesforceEmulator({
    seedRecords: { Account: crmAccountsFor(tenant).map((a) => ({ ...a })) },
  });
  const storeFixture = await openTestStore(options.store ?? 'pglite');
  await migrate(storeFixture.store);
  const conn = new jsforce.Connection({
    loginUrl: salesforce.url,
    version: '62.0',
    oauth2: { loginUrl: salesforce.url, clientId: DEFAULT_CLIENT_ID, clientSecret: DEFAULT_CLIENT_SECRET },
  });
  await conn.login(DEFAULT_USERNAME, DEFAULT_PASSWORD);
  const spoolDir = mkdtempSync(join(tmpdir(), 'zsync-spool-'));
  const deps: SyncDeps = {
    store: storeFixture.store,
    zuora: new ZuoraClient({
      baseUrl: zuora.url,
      clientId: DEFAULT_ZUORA_CLIENT_ID,
      clientSecret: DEFAULT_ZUORA_CLIENT_SECRET,
      backoffMs: 20,
    }),
    salesforce: conn,
    schema: loadForceAppSchema(forceAppObjects),
    spoolDir,
    logger: createLogger('silent'),
    minPollMs: 20,
    maxPollMs: 200,
    zuoraHost: new URL(zuora.url).host,
  };
  return {
    zuora,
    salesforce,
    store: storeFixture.store,
    deps,
    storeFixture,
    async close() {
      await zuora.close();
      await salesforce.close();
      await storeFixture.dispose();
      rmSync(spoolDir, { recursive: true, force: true });
    },
  };
}
