import type { AddressInfo } from 'node:net';
import { emulatorStats, type EmulatorStats } from './admin/emulator-stats.js';
import { createContext } from './emulator-context.js';
import type { SalesforceEmulatorOptions } from './emulator-options.js';
import type { Faults } from './http/faults.js';
import { buildServer } from './http/build-server.js';
import type { ContractingJob } from './cpq/contracting-queue.js';
import type { CpqScenarioManifest } from './cpq/scenario/scenario-manifest.js';
import { cpqScenarioOptions, type CpqScenarioOptions } from './cpq/scenario/scenario-options.js';
import { insertRecords } from './store/insert-records.js';
import type { ObjectWrites } from './store/write-counters.js';

export * from './emulator-options.js';
export type { ContractingJob } from './cpq/contracting-queue.js';
export type { CpqScenarioManifest } from './cpq/scenario/scenario-manifest.js';
export { cpqScenarioSizes, type CpqScenarioOptions } from './cpq/scenario/scenario-options.js';
export { seedCpqScenario } from './cpq/scenario/seed-running-emulator.js';
export type { EmulatorStats } from './admin/emulator-stats.js';
export type { ObjectWrites } from './store/write-counters.js';
export type { Faults } from './http/faults.js';
export type { OrgMetadata } from './org-metadata/org-metadata.js';
export { orgSchemas, ZUORA360_ORG_FILE, type OrgSchema } from './schema/zuora360-org.js';

export interface SalesforceEmulator {
  url: string;
  port: number;
  adminToken: string;
  close(): Promise<void>;
  stats(): EmulatorStats;
  /** Per object: records created, updated, deleted and the API calls that wrote them, since the last reset. */
  writes(): Record<string, ObjectWrites>;
  /** Zeroes the write counters (data untouched). */
  resetWrites(): void;
  /** Live records of an object (stored form, canonical field names). */
  records(objectName: string): Record<string, unknown>[];
  /** Inserts with org validation; returns the new Ids, throws naming the refused record. */
  insertRecords(objectName: string, records: Record<string, unknown>[]): string[];
  /** Back to the seeded state: data, jobs, counters, events; faults cleared. */
  reset(): void;
  faults: {
    set(faults: Partial<Faults>): void;
    clear(): void;
    expireTokens(): void;
    setApiRequestsRemaining(remaining: number): void;
    current(): Faults;
  };
  /** Salesforce CPQ: the generated scenario and the asynchronous contracting queue. */
  cpq: {
    /** What the loaded scenario holds, or null. */
    scenario(): CpqScenarioManifest | null;
    /** Makes a generated scenario part of the seed and resets the org to it. */
    loadScenario(options: CpqScenarioOptions): CpqScenarioManifest;
    setContractingDelay(ms: number): void;
    contractingJobs(): ContractingJob[];
  };
}

/** Starts a listening emulator (127.0.0.1, random port unless given). */
export async function startSalesforceEmulator(
  options: SalesforceEmulatorOptions = {},
): Promise<SalesforceEmulator> {
  const ctx = createContext(options);
  const app = buildServer(ctx, {
    logger: options.logger ?? false,
    bulkQueryPageSize: options.bulkQueryPageSize ?? 10_000,
  });
  await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  ctx.baseUrl = `http://${host}:${address.port}`;
  const lookup = (objectName: string) => {
    const def = ctx.schema.byLower.get(objectName.toLowerCase());
    if (!def) throw new Error(`unknown object ${objectName}`);
    return def;
  };
  const reset = () => {
    ctx.bulk?.clear();
    ctx.events.clear();
    ctx.usage.reset();
    Object.assign(ctx.faults, { latencyMs: 0, serverErrorRatio: 0, lockRowRatio: 0 });
    ctx.seed();
  };
  return {
    url: ctx.baseUrl,
    port: address.port,
    adminToken: ctx.adminToken,
    close: async () => {
      await app.close();
    },
    stats: () => emulatorStats(ctx),
    writes: () => ctx.store.writes.snapshot(),
    resetWrites: () => ctx.store.writes.reset(),
    records: (objectName) => [...ctx.store.table(lookup(objectName)).live.values()].map((r) => ({ ...r })),
    insertRecords: (objectName, records) => insertRecords(ctx.schema, ctx.store, objectName, records),
    reset,
    cpq: {
      scenario: () => ctx.cpq.scenario,
      loadScenario: (scenario) => {
        ctx.cpq.scenarioOptions = cpqScenarioOptions.parse(scenario);
        reset();
        return ctx.cpq.scenario as CpqScenarioManifest;
      },
      setContractingDelay: (ms) => {
        ctx.cpq.queue.setDelay(ms);
      },
      contractingJobs: () => [...ctx.cpq.queue.jobs.values()].map((j) => ({ ...j })),
    },
    faults: {
      set: (faults) => Object.assign(ctx.faults, faults),
      clear: () => Object.assign(ctx.faults, { latencyMs: 0, serverErrorRatio: 0, lockRowRatio: 0 }),
      expireTokens: () => void ctx.tokens.expireAll(),
      setApiRequestsRemaining: (remaining) => ctx.usage.setRemaining(remaining),
      current: () => ({ ...ctx.faults }),
    },
  };
}
