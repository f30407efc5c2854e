// Both emulators, a store and the sync dependencies wired as the service wires them, for end-to-end tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  startEmbeddedEmulators,
  type EmbeddedEmulators,
} from '../../src/embedded/start-embedded-emulators.js';
import { connectSalesforce } from '../../src/salesforce/connect.js';
import { loadForceAppSchema } from '../../src/mapping/force-app-schema.js';
import { createLogger } from '../../src/config/logger.js';
import { migrate } from '../../src/store/migrate.js';
import type { Store } from '../../src/store/store.js';
import type { SyncDeps } from '../../src/sessions/sync-deps.js';
import type { MappingProfile } from '../../src/config/mapping-profile-setting.js';
import { profileMaps } from '../../src/sessions/profile-maps.js';
import { ZuoraClient } from '../../src/zuora/zuora-client.js';
import { openTestStore, type StoreFixture, type StoreKind } from './stores.js';

const forceAppObjects = join(import.meta.dirname, '../../../force-app/main/default/objects');

export interface SyncHarness {
  readonly zuora: EmbeddedEmulators['zuora'];
  readonly salesforce: EmbeddedEmulators['salesforce'];
  readonly store: Store;
  readonly deps: SyncDeps;
  readonly storeFixture: StoreFixture;
  close(): Promise<void>;
}

export async function startSyncHarness(
  options: {
    size?: 'XS' | 'S';
    seed?: number;
    store?: StoreKind;
    entities?: number;
    /** ZUORA360_COMPAT: the org runs Zuora 360 and the maps write its objects (checked as at start). */
    profile?: MappingProfile;
  } = {},
): Promise<SyncHarness> {
  const compat = options.profile === 'ZUORA360_COMPAT';
  const emulators = await startEmbeddedEmulators({
    seed: options.seed ?? 7,
    size: options.size ?? 'XS',
    apiVersion: '62.0',
    ...(options.entities === undefined ? {} : { entities: options.entities }),
    ...(compat ? { orgSchema: 'zuora360' as const } : {}),
  });
  const { zuora, salesforce } = emulators;
  const storeFixture = await openTestStore(options.store ?? 'pglite');
  await migrate(storeFixture.store);
  const conn = await connectSalesforce(emulators.salesforceCredentials);
  const spoolDir = mkdtempSync(join(tmpdir(), 'zsync-spool-'));
  const profiled = await profileMaps(options.profile ?? 'default', loadForceAppSchema(forceAppObjects), conn);
  const deps: SyncDeps = {
    store: storeFixture.store,
    zuora: new ZuoraClient({ ...emulators.zuoraCredentials, backoffMs: 20 }),
    salesforce: conn,
    schema: profiled.schema,
    ...(compat ? { maps: profiled.maps } : {}),
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
      await emulators.close();
      await storeFixture.dispose();
      rmSync(spoolDir, { recursive: true, force: true });
    },
  };
}
