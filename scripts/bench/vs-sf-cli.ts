// `npm run bench -- --scenario vs-sf-cli --size S|M [--seed N] [--skip-jsforce]`: the connector's full Turbo Sync
// (catalog, then accounts) side by side with the Salesforce CLI loading the same mapped CSV parts into a fresh
// Salesforce emulator (sf-cli-load.ts: one `sf data upsert bulk --wait` per part, parents first, as a user would
// script it), then a naive jsforce load of the largest object. Prints wall times, client CPU, Salesforce API
// calls, Bulk batches and the ratio connector end to end / CLI load alone (issue 19 target: at most 0.2 at M).
import { existsSync, linkSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createLogger } from '../../service/src/config/logger.js';
import { loadOrder } from '../../service/src/mapping/load-order.js';
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
import { childrenCpuSeconds, naiveJsforceLoad, SfCli, spoolParts, type SpoolPart } from './sf-cli-load.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'S' },
    seed: { type: 'string', default: '42' },
    'skip-jsforce': { type: 'boolean', default: false },
  },
  strict: false,
}) as { values: { size: string; seed: string; 'skip-jsforce': boolean } };
if (!['XS', 'S', 'M', 'L'].includes(values.size)) {
  process.stderr.write(`bench: --size must be XS, S, M or L (got "${values.size}")\n`);
  process.exit(2);
}

interface SfStats {
  apiRequests: number;
  bulkBatches: number;
}
const scopes = ['catalog', 'accounts'] as const;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const line = (text: string) => process.stdout.write(`${text}\n`);

/** The parts of one session's spool in the order a script loads them: upserts by load-order group, then deferred. */
function scriptOrder(dir: string, scope: (typeof scopes)[number]): SpoolPart[] {
  const parts = spoolParts(dir);
  const rank = new Map(
    loadOrder({ scope }).flatMap((group, i) => group.map((object) => [object, i] as const)),
  );
  const key = (p: SpoolPart) =>
    [p.pass === 'deferred' ? 1 : 0, rank.get(p.object) ?? 99, p.object, p.part] as const;
  return parts.sort((a, b) => {
    const [ka, kb] = [key(a), key(b)];
    for (let i = 0; i < ka.length; i += 1) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
    return 0;
  });
}

const emulators = [
  spawnEmulators(values.size, values.seed, 'zuora'),
  spawnEmulators(values.size, values.seed, 'salesforce'),
];
const spoolDir = benchTempDir('cli');
// A session's spool goes when it ends (turbo/spool-retention.ts): its final parts are linked here first.
const keptDir = benchTempDir('cli-kept');
let running = '';
const keepParts = ({ stage }: { stage: string }) => {
  if (stage !== 'finish' || running === '') return;
  const kept = join(keptDir, running);
  mkdirSync(kept);
  // A small session (the catalog) loads from memory: it may have no spool at all.
  if (!existsSync(join(spoolDir, running))) return;
  for (const name of readdirSync(join(spoolDir, running)))
    if (name.endsWith('.csv')) linkSync(join(spoolDir, running, name), join(kept, name));
};
const benchSchema = `bench_${String(process.pid)}`;
const cli = new SfCli();
let fresh: ReturnType<typeof spawnEmulators> | undefined;
try {
  const [zuoraInfo, salesforceInfo] = await Promise.all(emulators.map((e) => e.ready));
  const info = { ...zuoraInfo, ...salesforceInfo } as EmulatorInfo;
  const store = await openBenchSchema(benchSchema);
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
    onStage: keepParts,
  };
  // 1. The connector, end to end (extract from Zuora, map, spool, load).
  const before = await salesforceStats<SfStats>(info);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const sessions: Array<{ scope: (typeof scopes)[number]; id: string }> = [];
  for (const scope of scopes) {
    const session = await insertSession(store, { scope, trigger: 'manual', mode: 'full' });
    running = session.id;
    const done = await runTurboSession(deps, session.id);
    // The generated tenants hold deliberately bad records, so a full sync ends finished_with_errors.
    if (done.state !== 'finished' && done.state !== 'finished_with_errors')
      throw new Error(`${scope} session ended ${done.state}`);
    sessions.push({ scope, id: session.id });
  }
  const connectorMs = performance.now() - started;
  const connectorCpu = process.cpuUsage(cpuBefore);
  const after = await salesforceStats<SfStats>(info);
  await store.close();

  // 2. The sf CLI loading the same parts into a fresh org (seeded with the same CRM Accounts).
  fresh = spawnEmulators(values.size, values.seed, 'salesforce');
  const freshInfo = (await fresh.ready) as EmulatorInfo;
  const conn = await connectSalesforce(freshInfo.salesforce);
  const plan = sessions.flatMap(({ scope, id }) => scriptOrder(join(keptDir, id), scope));
  const cliBefore = await salesforceStats<SfStats>(freshInfo);
  const cliCpuBefore = childrenCpuSeconds();
  const cliStarted = performance.now();
  await cli.login(conn.instanceUrl, conn.accessToken ?? '');
  let crashed = 0;
  for (const part of plan) if ((await cli.upsert(part)) === undefined) crashed += 1;
  const cliMs = performance.now() - cliStarted;
  const cliCpu = childrenCpuSeconds() - cliCpuBefore;
  const cliAfter = await salesforceStats<SfStats>(freshInfo);
  // The rows the CLI's jobs processed and failed, read from the org after the measurement (Get All Jobs),
  // whatever the CLI printed: with many failed records its JSON can pass hundreds of MB, or not come at all.
  // https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/get_all_jobs.htm
  let processed = 0;
  let failed = 0;
  type AllJobs = {
    records: { numberRecordsProcessed: number; numberRecordsFailed: number }[];
    nextRecordsUrl: string | null;
  };
  for (let url: string | null = `/services/data/v${conn.version}/jobs/ingest`; url !== null;) {
    const page: AllJobs = await conn.request<AllJobs>(url);
    for (const job of page.records) {
      processed += job.numberRecordsProcessed;
      failed += job.numberRecordsFailed;
    }
    url = page.nextRecordsUrl;
  }

  line(
    `tenant ${values.size} (seed ${values.seed}): ${String(plan.length)} CSV parts, ${String(processed)} rows`,
  );
  line(
    `connector (end to end, extract + load): ${seconds(connectorMs)}, client CPU ${((connectorCpu.user + connectorCpu.system) / 1e6).toFixed(1)} s, ` +
      `Salesforce API calls ${String(after.apiRequests - before.apiRequests)}, Bulk batches ${String(after.bulkBatches - before.bulkBatches)}`,
  );
  line(
    `sf CLI (load only, ${String(cli.processes)} processes): ${seconds(cliMs)}, client CPU ${cliCpu.toFixed(1)} s, ` +
      `Salesforce API calls ${String(cliAfter.apiRequests - cliBefore.apiRequests)}, Bulk batches ${String(cliAfter.bulkBatches - cliBefore.bulkBatches)}, ` +
      `rows processed ${String(processed)}, failed ${String(failed)}, CLI runs without an answer ${String(crashed)}`,
  );
  line(`ratio connector / sf CLI: ${(connectorMs / cliMs).toFixed(2)} (issue 19 target at M: at most 0.2)`);

  // 3. A naive jsforce load of the largest object's parts (upserts over the rows the CLI stored).
  if (!values['skip-jsforce']) {
    const byObject = new Map<string, { files: string[]; bytes: number }>();
    for (const p of plan.filter((x) => x.pass === 'upsert')) {
      const entry = byObject.get(p.object) ?? { files: [], bytes: 0 };
      entry.files.push(p.file);
      entry.bytes += statSync(p.file).size;
      byObject.set(p.object, entry);
    }
    const [object, { files }] = [...byObject].sort((a, b) => b[1].bytes - a[1].bytes)[0] ?? [
      '',
      { files: [] },
    ];
    const jsBefore = await salesforceStats<SfStats>(freshInfo);
    const jsStarted = performance.now();
    const js = await naiveJsforceLoad(conn, object, files);
    const jsMs = performance.now() - jsStarted;
    const jsAfter = await salesforceStats<SfStats>(freshInfo);
    line(
      `naive jsforce upsert of ${object} (${String(js.records)} records, 200 per call): ${seconds(jsMs)}, ` +
        `Salesforce API calls ${String(jsAfter.apiRequests - jsBefore.apiRequests)} (${String(js.calls)} upserts), failed ${String(js.failed)}, ` +
        `${Math.round(js.records / (jsMs / 1000)).toString()} records/s`,
    );
  }
} finally {
  cli.close();
  await dropBenchSchema(benchSchema).catch(() => undefined);
  rmSync(spoolDir, { recursive: true, force: true });
  rmSync(keptDir, { recursive: true, force: true });
  for (const e of [...emulators, ...(fresh ? [fresh] : [])]) e.child.kill('SIGTERM');
}
