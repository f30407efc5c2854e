// `npm run bench -- --scenario realtime [--size S] [--minutes 5] [--rate 50] [--slow-minutes 2] [--slow-rate 1]
// [--burst 10000] [--threshold 1] [--store postgres|pglite]`: near-real-time sync through real callouts. The emulators run in their own
// process; the service (webhook, batcher, API-sync engine) runs here on the chosen store. Salesforce is first
// filled by a Turbo full sync; then billing accounts are changed through Zuora's REST API (PUT
// /v1/object/account/{id}) at `--rate` changes a second for `--minutes`, then at `--slow-rate` for
// `--slow-minutes`, then `--burst` changes within one minute. Each change raises a signed callout (HMAC, as
// our callout template defines it) to the service. Prints latency P50/P90/P99 (Zuora change time to
// Salesforce commit time, per record) and Salesforce API calls per minute for each phase, next to the
// targets of adaptive batching (issue 19): at 50 changes/s P90 <= 2 s with <= 60 Salesforce calls a minute, at
// 1 change/s P90 <= 1 s; and the load average, since the machine is shared.
import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../service/src/config/load-config.js';
import { createLogger } from '../../service/src/config/logger.js';
import { createService, createSyncRuntime } from '../../service/src/main.js';
import { insertSession } from '../../service/src/sessions/session-rows.js';
import { PgliteStore } from '../../service/src/store/pglite-store.js';
import type { Store } from '../../service/src/store/store.js';
import { runTurboSession } from '../../service/src/turbo/turbo-session.js';
import { ZuoraClient } from '../../service/src/zuora/zuora-client.js';
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
    scenario: { type: 'string', default: 'realtime' },
    size: { type: 'string', default: 'S' },
    seed: { type: 'string', default: '42' },
    store: { type: 'string', default: 'postgres' },
    minutes: { type: 'string', default: '5' },
    rate: { type: 'string', default: '50' },
    'slow-minutes': { type: 'string', default: '2' },
    'slow-rate': { type: 'string', default: '1' },
    burst: { type: 'string', default: '10000' },
    threshold: { type: 'string', default: '1' },
  },
  strict: false,
}) as {
  values: Record<
    'size' | 'seed' | 'store' | 'minutes' | 'rate' | 'slow-minutes' | 'slow-rate' | 'burst' | 'threshold',
    string
  >;
};
const minutes = Number(values.minutes);
const rate = Number(values.rate);
const slowMinutes = Number(values['slow-minutes']);
const slowRate = Number(values['slow-rate']);
const burst = Number(values.burst);
if (
  !['XS', 'S', 'M', 'L'].includes(values.size) ||
  !['pglite', 'postgres'].includes(values.store) ||
  !(minutes > 0) ||
  !(rate > 0) ||
  !(slowMinutes >= 0) ||
  !(slowRate > 0) ||
  !(burst >= 0)
) {
  process.stderr.write(
    'bench: --size XS|S|M|L, --store pglite|postgres, --minutes > 0, --rate > 0, --slow-minutes >= 0, --slow-rate > 0, --burst >= 0\n',
  );
  process.exit(2);
}

const { child, info } = await startEmulators(values.size, values.seed);
const sfApiRequests = async () => (await salesforceStats(info)).apiRequests;
/** Salesforce API requests per route (method and path pattern) so far. */
const sfRoutes = async () =>
  (await salesforceStats<{ apiRequests: number; requestsByRoute: Record<string, number> }>(info))
    .requestsByRoute;

const token = 'bench-token-0123456789abcdefghij';
const hmacKey = 'bench-callout-hmac-key-0123456789';
const dataDir = benchTempDir('rt');
const benchSchema = `bench_rt_${String(process.pid)}`;
const store: Store =
  values.store === 'pglite' ? await PgliteStore.open(undefined) : await openBenchSchema(benchSchema);
const config = loadConfig({
  DATA_DIR: dataDir,
  API_TOKEN: token,
  LOG_LEVEL: 'warn',
  ...emulatorEnv(info),
  REALTIME_SYNC: 'on',
  // The weekly drift check (Sunday 04:00 UTC) would run an accounts session that holds the batches back.
  DRIFT_SCHEDULE: 'off',
  REALTIME_EVENT_THRESHOLD: values.threshold,
  REALTIME_MAX_WAIT_SECONDS: '1',
  REALTIME_RECONCILE_SECONDS: '60',
  REALTIME_RECONCILE_GRACE_SECONDS: '30',
  ZUORA_CALLOUT_HMAC_KEY: hmacKey,
});
const logger = createLogger('warn');
const service = await createService(config, logger, {
  store,
  runtime: (s) => createSyncRuntime(config, s, logger),
});
const count = async (sql: string, params: unknown[] = []) =>
  Number((await store.query<{ n: string }>(sql, params))[0]?.n ?? 0);
try {
  const url = await service.app.listen({ host: '127.0.0.1', port: 0 });
  const deps = { ...(service.runtime?.deps as NonNullable<typeof service.runtime>['deps']), minPollMs: 50 };
  process.stdout.write(
    `tenant ${values.size} (seed ${values.seed}) generated in ${(info.generatedMs / 1000).toFixed(1)} s\n`,
  );

  // 1. Salesforce as it is before real-time sync starts: a Turbo full sync (Zuora requires one first).
  const seeded = performance.now();
  const initial = await insertSession(store, { scope: 'accounts', trigger: 'manual', mode: 'full' });
  const done = await runTurboSession(deps, initial.id);
  process.stdout.write(
    `turbo accounts: ${done.state} in ${((performance.now() - seeded) / 1000).toFixed(1)} s\n`,
  );

  // 2. The callout: every data change, to the webhook, signed as the service expects.
  const configured = await fetch(`${info.zuora.baseUrl}/__emulator/callouts`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${info.zuoraAdmin}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      targets: [
        {
          id: 'service',
          url: `${url}/v1/webhooks/zuora`,
          events: ['*'],
          attempts: 5,
          retryIntervalMs: 60_000,
          headers: { 'X-Zuora-Timestamp': '{{Event.Timestamp}}' },
          hmac: {
            key: hmacKey,
            data: '{{Event.Timestamp}}\n{{Event.NotificationId}}\n{{Event.ObjectType}}\n{{Event.ChangeType}}\n{{Event.ObjectId}}\n{{Event.EntityId}}\n{{Event.UpdatedDate}}\n',
            signedHeaderKey: 'X-Zuora-Signature',
          },
        },
      ],
    }),
  });
  if (!configured.ok) throw new Error(`callout configuration refused: ${await configured.text()}`);

  // 3. Accounts to change: those with a CRM Account ID (the ones the connector syncs).
  const zuora = new ZuoraClient(info.zuora);
  const ids: string[] = [];
  for await (const page of zoqlPages(zuora, 'select Id, CrmId from Account'))
    for (const a of page)
      if (typeof a.CrmId === 'string' && a.CrmId !== '' && typeof a.Id === 'string') ids.push(a.Id);
  let changes = 0;
  let changeErrors = 0;
  const change = async (): Promise<void> => {
    const n = changes;
    changes += 1;
    try {
      await zuora.request('PUT', `/v1/object/account/${ids[n % ids.length] ?? ''}`, {
        json: { Notes: `bench change ${String(n)}` },
      });
    } catch {
      changeErrors += 1;
    }
  };
  /** `perSecond` changes a second for `seconds`, issued every 100 ms. */
  const drive = async (perSecond: number, seconds: number): Promise<void> => {
    const start = performance.now();
    const total = Math.round(perSecond * seconds);
    const inFlight = new Set<Promise<void>>();
    let issued = 0;
    while (issued < total) {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * perSecond) + 1);
      while (issued < due) {
        const p: Promise<void> = change().finally(() => inFlight.delete(p));
        inFlight.add(p);
        issued += 1;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    await Promise.all([...inFlight]);
  };
  // Drained: every change of the phase has reached the service as a callout (Zuora sends it after the PUT
  // answers, so the last one can still be on its way) and none is left unprocessed.
  const drain = async (limitMs: number, from: Date, expected: number): Promise<number> => {
    const started = performance.now();
    while (performance.now() - started < limitMs) {
      const received = await count('SELECT count(*) AS n FROM change_events WHERE received_at >= $1', [
        from.toISOString(),
      ]);
      if (
        received >= expected &&
        (await count('SELECT count(*) AS n FROM change_events WHERE processed_at IS NULL')) === 0
      )
        return performance.now() - started;
      await new Promise((r) => setTimeout(r, 250));
    }
    return Number.NaN;
  };

  interface Phase {
    name: string;
    rate: number;
    from: Date;
    to: Date;
    sfCalls: number;
    /** The phase's Salesforce calls per route, most first. */
    routes: string;
    minutes: number;
    changes: number;
    drainMs: number;
    /** The 1, 5 and 15 minute load averages when the phase ended. */
    load: string;
  }
  const phases: Phase[] = [];
  const run = async (name: string, perSecond: number, seconds: number) => {
    const from = new Date();
    const calls = await sfApiRequests();
    const routesBefore = await sfRoutes();
    const before = changes;
    const errorsBefore = changeErrors;
    await drive(perSecond, seconds);
    const drainMs = await drain(15 * 60_000, from, changes - before - (changeErrors - errorsBefore));
    const to = new Date();
    const routesAfter = await sfRoutes();
    const routes = Object.entries(routesAfter)
      .map(([route, n]) => [route, n - (routesBefore[route] ?? 0)] as const)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([route, n]) => `${route} ${String(n)}`)
      .join(', ');
    phases.push({
      name,
      rate: perSecond,
      from,
      to,
      sfCalls: (await sfApiRequests()) - calls,
      routes,
      minutes: (to.getTime() - from.getTime()) / 60_000,
      changes: changes - before,
      drainMs,
      load: loadavg()
        .map((x) => x.toFixed(2))
        .join(' '),
    });
  };
  process.stdout.write(
    `driving ${String(rate)} changes/s for ${String(minutes)} min over ${String(ids.length)} accounts, then ${String(slowRate)}/s for ${String(slowMinutes)} min, then ${String(burst)} in one minute\n`,
  );
  await run(`steady ${String(rate)}/s`, rate, minutes * 60);
  if (slowMinutes > 0) await run(`steady ${String(slowRate)}/s`, slowRate, slowMinutes * 60);
  if (burst > 0) await run(`burst ${String(burst)}/min`, burst / 60, 60);

  /** The target a phase's rate is measured against (issue 19's adaptive batching). */
  const target = (perSecond: number) =>
    perSecond >= 50
      ? 'target at 50 changes/s: P90 <= 2 s, <= 60 Salesforce calls/min'
      : perSecond <= 1
        ? 'target at 1 change/s: P90 <= 1 s'
        : 'no target at this rate';
  const stat = async (from: Date, to: Date) =>
    (
      await store.query<{ n: string; p50: number; p90: number; p99: number; mx: string }>(
        `SELECT count(*) AS n,
                percentile_disc(0.5) WITHIN GROUP (ORDER BY latency_ms)::float8 AS p50,
                percentile_disc(0.9) WITHIN GROUP (ORDER BY latency_ms)::float8 AS p90,
                percentile_disc(0.99) WITHIN GROUP (ORDER BY latency_ms)::float8 AS p99,
                max(latency_ms) AS mx
           FROM realtime_latencies WHERE changed_at >= $1 AND changed_at < $2`,
        [from.toISOString(), to.toISOString()],
      )
    )[0];
  const s = (ms: number | string | undefined) => `${(Number(ms ?? 0) / 1000).toFixed(2)} s`;
  process.stdout.write(
    `\nrealtime: threshold ${values.threshold}, store ${values.store}, tenant ${values.size}\n`,
  );
  for (const p of phases) {
    const l = await stat(p.from, p.to);
    const events = await count(
      `SELECT count(*) AS n FROM change_events WHERE received_at >= $1 AND received_at < $2`,
      [p.from.toISOString(), p.to.toISOString()],
    );
    const batches = await count(
      `SELECT count(*) AS n FROM sync_sessions WHERE trigger = 'realtime' AND requested_at >= $1 AND requested_at < $2`,
      [p.from.toISOString(), p.to.toISOString()],
    );
    // The batches' own writes (Composite calls); the rest of the phase's calls is history and org checks.
    const [own] = await store.query<{ writes: string; split: string; ms: string }>(
      `SELECT coalesce(sum((counts->'realtime'->>'salesforceCalls')::int), 0) AS writes,
              coalesce(sum((counts->'realtime'->>'failedRuns')::int), 0) AS split,
              coalesce(avg(extract(epoch FROM finished_at - started_at) * 1000), 0) AS ms
         FROM sync_sessions WHERE trigger = 'realtime' AND requested_at >= $1 AND requested_at < $2`,
      [p.from.toISOString(), p.to.toISOString()],
    );
    const writes = Number(own?.writes ?? 0);
    process.stdout.write(
      `${p.name.padEnd(18)} changes ${String(p.changes)}, callout events ${String(events)}, batches ${String(batches)} (${(Number(own?.ms ?? 0) / 1000).toFixed(2)} s each, ${String(own?.split ?? 0)} runs that threw), records synced ${String(l?.n ?? 0)}, drained ${Number.isNaN(p.drainMs) ? 'NOT within 15 min' : `${(p.drainMs / 1000).toFixed(1)} s after the last change`}\n` +
        `${''.padEnd(18)} latency P50 ${s(l?.p50)}  P90 ${s(l?.p90)}  P99 ${s(l?.p99)}  max ${s(l?.mx)}   Salesforce API calls/min ${(p.sfCalls / p.minutes).toFixed(1)} (batch writes ${(writes / p.minutes).toFixed(1)})\n` +
        `${''.padEnd(18)} Salesforce calls by route: ${p.routes || 'none'}\n` +
        `${''.padEnd(18)} ${target(p.rate)}; load average at the end ${p.load}\n`,
    );
  }
  const modes = await store.query<{ mode: string }>('SELECT mode FROM realtime_state');
  const fallbacks = await count(`SELECT count(*) AS n FROM sync_sessions WHERE params ? 'realtimeFallback'`);
  process.stdout.write(
    `change requests failed ${String(changeErrors)}; Turbo fallback sessions ${String(fallbacks)}; mode now ${modes.map((m) => m.mode).join(',') || 'realtime'}\n` +
      `targets (issue 19): at 50 changes/s P90 <= 2 s and <= 60 Salesforce calls/min; at 1 change/s P90 <= 1 s\n`,
  );
} finally {
  await service.close();
  if (values.store === 'postgres') await dropBenchSchema(benchSchema);
  rmSync(dataDir, { recursive: true, force: true });
  child.kill('SIGTERM');
}
