import type { EmulatorContext } from '../emulator-context.js';
import type { ObjectWrites } from '../store/write-counters.js';

export interface EmulatorStats {
  apiRequests: number;
  apiRequestsRemaining: number;
  dailyApiLimit: number;
  bulkBatches: number;
  bulkRecords: number;
  uploadedBytes: number;
  requestsByRoute: Record<string, number>;
  bulkByObject: Record<string, { requests: number; bulkBatches: number; bulkRecords: number }>;
  records: Record<string, number>;
  activeSessions: number;
  ingestJobs: number;
  queryJobs: number;
  publishedEvents: number;
  /** Records created, updated, deleted and write calls per object since the last reset. */
  writes: Record<string, ObjectWrites>;
}

export function emulatorStats(ctx: EmulatorContext): EmulatorStats {
  const records: Record<string, number> = {};
  for (const def of ctx.schema.objects) {
    const n = ctx.store.table(def).live.size;
    if (n > 0) records[def.name] = n;
  }
  return {
    apiRequests: ctx.usage.requests,
    apiRequestsRemaining: ctx.usage.remaining,
    dailyApiLimit: ctx.usage.dailyLimit,
    bulkBatches: ctx.usage.bulkBatches,
    bulkRecords: ctx.usage.bulkRecords,
    uploadedBytes: ctx.usage.uploadedBytes,
    requestsByRoute: Object.fromEntries(ctx.usage.byRoute),
    bulkByObject: Object.fromEntries(ctx.usage.byObject),
    records,
    activeSessions: ctx.tokens.size,
    ingestJobs: ctx.bulk?.ingest.size ?? 0,
    queryJobs: ctx.bulk?.queries.size ?? 0,
    publishedEvents: [...ctx.events.values()].reduce((n, l) => n + l.length, 0),
    writes: ctx.store.writes.snapshot(),
  };
}
