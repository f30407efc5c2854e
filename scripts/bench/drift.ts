// `npm run bench -- --scenario drift --size S|M [--seed N]`: a full Turbo Sync of the accounts scope through the
// emulators (setup, not measured), then the drift check measured: wall time, Zuora calls, Salesforce API calls,
// and per object the records read and the Bulk query result pages (held to ceil(N/10,000), 1 for an empty
// object). Target at M: under 2 minutes, pages at most ceil(N/10,000) per object plus a constant.
// It prints each process's CPU seconds in the check too (connector, Salesforce emulator, Zuora emulator), with the
// load average: under load the wall time measures the machine, CPU seconds barely move.
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '../../service/src/config/logger.js';
import { forceAppObjectsDir, loadForceAppSchema } from '../../service/src/mapping/force-app-schema.js';
import { connectSalesforce } from '../../service/src/salesforce/connect.js';
import { insertSession } from '../../service/src/sessions/session-rows.js';
import { migrate } from '../../service/src/store/migrate.js';
import { runTurboSession } from '../../service/src/turbo/turbo-session.js';
import { ZuoraClient } from '../../service/src/zuora/zuora-client.js';
import {
  benchTempDir,
  dropBenchSchema,
  type EmulatorInfo,
  openBenchSchema,
  salesforceStats,
  spawnEmulators,
} from './bench-support.js';
import { processCpuSeconds } from './process-cpu.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'S' },
    seed: { type: 'string', default: '42' },
    scenario: { type: 'string' },
  },
  strict: false,
}) as { values: { size: string; seed: string } };
if (!['XS', 'S', 'M', 'L'].includes(values.size)) {
  process.stderr.write(`bench: --size must be XS, S, M or L (got "${values.size}")\n`);
  process.exit(2);
}
const emulators = [
  spawnEmulators(values.size, values.seed, 'zuora'),
  spawnEmulators(values.size, values.seed, 'salesforce'),
];
const [zuoraInfo, salesforceInfo] = await Promise.all(emulators.map((e) => e.ready));
const info = { ...zuoraInfo, ...salesforceInfo } as EmulatorInfo;
const benchSchema = `bench_${String(process.pid)}`;
const spoolDir = benchTempDir('drift');
const store = await openBenchSchema(benchSchema);
try {
  await migrate(store);
  const zuora = new ZuoraClient(info.zuora);
  const deps = {
    store,
    zuora,
    salesforce: await connectSalesforce(info.salesforce),
    schema: loadForceAppSchema(forceAppObjectsDir),
    spoolDir: join(spoolDir, 'spool'),
    logger: createLogger('warn'),
    minPollMs: 50,
    maxPollMs: 500,
  };
  const sync = await insertSession(store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
  const synced = await runTurboSession(deps, sync.id);
  process.stdout.write(`tenant ${values.size} (seed ${values.seed}): full sync ${synced.state} (setup)\n`);

  const before = await salesforceStats<{ apiRequests: number }>(info);
  const zuoraBefore = zuora.calls;
  const pids = [process.pid, emulators[1]?.child.pid, emulators[0]?.child.pid];
  const cpuBefore = pids.map(processCpuSeconds);
  const started = performance.now();
  const params = { dryRun: true, drift: true };
  const check = await insertSession(store, { scope: 'accounts', trigger: 'manual', mode: 'full', params });
  const done = await runTurboSession(deps, check.id);
  const seconds = (performance.now() - started) / 1000;
  const cpu = pids.map((pid, i) => (processCpuSeconds(pid) - (cpuBefore[i] ?? 0)).toFixed(1));
  const after = await salesforceStats<{ apiRequests: number }>(info);
  const report = done.counts.dryRun;
  const reads = Object.entries(report?.drift?.reads ?? {}).sort(([a], [b]) => a.localeCompare(b));
  process.stdout.write(`\ndrift check: ${done.state} in ${seconds.toFixed(1)} s\n`);
  process.stdout.write(
    `${'object'.padEnd(38)}${['records', 'pages', 'floor', 'calls', 'drifted'].map((h) => h.padStart(10)).join('')}\n`,
  );
  let worst = 0;
  for (const [object, r] of reads) {
    const floor = Math.max(1, Math.ceil(r.records / 10_000));
    worst = Math.max(worst, r.pages - floor);
    const c = report?.objects[object];
    const drifted = c === undefined ? 0 : c.created + c.updated + c.deleted;
    process.stdout.write(
      `${object.padEnd(38)}${[r.records, r.pages, floor, r.calls, drifted].map((n) => String(n).padStart(10)).join('')}\n`,
    );
  }
  const records = reads.reduce((n, [, r]) => n + r.records, 0);
  process.stdout.write(
    `records compared ${String(records)}, wall ${seconds.toFixed(1)} s, Zuora calls ${String(zuora.calls - zuoraBefore)}, ` +
      `Salesforce API calls ${String(after.apiRequests - before.apiRequests)}, Bulk query pages over ceil(N/10,000) at most ${String(worst)} per object, ` +
      `drifted accounts ${String(Object.keys(report?.drift?.accounts ?? {}).length)} of ${String(report?.drift?.checkedAccounts ?? 0)}\n`,
  );
  process.stdout.write(
    `CPU s: connector ${cpu[0] ?? ''}, salesforce emulator ${cpu[1] ?? ''}, zuora emulator ${cpu[2] ?? ''}; ` +
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}\n`,
  );
} finally {
  await store.close();
  await dropBenchSchema(benchSchema);
  rmSync(spoolDir, { recursive: true, force: true });
  for (const e of emulators) e.child.kill('SIGTERM');
}
