// `npm run bench -- --scenario on-demand [--size S] [--requests 30] [--accounts 10] [--concurrency 1]`:
// on-demand syncs through the real HTTP endpoint (POST /v1/on-demand-syncs) of a service whose Zuora and
// Salesforce are the emulators, run in their own process. Salesforce is first filled by a Turbo full sync
// (as an org is before anyone clicks the button), then each request syncs `--accounts` billing accounts.
// Prints latency P50/P95/max per request, Salesforce API calls (all, and Composite calls) and Zuora calls
// per request, and records written per request. Target: P95 <= 3 s for 10 accounts.
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../service/src/config/load-config.js';
import { createLogger } from '../../service/src/config/logger.js';
import { createService, createSyncRuntime } from '../../service/src/main.js';
import { findSession, insertSession } from '../../service/src/sessions/session-rows.js';
import { PgliteStore } from '../../service/src/store/pglite-store.js';
import type { Store } from '../../service/src/store/store.js';
import { runTurboSession } from '../../service/src/turbo/turbo-session.js';
import { zoqlPages } from '../../service/src/zuora/zoql.js';
import {
  benchTempDir,
  dropBenchSchema,
  emulatorEnv,
  openBenchSchema,
  salesforceStats,
  startEmulators,
} from './bench-support.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'S' },
    seed: { type: 'string', default: '42' },
    scenario: { type: 'string', default: 'on-demand' },
    store: { type: 'string', default: 'postgres' },
    requests: { type: 'string', default: '30' },
    accounts: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '1' },
  },
  strict: false,
}) as {
  values: {
    size: string;
    seed: string;
    store: string;
    requests: string;
    accounts: string;
    concurrency: string;
  };
};
const requests = Number(values.requests);
const perRequest = Number(values.accounts);
const concurrency = Number(values.concurrency);
if (!['XS', 'S', 'M', 'L'].includes(values.size) || !['pglite', 'postgres'].includes(values.store)) {
  process.stderr.write('bench: --size XS|S|M|L, --store pglite|postgres\n');
  process.exit(2);
}
if (![requests, perRequest, concurrency].every((n) => Number.isInteger(n) && n > 0) || perRequest > 10) {
  process.stderr.write('bench: --requests, --concurrency positive integers; --accounts from 1 to 10\n');
  process.exit(2);
}

const { child, info } = await startEmulators(values.size, values.seed);
const sfStats = () => salesforceStats<{ apiRequests: number; requestsByRoute: Record<string, number> }>(info);

const zuoraRequests = async () =>
  (
    (await (
      await fetch(`${info.zuora.baseUrl}/__emulator/stats`, {
        headers: { authorization: `Bearer ${info.zuoraAdmin}` },
      })
    ).json()) as { requests: number }
  ).requests;

const token = 'bench-token-0123456789abcdefghij';
const dataDir = benchTempDir('od');
const benchSchema = `bench_od_${String(process.pid)}`;
const store: Store =
  values.store === 'pglite' ? await PgliteStore.open(undefined) : await openBenchSchema(benchSchema);
const config = loadConfig({
  DATA_DIR: dataDir,
  API_TOKEN: token,
  LOG_LEVEL: 'warn',
  DRIFT_SCHEDULE: 'off',
  ...emulatorEnv(info),
});
const logger = createLogger('warn');
const service = await createService(config, logger, {
  store,
  runtime: (s) => createSyncRuntime(config, s, logger),
});
try {
  const url = await service.app.listen({ host: '127.0.0.1', port: 0 });
  const deps = { ...(service.runtime?.deps as NonNullable<typeof service.runtime>['deps']), minPollMs: 50 };
  process.stdout.write(
    `tenant ${values.size} (seed ${values.seed}) generated in ${(info.generatedMs / 1000).toFixed(1)} s\n`,
  );

  // 1. Salesforce as it is before on-demand syncs: a Turbo full sync of the catalog and the accounts.
  const seeded = performance.now();
  for (const scope of ['catalog', 'accounts'] as const) {
    const session = await insertSession(store, { scope, trigger: 'manual', mode: 'full' });
    const done = await runTurboSession(deps, session.id);
    process.stdout.write(`turbo ${scope}: ${done.state}\n`);
  }
  process.stdout.write(
    `Salesforce seeded by Turbo Sync in ${((performance.now() - seeded) / 1000).toFixed(1)} s\n`,
  );

  // 2. Billing accounts to ask for: active, with a CRM Account ID.
  const ids: string[] = [];
  for await (const page of zoqlPages(
    deps.zuora,
    "select Id, CrmId, Status from Account where Status = 'Active'",
  )) {
    for (const a of page)
      if (typeof a.CrmId === 'string' && a.CrmId !== '' && typeof a.Id === 'string') ids.push(a.Id);
  }
  if (ids.length < perRequest) throw new Error(`only ${String(ids.length)} eligible accounts in the tenant`);

  // 3. The requests, `concurrency` at a time, each for the next `perRequest` accounts (wrapping around).
  const latencies: number[] = [];
  const composite: number[] = [];
  const records: number[] = [];
  let failed = 0;
  let next = 0;
  const sfBefore = await sfStats();
  const zuoraBefore = await zuoraRequests();
  const one = async (n: number): Promise<void> => {
    const batch = Array.from(
      { length: perRequest },
      (_, i) => ids[(n * perRequest + i) % ids.length] as string,
    );
    const started = performance.now();
    const res = await fetch(`${url}/v1/on-demand-syncs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        objectType: 'BILLING_ACCOUNT',
        source: 'APEX',
        accountIds: [],
        salesforceIds: [],
        zuoraIds: batch,
        zuoraIdsByEntity: {},
        emailNotification: false,
        requestedBy: { userId: '005Hs00000AbCdEIAZ', orgId: '00DHs0000012345MAA' },
      }),
    });
    const answer = (await res.json()) as { sessionId?: string; results?: { success: boolean }[] };
    latencies.push(performance.now() - started);
    if (res.status !== 200 || answer.sessionId === undefined) {
      failed += 1;
      return;
    }
    failed += (answer.results ?? []).some((r) => !r.success) ? 1 : 0;
    const session = await findSession(store, answer.sessionId);
    const counts = session?.counts as
      { salesforceCalls?: number; objects?: Record<string, { written: number }> } | undefined;
    composite.push(counts?.salesforceCalls ?? 0);
    records.push(Object.values(counts?.objects ?? {}).reduce((a, c) => a + c.written, 0));
  };
  const wall = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, requests) }, async () => {
      while (next < requests) {
        const n = next;
        next += 1;
        await one(n);
      }
    }),
  );
  const wallSeconds = (performance.now() - wall) / 1000;
  const sfAfter = await sfStats();
  const zuoraAfter = await zuoraRequests();

  const sorted = [...latencies].sort((a, b) => a - b);
  const pct = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const ms = (x: number) => `${(x / 1000).toFixed(2)} s`;
  process.stdout.write(
    `\non-demand: ${String(requests)} requests of ${String(perRequest)} accounts, concurrency ${String(concurrency)}, store ${values.store}, ${wallSeconds.toFixed(1)} s\n` +
      `latency      P50 ${ms(pct(50))}   P95 ${ms(pct(95))}   max ${ms(sorted.at(-1) ?? 0)}   (target P95 <= 3 s)\n` +
      `per request  records written ${mean(records).toFixed(0)}, Composite calls ${mean(composite).toFixed(1)}, ` +
      `Salesforce API calls ${((sfAfter.apiRequests - sfBefore.apiRequests) / requests).toFixed(1)} (with resolve, history), ` +
      `Zuora calls ${((zuoraAfter - zuoraBefore) / requests).toFixed(1)} (as the emulator counts them)\n` +
      `requests with a failed object: ${String(failed)}\n`,
  );
} finally {
  await service.close();
  if (values.store === 'postgres') await dropBenchSchema(benchSchema);
  rmSync(dataDir, { recursive: true, force: true });
  child.kill('SIGTERM');
}
