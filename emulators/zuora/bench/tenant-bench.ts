// Throughput of the synthetic tenant: M-tenant generation (target < 60 s) and a full AQuA export of every
// account and related object over HTTP (target < 15 s). Prints figures; asserts nothing.
// Run: npx tsx emulators/zuora/bench/tenant-bench.ts [--size M] [--seed 1]
import {
  DEFAULT_ZUORA_CLIENT_ID,
  DEFAULT_ZUORA_CLIENT_SECRET,
  generateTenant,
  objectFields,
  startZuoraEmulator,
  type ObjectName,
  type TenantSize,
} from '../src/index.js';
import { isAccountScoped } from '../src/model/object-definitions.js';

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const size = arg('size', 'M') as TenantSize;
const seed = Number(arg('seed', '1'));
const cpu = (since: NodeJS.CpuUsage): string => {
  const u = process.cpuUsage(since);
  return `${((u.user + u.system) / 1e6).toFixed(1)} s CPU`;
};
const mb = (): string => `${Math.round(process.memoryUsage().rss / 1e6)} MB rss`;

let t = performance.now();
let c = process.cpuUsage();
const tenant = generateTenant({ seed, size });
let records = 0;
for (const bundle of tenant.accounts()) records += bundle.records.length;
const generationMs = performance.now() - t;
console.log(
  `generate ${size} (seed ${seed}): ${tenant.options.accountCount.toLocaleString('en-US')} accounts, ${records.toLocaleString('en-US')} account records in ${(generationMs / 1000).toFixed(1)} s, ${cpu(c)} (${mb()})`,
);

t = performance.now();
c = process.cpuUsage();
const emulator = await startZuoraEmulator({ tenant, rateLimitPerMinute: 1_000_000 });
const total = [...emulator.tenant.tables.values()].reduce((n, table) => n + table.size, 0);
console.log(
  `emulator start (generate + load): ${total.toLocaleString('en-US')} records in ${((performance.now() - t) / 1000).toFixed(1)} s, ${cpu(c)} (${mb()})`,
);

try {
  const tokenRes = await fetch(`${emulator.url}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: DEFAULT_ZUORA_CLIENT_ID,
      client_secret: DEFAULT_ZUORA_CLIENT_SECRET,
    }),
  });
  const { access_token: token } = (await tokenRes.json()) as { access_token: string };
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const objects = (Object.keys(objectFields) as ObjectName[]).filter(isAccountScoped);
  const queries = objects.map((o) => ({
    name: o,
    type: 'zoql',
    query: `select ${objectFields[o].join(', ')} from ${o}`,
  }));

  t = performance.now();
  c = process.cpuUsage();
  const submit = await fetch(`${emulator.url}/v1/batch-query/`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ format: 'csv', version: '1.1', name: 'bench', queries }),
  });
  const submitted = (await submit.json()) as { id?: string; message?: string };
  if (!submit.ok || submitted.id === undefined)
    throw new Error(`AQuA job refused (${String(submit.status)}): ${String(submitted.message)}`);
  const { id } = submitted;
  let job: { status: string; batches: { name: string; fileId?: string; recordCount: number }[] };
  do {
    await new Promise((r) => setTimeout(r, 50));
    job = (await (
      await fetch(`${emulator.url}/v1/batch-query/jobs/${id}`, { headers })
    ).json()) as typeof job;
  } while (job.status !== 'completed' && job.status !== 'error' && job.status !== 'aborted');
  const executedMs = performance.now() - t;
  let bytes = 0;
  let rows = 0;
  for (const b of job.batches) {
    const res = await fetch(`${emulator.url}/v1/file/${String(b.fileId)}`, { headers });
    const reader = res.body?.getReader();
    for (;;) {
      const chunk = await reader?.read();
      if (chunk === undefined || chunk.done) break;
      bytes += chunk.value.byteLength;
    }
    rows += b.recordCount;
  }
  const exportMs = performance.now() - t;
  console.log(
    `AQuA export (${queries.length} queries, all fields, ${job.status}): ${rows.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(0)} MB CSV; job done in ${(executedMs / 1000).toFixed(1)} s, downloaded in ${(exportMs / 1000).toFixed(1)} s, ${cpu(c)} (${mb()})`,
  );
  console.log(
    `load average while running: ${(await import('node:os'))
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${(await import('node:os')).availableParallelism()} cores`,
  );
} finally {
  await emulator.close();
}
