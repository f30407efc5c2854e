// Time to generate and load the CPQ scenario into a running Salesforce emulator, measured over HTTP
// (POST /__emulator/cpq/scenario, as the benchmarks and `npm start` load it), plus what it holds.
// Run: npm run bench:salesforce-cpq -- [--size S] [--seed 1] [--runs 3]
// Target (issue 13): size S loads in under 10 s.

import { parseArgs } from 'node:util';
import {
  cpqScenarioSizes,
  seedCpqScenario,
  startSalesforceEmulator,
  type CpqScenarioManifest,
} from '../src/index.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'S' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '3' },
  },
});
const size = values.size as keyof typeof cpqScenarioSizes;
if (!(size in cpqScenarioSizes))
  throw new Error(`--size must be one of ${Object.keys(cpqScenarioSizes).join(', ')}`);
const runs = Number(values.runs);
const seed = Number(values.seed);

const emulator = await startSalesforceEmulator({ cpqContractingDelayMs: 600_000 });
try {
  const times: number[] = [];
  let manifest: CpqScenarioManifest | undefined;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    manifest = await seedCpqScenario(emulator.url, emulator.adminToken, { seed, size });
    times.push(performance.now() - started);
  }
  const records = Object.values(emulator.stats().records).reduce((a, b) => a + b, 0);
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  console.log(`CPQ scenario ${size} (seed ${seed}), ${runs} runs over HTTP`);
  console.log(
    `  load time: ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(', ')}; median ${(median / 1000).toFixed(2)} s (target < 10 s for S)`,
  );
  console.log(
    `  records held: ${records.toLocaleString('en-US')}; heap ${Math.round(process.memoryUsage().heapUsed / 1024 / 1024)} MB`,
  );
  if (manifest) {
    console.log(`  orders: ${JSON.stringify(manifest.orders)}`);
    console.log(`  states: ${JSON.stringify(manifest.states)}`);
    console.log(`  amendments: ${JSON.stringify(manifest.amendments)}`);
    console.log(
      `  items: ${JSON.stringify(manifest.items)}; schedules: ${JSON.stringify(manifest.schedules)}`,
    );
    console.log(`  traps: ${JSON.stringify(manifest.traps)}`);
    console.log(`  contracts ${manifest.contracts}, subscriptions ${manifest.subscriptions}`);
  }
} finally {
  await emulator.close();
}
