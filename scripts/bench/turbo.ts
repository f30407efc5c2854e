// `npm run bench -- --scenario turbo --size M [--seed N] [--skip-checksums|--save-checksums] [--incremental-after-bill-run]`: a
// full Turbo Sync of the accounts scope and the catalog through the emulators (each in a process of its own, so
// this process's memory is the connector's), printing per object and in total: records, records/s, peak RSS,
// CPU seconds, Salesforce API calls, Bulk batches (and the ceil(N/10,000) floor they are held to) and Zuora
// calls; then a checksum per object of the Salesforce end state, compared with the reference kept for that size
// and seed in scripts/bench/reference/ (checksum-reference.ts). With
// --incremental-after-bill-run, a bill run then posts invoices in the Zuora emulator worth about 1% of the
// records synced (bill-run.ts; `--bill-run-share 0.02` for another share) and an incremental accounts sync is
// measured the same way (`--repeat N`: N bill runs, each with its incremental session).
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '../../service/src/config/logger.js';
import { connectSalesforce } from '../../service/src/salesforce/connect.js';
import { migrate } from '../../service/src/store/migrate.js';
import { insertSession } from '../../service/src/sessions/session-rows.js';
import type { ObjectCounts } from '../../service/src/sessions/session-counts.js';
import type { ProgressEvent, StageEvent } from '../../service/src/sessions/sync-deps.js';

import { collectionsSessionLimit } from '../../service/src/turbo/turbo-writer.js';
import { runTurboSession } from '../../service/src/turbo/turbo-session.js';
import { forceAppObjectsDir, loadForceAppSchema } from '../../service/src/mapping/force-app-schema.js';
import { ZuoraClient } from '../../service/src/zuora/zuora-client.js';
import {
  benchTempDir,
  dropBenchSchema,
  type EmulatorInfo,
  openBenchSchema,
  salesforceStats,
  spawnEmulators,
} from './bench-support.js';
import { billRun } from './bill-run.js';
import { MemoryPeaks } from './memory-peaks.js';
import { processCpuSeconds } from './process-cpu.js';
import { salesforceChecksumsApart } from './sf-checksums.js';
import { compareWithReference, referencePath, saveReference } from './checksum-reference.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'S' },
    seed: { type: 'string', default: '42' },
    scenario: { type: 'string', default: 'turbo' },
    store: { type: 'string', default: 'postgres' },
    trace: { type: 'boolean', default: false },
    'skip-checksums': { type: 'boolean', default: false },
    'save-checksums': { type: 'boolean', default: false },
    'incremental-after-bill-run': { type: 'boolean', default: false },
    'bill-run-share': { type: 'string', default: '0.01' },
    repeat: { type: 'string', default: '1' },
    'emulators-cpu-prof': { type: 'string' },
    'heap-snapshots': { type: 'string' },
  },
  strict: false,
}) as {
  values: {
    size: string;
    seed: string;
    store: string;
    trace: boolean;
    'skip-checksums': boolean;
    'save-checksums': boolean;
    'incremental-after-bill-run': boolean;
    'bill-run-share': string;
    repeat: string;
    'emulators-cpu-prof'?: string;
    'heap-snapshots'?: string;
  };
};
if (!['pglite', 'postgres'].includes(values.store)) {
  process.stderr.write(`bench: --store must be pglite or postgres (got "${values.store}")\n`);
  process.exit(2);
}
if (!['XS', 'S', 'M', 'L'].includes(values.size)) {
  process.stderr.write(`bench: --size must be XS, S, M or L (got "${values.size}")\n`);
  process.exit(2);
}

// --emulators-cpu-prof DIR: CPU profiles of the emulator processes, to see what bounds the wall clock.
const emulatorArgs =
  values['emulators-cpu-prof'] === undefined
    ? []
    : ['--cpu-prof', `--cpu-prof-dir=${values['emulators-cpu-prof']}`];
const emulators = [
  spawnEmulators(values.size, values.seed, 'zuora', emulatorArgs),
  spawnEmulators(values.size, values.seed, 'salesforce', emulatorArgs),
];
const [zuoraInfo, salesforceInfo] = await Promise.all(emulators.map((e) => e.ready));
const info = {
  ...zuoraInfo,
  ...salesforceInfo,
  generatedMs: Math.max(zuoraInfo?.generatedMs ?? 0, salesforceInfo?.generatedMs ?? 0),
} as EmulatorInfo;
interface SfStats {
  apiRequests: number;
  bulkBatches: number;
  bulkByObject: Record<string, { requests: number; bulkBatches: number; bulkRecords?: number }>;
}
const sfStats = () => salesforceStats<SfStats>(info);

const benchSchema = `bench_${String(process.pid)}`;
const spoolDir = benchTempDir('turbo');
// PostgreSQL by default: PGlite's WASM engine alone takes about 700 MB of this process, so the 200 MB
// target can only hold with the server store; `--store pglite` measures the embedded one.
// PGlite on disk, as the service runs it with DATA_DIR (in memory, the whole database would sit in its heap).
// PGlite is imported only for `--store pglite`: loading it costs this process 42-49 MB of RSS even unused.
const store =
  values.store === 'pglite'
    ? await (await import('../../service/src/store/pglite-store.js')).PgliteStore.open(join(spoolDir, 'data'))
    : await openBenchSchema(benchSchema);
// --trace: when each stream was extracted and each object loaded, to see where the wall clock goes.
const trace = values.trace
  ? {
      onProgress: (e: ProgressEvent) => {
        // RSS split into the JS heap and what lives outside it (Buffers), to see which one grows.
        const m = process.memoryUsage();
        const mb = (n: number) => (n / 2 ** 20).toFixed(0);
        process.stdout.write(
          `  ${(performance.now() / 1000).toFixed(1).padStart(7)} s ${e.phase.padEnd(9)} ${e.object.padEnd(38)} ${String(e.records).padStart(8)}  rss ${mb(m.rss)} MB (heap ${mb(m.heapUsed)}/${mb(m.heapTotal)}, external ${mb(m.external)})\n`,
        );
      },
      // Each stage's wall and CPU time: wall minus CPU is what the stage waited for.
      onStage: (e: StageEvent) => {
        process.stdout.write(
          `  ${(performance.now() / 1000).toFixed(1).padStart(7)} s stage     ${e.stage.padEnd(38)} ${(e.wallMs / 1000).toFixed(2).padStart(8)} s wall, ${(e.cpuMs / 1000).toFixed(2)} s CPU, load ${loadavg()[0]?.toFixed(1) ?? '-'}\n`,
        );
      },
    }
  : undefined;
/** The memory peaks of the session being measured (memory-peaks.ts). */
let peaks = new MemoryPeaks();
try {
  await migrate(store);
  const zuora = new ZuoraClient(info.zuora);
  const deps = {
    store,
    zuora,
    salesforce: await connectSalesforce(info.salesforce),
    schema: loadForceAppSchema(forceAppObjectsDir),
    spoolDir,
    logger: createLogger('warn'),
    minPollMs: 50,
    maxPollMs: 500,
    // Every event names what the session is doing for the memory peaks; --trace also prints it.
    onProgress: (e: ProgressEvent) => {
      peaks.doing = `${e.phase} ${e.object}`;
      trace?.onProgress(e);
    },
    onStage: (e: StageEvent) => {
      peaks.doing = `after stage ${e.stage}`;
      trace?.onStage(e);
    },
  };
  // What the process holds before any session: node, the loader, the code, the clients.
  const idle = process.memoryUsage();
  process.stdout.write(
    `tenant ${values.size} (seed ${values.seed}) generated in ${(info.generatedMs / 1000).toFixed(1)} s; ` +
      `before the first session: rss ${(idle.rss / 2 ** 20).toFixed(0)} MB, heap used ${(idle.heapUsed / 2 ** 20).toFixed(0)} MB\n`,
  );
  const synced = new Set<string>();
  /** One session measured and its table printed; answers the records it read. */
  const measure = async (scope: 'catalog' | 'accounts', mode: 'full' | 'incremental'): Promise<number> => {
    const before = await sfStats();
    const zuoraBefore = zuora.calls;
    const cpuBefore = process.cpuUsage();
    const emulatorCpuBefore = emulators.map((e) => processCpuSeconds(e.child.pid));
    // --heap-snapshots DIR: a heap snapshot of the session's highest live heap (memory-peaks.ts).
    peaks.stop();
    peaks = new MemoryPeaks(values['heap-snapshots']);
    const started = performance.now();
    const session = await insertSession(store, { scope, trigger: 'manual', mode });
    const done = await runTurboSession(deps, session.id);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const [zuoraCpu, salesforceCpu] = emulators.map((e, i) =>
      (processCpuSeconds(e.child.pid) - (emulatorCpuBefore[i] ?? 0)).toFixed(1),
    );
    peaks.stop();
    const heapAtEnd = process.memoryUsage().heapUsed / 2 ** 20;
    const after = await sfStats();
    const objects = (done.counts.objects ?? {}) as Record<string, ObjectCounts>;
    const rows = Object.entries(objects).sort(([a], [b]) => a.localeCompare(b));
    for (const [object] of rows) if (!object.includes(' ')) synced.add(object);
    const bulk = (object: string, key: 'requests' | 'bulkBatches' | 'bulkRecords') =>
      (after.bulkByObject[object]?.[key] ?? 0) - (before.bulkByObject[object]?.[key] ?? 0);
    // The floor counts the records written; `sent` (the rows Salesforce received in Bulk jobs, both passes)
    // gives the floor over what was sent: rows held back for a failed parent never reach Salesforce, but a
    // part they leave is a job whose last batch is part-full.
    const floorOf = (c: ObjectCounts) => Math.ceil(c.written / 10_000);
    const sentFloorOf = (object: string) => Math.ceil(bulk(object, 'bulkRecords') / 10_000);
    const total = rows.reduce((n, [, c]) => n + c.read, 0);
    const floor = rows.reduce((n, [, c]) => n + floorOf(c), 0);
    const sentFloor = rows.reduce((n, [object]) => n + sentFloorOf(object), 0);
    const rate = (n: number) => Math.round(n / seconds).toString();
    const table = [
      ['object', 'records', 'failed', 'records/s', 'SF calls', 'sent', 'batches', 'floor', 'floor sent'],
      ...rows.map(([object, c]) => [
        object,
        String(c.read),
        String(c.failed),
        rate(c.read),
        String(bulk(object, 'requests')),
        String(bulk(object, 'bulkRecords')),
        String(bulk(object, 'bulkBatches')),
        String(floorOf(c)),
        String(sentFloorOf(object)),
      ]),
      [
        'total',
        String(total),
        String(rows.reduce((n, [, c]) => n + c.failed, 0)),
        rate(total),
        String(after.apiRequests - before.apiRequests),
        String(rows.reduce((n, [object]) => n + bulk(object, 'bulkRecords'), 0)),
        String(after.bulkBatches - before.bulkBatches),
        String(floor),
        String(sentFloor),
      ],
    ];
    process.stdout.write(
      `\n${scope} (${mode}): ${done.state} in ${seconds.toFixed(1)} s (store ${values.store})\n`,
    );
    for (const line of table) {
      process.stdout.write(
        `${(line[0] ?? '').padEnd(38)}${line
          .slice(1)
          .map((cell) => cell.padStart(11))
          .join('')}\n`,
      );
    }
    // Records/s are end to end (the whole session's wall clock). Per-object SF calls are the Bulk ingest
    // requests of its jobs; the total adds the session's own (SOQL, Sync_History__c). One AQuA job serves
    // every object, and loads run side by side, so Zuora calls, RSS and CPU are the session's.
    process.stdout.write(
      `${mode === 'incremental' ? 'peak RSS of the process so far (the full sync included)' : 'peak RSS'} ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s ` +
        `(${total > 0 ? ((cpu.user + cpu.system) / total).toFixed(1) : '-'} CPU-seconds per million records; issue 19 target at M: at most 8), ` +
        `Salesforce API calls ${String(after.apiRequests - before.apiRequests)}, Bulk batches ${String(after.bulkBatches - before.bulkBatches)} ` +
        `(floor sum ceil(N/10,000) = ${String(floor)} over records written, ${String(sentFloor)} over records sent), Zuora calls ${String(zuora.calls - zuoraBefore)}\n` +
        `emulators' CPU over the session: Zuora ${zuoraCpu ?? '-'} s, Salesforce ${salesforceCpu ?? '-'} s; ` +
        `load average ${loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')}\n`,
    );
    // Where memory peaked, and the heap left at the end (issue 19: RSS flat in N, L minus S at most 50 MB).
    process.stdout.write(
      `memory peaks (heap used at the end ${heapAtEnd.toFixed(1)} MB):\n${peaks.report()}\n`,
    );
    if (total <= collectionsSessionLimit && total > 0)
      process.stdout.write(
        `(a session of at most ${String(collectionsSessionLimit)} records loads through Composite calls, not Bulk jobs)\n`,
      );
    return total;
  };
  await measure('catalog', 'full');
  const accounts = await measure('accounts', 'full');
  // After the measurement: the org's end state, to compare two runs (sf-checksums.ts says what is left out).
  if (!values['skip-checksums']) {
    process.stdout.write(`\nSalesforce end state (object, records, checksum):\n`);
    const lines = await salesforceChecksumsApart(info.salesforce.loginUrl, info.salesforceAdmin, [...synced]);
    for (const line of lines) process.stdout.write(`${line}\n`);
    const reference = referencePath(values.size, values.seed);
    if (values['save-checksums'])
      saveReference(reference, `turbo --size ${values.size} --seed ${values.seed}: end state`, lines);
    else for (const line of compareWithReference(reference, lines)) process.stdout.write(`${line}\n`);
  }
  // --repeat N: N bill runs, each followed by its measured incremental session (two figures from one tenant).
  for (let i = 0; values['incremental-after-bill-run'] && i < Number(values.repeat); i += 1) {
    const share = Number(values['bill-run-share']);
    const run = await billRun(info, zuora, accounts, share);
    process.stdout.write(
      `\nbill run: ${String(run.billed)} of ${String(run.accounts)} accounts billed in ${run.seconds.toFixed(1)} s ` +
        `(about ${String(share * 100)}% of the ${String(accounts)} records synced; accounts with nothing to bill are left as they are)\n`,
    );
    await measure('accounts', 'incremental');
  }
} finally {
  await store.close();
  if (values.store === 'postgres') await dropBenchSchema(benchSchema);
  rmSync(spoolDir, { recursive: true, force: true });
  for (const e of emulators) e.child.kill('SIGTERM');
}
