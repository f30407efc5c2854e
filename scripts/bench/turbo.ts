// `npm run bench -- --scenario turbo --size M [--seed N]`: a full Turbo Sync of the accounts scope and the
// catalog through the emulators (run in their own process, so this process's memory is the connector's),
// printing per object and in total: records, records/s, peak RSS, CPU seconds, Salesforce API calls, Bulk
// batches (and the ceil(N/10,000) floor they are held to) and Zuora calls.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createLogger } from '../../service/src/logging/logger.js';
import { connectSalesforce, type SalesforceCredentials } from '../../service/src/salesforce/connect.js';
import { PgliteStore } from '../../service/src/store/pglite-store.js';
import { migrate } from '../../service/src/store/migrate.js';
import { insertSession } from '../../service/src/store/session-rows.js';
import type { ObjectCounts } from '../../service/src/sync/sync-history.js';
import { forceAppObjectsDir } from '../../service/src/sync/sync-runtime.js';
import { runTurboSession } from '../../service/src/sync/turbo-session.js';
import { loadForceAppSchema } from '../../service/src/mapping/force-app-schema.js';
import { ZuoraClient } from '../../service/src/zuora/zuora-client.js';
import type { ZuoraCredentials } from '../../service/src/zuora/oauth-token.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'S' },
    seed: { type: 'string', default: '42' },
    scenario: { type: 'string', default: 'turbo' },
  },
  strict: false,
}) as { values: { size: string; seed: string } };
if (!['XS', 'S', 'M', 'L'].includes(values.size)) {
  process.stderr.write(`bench: --size must be XS, S, M or L (got "${values.size}")\n`);
  process.exit(2);
}

interface EmulatorInfo {
  zuora: ZuoraCredentials;
  salesforce: SalesforceCredentials;
  zuoraAdmin: string;
  salesforceAdmin: string;
  generatedMs: number;
}

const child = spawn(
  process.execPath,
  ['--import', 'tsx', join(import.meta.dirname, 'emulators-process.ts'), values.size, values.seed],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const info = await new Promise<EmulatorInfo>((resolve, reject) => {
  child.once('exit', (code) => reject(new Error(`emulator process exited with ${String(code)}`)));
  createInterface({ input: child.stdout }).once('line', (line) => resolve(JSON.parse(line) as EmulatorInfo));
});
const sfStats = async () =>
  (await (
    await fetch(`${info.salesforce.loginUrl}/__emulator/stats`, {
      headers: { authorization: `Bearer ${info.salesforceAdmin}` },
    })
  ).json()) as { apiRequests: number; bulkBatches: number };

const spoolDir = mkdtempSync(join(tmpdir(), 'zsync-bench-'));
const store = await PgliteStore.open(undefined);
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
  };
  process.stdout.write(
    `tenant ${values.size} (seed ${values.seed}) generated in ${(info.generatedMs / 1000).toFixed(1)} s\n`,
  );
  for (const scope of ['catalog', 'accounts'] as const) {
    const before = await sfStats();
    const zuoraBefore = zuora.calls;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const session = await insertSession(store, { scope, trigger: 'manual', mode: 'full' });
    const done = await runTurboSession(deps, session.id);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const after = await sfStats();
    const objects = (done.counts.objects ?? {}) as Record<string, ObjectCounts>;
    const rows = Object.entries(objects).sort(([a], [b]) => a.localeCompare(b));
    const total = rows.reduce((n, [, c]) => n + c.read, 0);
    const floor = rows.reduce((n, [, c]) => n + Math.ceil(c.written / 10_000), 0);
    process.stdout.write(`\n${scope}: ${done.state} in ${seconds.toFixed(1)} s\n`);
    process.stdout.write(`${'object'.padEnd(38)} ${'records'.padStart(9)} ${'records/s'.padStart(10)}\n`);
    for (const [object, c] of rows) {
      process.stdout.write(
        `${object.padEnd(38)} ${String(c.read).padStart(9)} ${Math.round(c.read / seconds)
          .toString()
          .padStart(10)}\n`,
      );
    }
    process.stdout.write(
      `${'total'.padEnd(38)} ${String(total).padStart(9)} ${Math.round(total / seconds)
        .toString()
        .padStart(10)}\n`,
    );
    process.stdout.write(
      `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, ` +
        `Salesforce API calls ${String(after.apiRequests - before.apiRequests)}, Bulk batches ${String(after.bulkBatches - before.bulkBatches)} ` +
        `(floor sum ceil(N/10,000) = ${String(floor)}), Zuora calls ${String(zuora.calls - zuoraBefore)}\n`,
    );
  }
} finally {
  await store.close();
  rmSync(spoolDir, { recursive: true, force: true });
  child.kill('SIGTERM');
}
