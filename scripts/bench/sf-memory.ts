// `npx tsx scripts/bench/sf-memory.ts --size M [--seed 42]`: where the Salesforce emulator's memory goes
// when it holds a Turbo full sync (the package's objects, every mapped field, as the connector writes
// them). Runs the catalog and accounts full syncs as the turbo scenario does (no figures of the
// connector), then prints the emulator's memory report (admin/memory-report.ts): its RSS and peak, heap
// and array buffers after a collection, bytes per object and those of the Bulk jobs kept for their
// result files. Issue 19: 14 million
// records in <= 6 GB.
import { readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createLogger } from '../../service/src/config/logger.js';
import { connectSalesforce } from '../../service/src/salesforce/connect.js';
import { migrate } from '../../service/src/store/migrate.js';
import { insertSession } from '../../service/src/sessions/session-rows.js';
import type { ProgressEvent, StageEvent } from '../../service/src/sessions/sync-deps.js';
import { runTurboSession } from '../../service/src/turbo/turbo-session.js';
import { forceAppObjectsDir, loadForceAppSchema } from '../../service/src/mapping/force-app-schema.js';
import { ZuoraClient } from '../../service/src/zuora/zuora-client.js';
import {
  benchTempDir,
  dropBenchSchema,
  type EmulatorInfo,
  openBenchSchema,
  spawnEmulators,
} from './bench-support.js';
import { MemoryPeaks } from './memory-peaks.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'M' },
    seed: { type: 'string', default: '42' },
    /** Also print a record of each of the four largest objects (what their bytes are made of). */
    sample: { type: 'boolean', default: false },
    /** A heap snapshot of the connector's highest live heap, in this directory (memory-peaks.ts). */
    'heap-snapshots': { type: 'string' },
  },
});
const emulators = [
  spawnEmulators(values.size, values.seed, 'zuora'),
  spawnEmulators(values.size, values.seed, 'salesforce', ['--expose-gc']),
];
const [zuoraInfo, salesforceInfo] = await Promise.all(emulators.map((e) => e.ready));
const info = { ...zuoraInfo, ...salesforceInfo } as EmulatorInfo;
const sfPid = emulators[1]?.child.pid;
const admin = async (method: string, path: string): Promise<unknown> => {
  const response = await fetch(`${info.salesforce.loginUrl}/__emulator${path}`, {
    method,
    headers: { authorization: `Bearer ${info.salesforceAdmin}` },
  });
  return response.json();
};
/** VmRSS and VmHWM (peak) of the emulator process, in MB. */
const rssOf = (): string => {
  const status = readFileSync(`/proc/${String(sfPid)}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return `rss ${(kb('VmRSS') / 1024).toFixed(0)} MB, peak ${(kb('VmHWM') / 1024).toFixed(0)} MB`;
};

const benchSchema = `bench_${String(process.pid)}`;
const spoolDir = benchTempDir('sfmem');
const store = await openBenchSchema(benchSchema);
try {
  await migrate(store);
  const deps = {
    store,
    zuora: new ZuoraClient(info.zuora),
    salesforce: await connectSalesforce(info.salesforce),
    schema: loadForceAppSchema(forceAppObjectsDir),
    spoolDir,
    logger: createLogger('warn'),
    minPollMs: 50,
    maxPollMs: 500,
    onProgress: (e: ProgressEvent) => {
      peaks.doing = `${e.phase} ${e.object}`;
    },
    onStage: (e: StageEvent) => {
      peaks.doing = `after stage ${e.stage}`;
    },
  };
  // Where the connector's own memory peaked (as the turbo scenario prints it).
  const peaks = new MemoryPeaks(values['heap-snapshots']);
  for (const scope of ['catalog', 'accounts'] as const) {
    const session = await insertSession(store, { scope, trigger: 'manual', mode: 'full' });
    const started = performance.now();
    const done = await runTurboSession(deps, session.id);
    const seconds = (performance.now() - started) / 1000;
    // The connector's own peak so far (run it with npm run bench's V8 flags to compare with the turbo scenario).
    const peak = (process.resourceUsage().maxRSS / 1024).toFixed(0);
    process.stdout.write(
      `${scope}: ${done.state} in ${seconds.toFixed(1)} s; connector peak RSS ${peak} MB; emulator ${rssOf()}\n`,
    );
  }
  peaks.stop();
  process.stdout.write(`connector memory peaks:\n${peaks.report()}\n`);
  const report = (await admin('GET', '/memory?gc=true')) as { objects: Record<string, { records: number }> };
  process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
  const largest = Object.entries(report.objects).sort(([, a], [, b]) => b.records - a.records);
  for (const [object] of values.sample ? largest.slice(0, 4) : [])
    process.stdout.write(
      `${JSON.stringify(await admin('GET', `/records/${object}?limit=1`))}\n${JSON.stringify(await admin('GET', `/memory?detail=${object}`))}\n`,
    );
  process.stdout.write(`emulator after a collection: ${rssOf()}; load average ${loadavg()[0]?.toFixed(1)}\n`);
} finally {
  await store.close();
  await dropBenchSchema(benchSchema);
  rmSync(spoolDir, { recursive: true, force: true });
  for (const e of emulators) e.child.kill('SIGTERM');
}
