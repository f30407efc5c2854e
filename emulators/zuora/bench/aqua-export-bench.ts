// CPU of an AQuA export in-process, without HTTP: the job's run (selecting rows) and the formatting of
// every file's bytes, apart. Run: npx tsx emulators/zuora/bench/aqua-export-bench.ts [--size M] [--seed 42]
// [--request request.json] [--repeat 3] [--hash] (a request body as the service posts it; default: every account
// object, all fields, stateless).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { generateTenant, objectFields, TenantStore, type ObjectName, type TenantSize } from '../src/index.js';
import { AquaService } from '../src/aqua/aqua-jobs.js';
import { aquaRequestSchema } from '../src/aqua/aqua-request.js';
import { FileStore } from '../src/files/file-store.js';
import { isAccountScoped } from '../src/model/object-definitions.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const size = arg('size', 'M') as TenantSize;
const seed = Number(arg('seed', '42'));
const repeat = Number(arg('repeat', '3'));
const requestFile = arg('request', '');
const hashing = process.argv.includes('--hash');
const cpuSince = (u0: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(u0);
  return (u.user + u.system) / 1e6;
};

let c = process.cpuUsage();
const store = new TenantStore(() => new Date());
store.load(generateTenant({ seed, size }));
console.log(`generate + load ${size} (seed ${String(seed)}): ${cpuSince(c).toFixed(1)} s CPU`);
const body: unknown =
  requestFile === ''
    ? {
        format: 'csv',
        version: '1.1',
        name: 'bench',
        queries: (Object.keys(objectFields) as ObjectName[]).filter(isAccountScoped).map((o) => ({
          name: o,
          type: 'zoql',
          query: `select ${objectFields[o].join(', ')} from ${o}`,
        })),
      }
    : JSON.parse(readFileSync(requestFile, 'utf8'));
const request = aquaRequestSchema.parse(body);
const now = (): Date => new Date();
for (let r = 0; r < repeat; r += 1) {
  // A new service each time: stateful requests would otherwise run incremental after the first.
  const aqua = new AquaService(store, new FileStore(now), now, 'as-written');
  c = process.cpuUsage();
  const job = aqua.submit(request, null);
  await new Promise((resolve) => setImmediate(resolve));
  const run = cpuSince(c);
  c = process.cpuUsage();
  const startedAt = performance.now();
  let bytes = 0;
  let rows = 0;
  const hash = createHash('sha256');
  for (const batch of job.batches) {
    rows += batch.recordCount;
    for (const chunk of aqua.files.get(batch.fileId ?? '')?.chunks() ?? []) {
      bytes += chunk.length;
      if (hashing) hash.update(chunk);
    }
  }
  console.log(
    `${job.status}: ${rows.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(0)} MB; run ${run.toFixed(2)} s CPU, files ${cpuSince(c).toFixed(2)} s CPU (system ${(process.cpuUsage(c).system / 1e6).toFixed(2)} s, wall ${((performance.now() - startedAt) / 1000).toFixed(2)} s)${hashing ? ` (with sha256 ${hash.digest('hex').slice(0, 16)})` : ''}`,
  );
}
