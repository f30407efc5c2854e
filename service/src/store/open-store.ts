import type { Config } from '../config/load-config.js';
import { PgStore } from './pg-store.js';
import { PgliteStore } from './pglite-store.js';
import type { Store } from './store.js';

/** PostgreSQL when DATABASE_URL is set (scale-out), otherwise the embedded PGlite under DATA_DIR. */
export async function openStore(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Store> {
  if (config.databaseUrl !== undefined) return new PgStore(config.databaseUrl);
  return PgliteStore.open(config.dataDir);
}
