// What the command line gets from the composition root (main.ts), which alone wires config, store, clients,
// engines, HTTP and, in the embedded default, the emulators. Commands depend on these shapes, not on main.ts.
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config/load-config.js';
import type { SyncDeps } from '../sessions/sync-deps.js';
import type { Store } from '../store/store.js';

/** A round of business changes applied to the embedded Zuora tenant (the demo of `zuora-sync start`). */
export interface DemoChangeReport {
  readonly applied: number;
  readonly changes: number;
  readonly refused: readonly string[];
}

/** The emulators this process runs in the embedded default. */
export interface CliEmulators {
  readonly zuora: { readonly url: string };
  readonly salesforce: {
    readonly url: string;
    stats(): { readonly apiRequests: number; readonly bulkBatches: number };
  };
  applyDemoChanges(): DemoChangeReport;
  /** The sales user's side of the demo's CPQ step (embedded/cpq-demo-org.ts). */
  readonly cpq: CliCpqDemoOrg;
}

/** A CPQ org the demo drives: a generated scenario, draft orders activated, contracts amended. */
export interface CliCpqDemoOrg {
  load(options: { seed: number; accountCount: number; orderCount: number }): {
    readonly accounts: number;
    readonly orders: { readonly new: number; readonly amendment: number; readonly renewal: number };
  };
  activateDrafts(): Promise<string[]>;
  amendContractsOf(orderIds: readonly string[], count: number): Promise<string[]>;
}

export interface CliSyncRuntime {
  readonly deps: SyncDeps;
  readonly emulators: CliEmulators | undefined;
  readonly entities: () => Promise<string[]>;
  close(): Promise<void>;
}

export interface CliService {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly apiTokenFile: string | undefined;
  readonly runtime: CliSyncRuntime | undefined;
  close(): Promise<void>;
}

export interface CliComposition {
  /** The HTTP service with its sessions, schedules and sync routes (on `store` when given). */
  createService(config: Config, logger: Logger, store: Store | undefined): Promise<CliService>;
  /** Sync dependencies for sessions run in this process (starting the emulators when no credentials are set). */
  createSyncRuntime(config: Config, store: Store, logger: Logger): Promise<CliSyncRuntime>;
}
