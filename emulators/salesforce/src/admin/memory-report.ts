import { getHeapSpaceStatistics } from 'node:v8';
import type { EmulatorContext } from '../emulator-context.js';

// Where the emulator's memory goes (issue 19: 14 million records in <= 6 GB): the process's figures
// and, per object with records, the bytes of its parts (typed arrays exactly, heap values about), and
// those of the Bulk ingest jobs kept for their result files. `gc` collects first when the process
// runs with --expose-gc, so heap figures are live data.

const MB = 2 ** 20;
const mb = (bytes: number): number => Math.round((bytes / MB) * 10) / 10;

export function memoryReport(ctx: EmulatorContext, collect: boolean, detail?: string) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (collect && gc) gc();
  const objects: Record<string, Record<string, number>> = {};
  const total = { records: 0, ids: 0, columns: 0, text: 0, lookups: 0, indexes: 0 };
  for (const def of ctx.schema.objects) {
    const table = ctx.store.table(def);
    if (table.live.size === 0) continue;
    const parts = { records: table.live.size, ...table.live.memory(), indexes: 0 };
    for (const index of table.indexes) parts.indexes += index.bytes;
    for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += parts[key];
    objects[def.name] = Object.fromEntries(
      Object.entries(parts).map(([k, v]) => [k, k === 'records' ? v : mb(v)]),
    );
  }
  const m = process.memoryUsage();
  return {
    process: {
      rss: mb(m.rss),
      heapUsed: mb(m.heapUsed),
      heapTotal: mb(m.heapTotal),
      external: mb(m.external),
      arrayBuffers: mb(m.arrayBuffers),
      collected: collect && gc !== undefined,
      /** Used bytes per V8 heap space (large strings live in large_object_space). */
      heapSpaces: Object.fromEntries(
        getHeapSpaceStatistics().map((s) => [s.space_name, mb(s.space_used_size)]),
      ),
    },
    total: Object.fromEntries(Object.entries(total).map(([k, v]) => [k, k === 'records' ? v : mb(v)])),
    objects,
    bulkJobs: ctx.bulk ? mbOf(ctx.bulk.memory()) : null,
    ...(detail === undefined ? {} : { columns: columnsOf(ctx, detail) }),
  };
}

const mbOf = (parts: Record<string, number>) =>
  Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, k === 'jobs' || k === 'rows' ? v : mb(v)]));

/** MB per column of one object (`?detail=Object`). */
function columnsOf(ctx: EmulatorContext, object: string): Record<string, number> | null {
  const def = ctx.schema.byLower.get(object.toLowerCase());
  return def ? mbOf(ctx.store.table(def).live.columnBytes()) : null;
}
