import type { Config } from '../config/load-config.js';
import { PgStore } from './pg-store.js';
import type { Store } from './store.js';

/**
 * PostgreSQL when DATABASE_URL is set (scale-out), otherwise the embedded PGlite under DATA_DIR. PGlite is
 * imported only when it is the store: loading its WASM engine costs 42-49 MB of RSS even unused (issue 19).
 */
export async function openStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Store> {
  if (config.databaseUrl !== undefined) return new PgStore(config.databaseUrl);
  const { PgliteStore } = await import('./pglite-store.js');
  return PgliteStore.open(config.dataDir);
}

/** The in-memory PGlite of a run against the embedded emulators (cli/emulated-store.ts), imported only then. */
export async function openMemoryStore(): Promise<Store> {
  const { PgliteStore } = await import('./pglite-store.js');
  return PgliteStore.open(undefined);
}
