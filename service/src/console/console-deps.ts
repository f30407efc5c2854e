// What the console's routes and jobs are given by the composition root.
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { ApiSyncDeps } from '../api-sync/api-sync-types.js';
import type { ConsoleSettings } from '../config/console-settings.js';
import type { CpqDeps } from '../cpq/cpq-deps.js';
import type { Store } from '../store/store.js';

export interface ConsoleDeps {
  readonly store: Store;
  readonly boss: PgBoss;
  readonly settings: ConsoleSettings;
  /** The admin token: the one that signs in. */
  readonly adminToken: string;
  readonly logger: Logger;
  /** Set when this process runs sessions (retries, Salesforce look-ups, the API budget, notifications). */
  readonly api: ApiSyncDeps | undefined;
  /** The entities a session without one covers. */
  readonly entities: () => Promise<readonly string[]>;
  readonly realtimeEnabled: boolean;
  /** Cron expressions of the scheduled sessions (undefined: not scheduled). */
  readonly crons: { readonly accounts: string | undefined; readonly catalog: string | undefined };
  /** Work started by a request that outlives it (retries): the service awaits it before closing. */
  readonly track: (work: Promise<unknown>) => void;
  /** The CPQ direction, when this process runs syncs: its dependencies and whether its poller runs. */
  readonly cpq?: { readonly deps: CpqDeps; readonly pollerEnabled: boolean } | undefined;
}
