// Builds the sync dependencies from the configuration: real Zuora and Salesforce when credentials are set,
// otherwise the embedded emulators. The Salesforce schema comes from the package's own metadata.
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import { startEmbeddedEmulators, type EmbeddedEmulators } from '../embedded/start-embedded-emulators.js';
import { loadForceAppSchema } from '../mapping/force-app-schema.js';
import { connectSalesforce, type SalesforceCredentials } from '../salesforce/connect.js';
import type { Store } from '../store/store.js';
import { ZuoraClient } from '../zuora/zuora-client.js';
import type { ZuoraCredentials } from '../zuora/oauth-token.js';
import type { SyncDeps } from './sync-deps.js';
import { sessionEntities } from './session-entities.js';

export const forceAppObjectsDir = new URL('../../../force-app/main/default/objects', import.meta.url)
  .pathname;

export interface SyncRuntime {
  readonly deps: SyncDeps;
  /** Set in the embedded default: the emulators this process runs. */
  readonly emulators: EmbeddedEmulators | undefined;
  /** The entities sessions cover when none is named: ZUORA_ENTITY_IDS, else discovered (cached 10 min). */
  readonly entities: () => Promise<string[]>;
  close(): Promise<void>;
}

export async function createSyncRuntime(config: Config, store: Store, logger: Logger): Promise<SyncRuntime> {
  const emulated = config.zuora.kind === 'emulator' || config.salesforce.kind === 'emulator';
  const emulators = emulated
    ? await startEmbeddedEmulators({
        seed: config.emulator.seed,
        size: config.emulator.size,
        apiVersion: config.sfApiVersion,
        entities: config.emulator.entities,
      })
    : undefined;
  try {
    const zuoraCreds: ZuoraCredentials =
      config.zuora.kind === 'real' ? config.zuora : (emulators as EmbeddedEmulators).zuoraCredentials;
    const sfCreds: SalesforceCredentials =
      config.salesforce.kind === 'real'
        ? config.salesforce
        : (emulators as EmbeddedEmulators).salesforceCredentials;
    const salesforce = await connectSalesforce(sfCreds);
    const deps: SyncDeps = {
      store,
      zuora: new ZuoraClient(zuoraCreds),
      salesforce,
      schema: loadForceAppSchema(forceAppObjectsDir),
      spoolDir: join(config.dataDir, 'spool'),
      logger,
      zuoraHost: new URL(zuoraCreds.baseUrl).host,
      ...(emulators === undefined ? {} : { minPollMs: 20, maxPollMs: 500 }),
    };
    const configured = config.zuora.kind === 'real' ? config.zuora.entityIds : [];
    let known: { readonly ids: Promise<string[]>; readonly at: number } | undefined;
    return {
      deps,
      emulators,
      entities: () => {
        if (known === undefined || Date.now() - known.at > 10 * 60_000) {
          const ids = sessionEntities(deps.zuora, configured);
          known = { ids, at: Date.now() };
          ids.catch(() => {
            known = undefined;
          });
        }
        return known.ids;
      },
      async close() {
        await emulators?.close();
      },
    };
  } catch (error) {
    await emulators?.close();
    throw error;
  }
}
