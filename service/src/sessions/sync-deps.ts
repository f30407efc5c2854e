import type jsforce from 'jsforce';
import type { Logger } from 'pino';
import type { ObjectMap } from '../mapping/field-map.js';
import type { SalesforceSchema } from '../mapping/salesforce-schema.js';
import type { Store } from '../store/store.js';
import type { ZuoraClient } from '../zuora/zuora-client.js';

/** What a sync session needs, injected so tests run it against the emulators. */
export interface SyncDeps {
  readonly store: Store;
  readonly zuora: ZuoraClient;
  readonly salesforce: jsforce.Connection;
  readonly schema: SalesforceSchema;
  /** The field maps, custom field mappings included (sessions/sync-maps.ts); default: the package's. */
  readonly maps?: readonly ObjectMap[];
  /** Where sessions spool their CSV files (DATA_DIR/spool). */
  readonly spoolDir: string;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** Hostname shown in the history record. */
  readonly zuoraHost?: string;
  /** Bulk polling bounds; tests make them short. */
  readonly minPollMs?: number;
  readonly maxPollMs?: number;
  /** Largest spool part (one Bulk job each); defaults to just under the 100 MB upload limit. */
  readonly spoolPartBytes?: number;
  /** Write only what changed (SYNC_SKIP_UNCHANGED=on): records Salesforce holds as mapped are not sent. */
  readonly skipUnchanged?: boolean;
  /** Called as objects progress (CLI progress bars). */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Called as each stage of a session ends, with its wall and CPU milliseconds (benchmarks' `--trace`). */
  readonly onStage?: (event: StageEvent) => void;
}

export interface StageEvent {
  readonly stage: string;
  readonly wallMs: number;
  /** This process's CPU (user + system) over the stage: the rest of its wall time was waiting. */
  readonly cpuMs: number;
}

export interface ProgressEvent {
  readonly object: string;
  readonly phase: 'extracted' | 'loaded' | 'deleted';
  readonly records: number;
  readonly failed: number;
}
