// Where the sync state of a run against the embedded emulators lives: in memory, for the run.
import { ConfigError } from '../config/config-error.js';
import type { Config } from '../config/load-config.js';
import { isEmulated } from './cli-context.js';

/**
 * The embedded emulators start empty with every run, so the store they sync with lives in memory for the run:
 * a PostgreSQL (or PGlite on disk) would keep watermarks and failures of a tenant that no longer exists, and the
 * next incremental sync would skip records. DATABASE_URL is refused then rather than silently ignored.
 */
export function refuseStoreWithEmulators(config: Config): void {
  if (!isEmulated(config) || config.databaseUrl === undefined) return;
  throw new ConfigError([
    {
      name: 'DATABASE_URL',
      message:
        'set, but Zuora and Salesforce credentials are not: the embedded emulators start empty with every run, so their sync state is kept in memory for the run (a store outliving them would not match them); unset DATABASE_URL, or set the ZUORA_* and SF_* credentials to sync real services with this PostgreSQL',
    },
  ]);
}
