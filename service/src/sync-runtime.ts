// The sync runtime of the composition root: real Zuora and Salesforce clients when credentials are set,
// otherwise the embedded emulators, and the dependencies every engine is given (SyncDeps). Only main.ts
// imports this file (a root-level file, like main.ts itself: scripts/checks/service-rooms.mjs).
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config/load-config.js';
import { ensurePrivateDir } from './config/private-files.js';
import { startEmbeddedEmulators, type EmbeddedEmulators } from './embedded/start-embedded-emulators.js';
import { connectSalesforce } from './salesforce/connect.js';
import { knownEntities } from './sessions/session-entities.js';
import type { SyncDeps } from './sessions/sync-deps.js';
import { configuredSyncMaps } from './sessions/sync-maps.js';
import type { Store } from './store/store.js';
import { startSpoolPruning } from './turbo/spool-retention.js';
import { ZuoraClient } from './zuora/zuora-client.js';

export interface SyncRuntime {
  readonly deps: SyncDeps;
  /** Set in the embedded default: the emulators this process runs. */
  readonly emulators: EmbeddedEmulators | undefined;
  /** The entities sessions cover when none is named: ZUORA_ENTITY_IDS, else discovered (cached 10 min). */
  readonly entities: () => Promise<string[]>;
  close(): Promise<void>;
}

/** Real Zuora and Salesforce when credentials are set, otherwise the embedded emulators. */
export async function createSyncRuntime(config: Config, store: Store, logger: Logger): Promise<SyncRuntime> {
  const emulated = config.zuora.kind === 'emulator' || config.salesforce.kind === 'emulator';
  const emulators = emulated
    ? await startEmbeddedEmulators({
        seed: config.emulator.seed,
        size: config.emulator.size,
        apiVersion: config.sfApiVersion,
        entities: config.emulator.entities,
        orgSchema: config.mappingProfile === 'ZUORA360_COMPAT' ? 'zuora360' : 'package',
      })
    : undefined;
  try {
    const zuoraCreds = config.zuora.kind === 'real' ? config.zuora : emulators?.zuoraCredentials;
    const sfCreds = config.salesforce.kind === 'real' ? config.salesforce : emulators?.salesforceCredentials;
    if (zuoraCreds === undefined || sfCreds === undefined) throw new Error('no Zuora or Salesforce to sync');
    const salesforce = await connectSalesforce(sfCreds);
    const { maps, schema } = await configuredSyncMaps(config, salesforce, logger);
    const deps: SyncDeps = {
      store,
      zuora: new ZuoraClient(zuoraCreds),
      salesforce,
      schema,
      maps,
      spoolDir: join(config.dataDir, 'spool'),
      logger,
      zuoraHost: new URL(zuoraCreds.baseUrl).host,
      skipUnchanged: config.skipUnchanged,
      ...(emulators === undefined ? {} : { minPollMs: 20, maxPollMs: 500 }),
    };
    // DATA_DIR holds billing PII (spool parts): the owner's only, and no parts of sessions that ended (or were
    // deleted) while no process of this DATA_DIR ran.
    ensurePrivateDir(config.dataDir);
    const stopPruning = await startSpoolPruning(deps);
    const configured = config.zuora.kind === 'real' ? config.zuora.entityIds : [];
    return {
      deps,
      emulators,
      entities: () => knownEntities(deps.zuora, configured),
      async close() {
        stopPruning();
        await emulators?.close();
      },
    };
  } catch (error) {
    await emulators?.close();
    throw error;
  }
}
