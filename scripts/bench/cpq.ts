// `npm run bench -- --scenario cpq [--size S|M] [--seed 7] [--latency-orders 60] [--spread-seconds 120]
// [--poll-seconds 60] [--emulators-cpu-prof DIR]`: the Salesforce CPQ -> Zuora direction against both emulators (their own process,
// emulators-process.ts `cpq`: the org holding a generated CPQ scenario of the size, the Zuora tenant its
// externally managed plans), the store in a throwaway PostgreSQL schema.
//  1. Throughput: every activated order of the scenario goes through CPQ sessions of fifty, as the poller runs
//     them, new orders first, then amendments and renewals. Orders per minute end to end (read -> Zuora ->
//     write-back recorded), Salesforce and Zuora calls per order as the emulators count them.
//  2. Latency: orders activated and contracted one by one over --spread-seconds while the poller runs at its
//     interval (default 60 s, as shipped); activation (Order.ActivatedDate) -> write-back (cpq_orders) P50/P95.
// Targets (issue 14): >= 600 orders/min, <= 3 Salesforce and <= 8 Zuora calls per new order, P95 < 90 s.
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../service/src/config/load-config.js';
import { createLogger } from '../../service/src/config/logger.js';
import { cpqRuntime } from '../../service/src/cpq/cpq-runtime.js';
import { createSyncRuntime } from '../../service/src/main.js';
import { migrate } from '../../service/src/store/migrate.js';
import {
  benchTempDir,
  dropBenchSchema,
  emulatorEnv,
  type EmulatorInfo,
  openBenchSchema,
  spawnEmulators,
} from './bench-support.js';
import { measureLatency, runOrders, type Counters } from './cpq-phases.js';
import { processCpuSeconds } from './process-cpu.js';

const { values } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'cpq' },
    size: { type: 'string', default: 'S' },
    seed: { type: 'string', default: '7' },
    'latency-orders': { type: 'string', default: '60' },
    'spread-seconds': { type: 'string', default: '120' },
    'poll-seconds': { type: 'string', default: '60' },
    'emulators-cpu-prof': { type: 'string' },
  },
  strict: false,
}) as { values: Record<string, string> };
const size = values.size ?? 'S';
const latencyOrders = Number(values['latency-orders']);
const spreadSeconds = Number(values['spread-seconds']);
const pollSeconds = Number(values['poll-seconds']);
if (!['XS', 'S', 'M', 'L'].includes(size)) {
  process.stderr.write('bench: --size XS|S|M|L\n');
  process.exit(2);
}
if (
  ![latencyOrders, spreadSeconds, pollSeconds].every((n) => Number.isInteger(n) && n >= 0) ||
  pollSeconds < 5
) {
  process.stderr.write('bench: --latency-orders, --spread-seconds: integers >= 0; --poll-seconds >= 5\n');
  process.exit(2);
}

// --emulators-cpu-prof DIR: a CPU profile of the emulators' process (written when it is stopped).
const emulatorArgs =
  values['emulators-cpu-prof'] === undefined
    ? []
    : ['--cpu-prof', `--cpu-prof-dir=${values['emulators-cpu-prof']}`];
const { child, ready } = spawnEmulators(size, values.seed ?? '7', 'cpq', emulatorArgs);
const info = (await ready) as EmulatorInfo & { cpqScenario: { orders: Record<string, number> } };
const admin = async (url: string, token: string): Promise<Record<string, number>> =>
  (await (
    await fetch(`${url}/__emulator/stats`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as Record<string, number>;
const counters: Counters = {
  salesforce: async () => (await admin(info.salesforce.loginUrl, info.salesforceAdmin)).apiRequests ?? 0,
  zuora: async () => (await admin(info.zuora.baseUrl, info.zuoraAdmin)).requests ?? 0,
  zuoraByRoute: async () =>
    (await admin(info.zuora.baseUrl, info.zuoraAdmin)).byRoute as unknown as Record<string, number>,
  cpuSeconds: () => ({ emulators: processCpuSeconds(child.pid), connector: processCpuSeconds(process.pid) }),
};
const schema = `bench_cpq_${String(process.pid)}`;
const dataDir = benchTempDir('cpq');
const store = await openBenchSchema(schema);
const logger = createLogger('warn');
try {
  await migrate(store);
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    API_TOKEN: 'bench-token-0123456789abcdefghij',
    CPQ_POLL_INTERVAL_SECONDS: String(pollSeconds),
    ...emulatorEnv(info),
  });
  const runtime = await createSyncRuntime(config, store, logger);
  try {
    const { deps } = cpqRuntime(runtime.deps, config.cpq, config.apiBudget);
    const scenario = info.cpqScenario.orders;
    process.stdout.write(
      `CPQ scenario ${size} (seed ${values.seed ?? '7'}): ${JSON.stringify(scenario)}, emulators ready in ${(info.generatedMs / 1000).toFixed(1)} s\n`,
    );
    const fresh = await runOrders(deps, counters, 'New');
    const changes = await runOrders(deps, counters, 'Change');
    process.stdout.write(
      `\nthroughput (sessions of 50, emulators answering at once)\n${fresh.render(true)}${changes.render(false)}`,
    );
    if (latencyOrders > 0) {
      const latency = await measureLatency(deps, info, { orders: latencyOrders, spreadSeconds, pollSeconds });
      process.stdout.write(`\n${latency}`);
    }
  } finally {
    await runtime.close();
  }
} finally {
  await store.close();
  await dropBenchSchema(schema);
  rmSync(dataDir, { recursive: true, force: true });
  child.kill('SIGTERM');
}
