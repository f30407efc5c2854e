// `npm run bench -- --scenario console [--sessions 10000] [--failures 100000] [--latencies 200000] [--runs 40]`:
// fills a store (PostgreSQL, a throwaway schema) with sessions over 30 days, open failures and real-time latency
// samples, starts the service's HTTP app, and times each console page as the browser loads it (its requests in
// parallel, with the session cookie): P50/P95/max per page over `runs` loads, after warm-up; then the streamed
// CSV export of every failure. The target is P95 under 300 ms per page with 100,000 failures and 10,000 sessions.
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../service/src/config/load-config.js';
import { createLogger } from '../../service/src/config/logger.js';
import { createService } from '../../service/src/main.js';
import { nearestRank } from '../../service/src/store/nearest-rank.js';
import { migrate } from '../../service/src/store/migrate.js';
import type { Store } from '../../service/src/store/store.js';
import { benchTempDir, dropBenchSchema, openBenchSchema } from './bench-support.js';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '10000' },
    failures: { type: 'string', default: '100000' },
    latencies: { type: 'string', default: '200000' },
    runs: { type: 'string', default: '40' },
  },
  strict: false,
});
const n = (v: unknown) => Number(v);

async function seed(store: Store): Promise<void> {
  const objects = `ARRAY['Account','Subscription','RatePlanCharge','Invoice','InvoiceItem','Payment','Contact','PaymentMethod']`;
  // Sessions over 30 days: mostly real-time batches and on-demand requests, some Turbo sessions with per-object counts.
  await store.query(
    `INSERT INTO sync_sessions (scope, trigger, mode, state, requested_at, started_at, finished_at, counts)
     SELECT CASE WHEN i % 10 = 0 THEN 'catalog' ELSE 'accounts' END,
            (ARRAY['realtime','realtime','realtime','on_demand','on_demand','manual','scheduled','backfill'])[1 + i % 8],
            CASE WHEN i % 7 = 0 THEN 'full' ELSE 'incremental' END,
            (ARRAY['finished','finished','finished_with_errors','failed','finished'])[1 + i % 5],
            t, t + interval '1 second', t + make_interval(secs => 2 + i % 300),
            jsonb_build_object('objects', (SELECT jsonb_object_agg(o, jsonb_build_object('read', 50 + i % 500, 'written', 45 + i % 480,
                                 'created', i % 20, 'failed', i % 7, 'deleted', i % 3))
                               FROM unnest(${objects}) AS o), 'durationMs', 2000 + i % 300000, 'zuoraCalls', 3 + i % 40)
       FROM (SELECT i, now() - make_interval(secs => (i * 2592000.0 / $1)::int) AS t FROM generate_series(1, $1) AS i) s`,
    [n(values.sessions)],
  );
  await store.query(
    `INSERT INTO failed_records (stream, salesforce_object, entity_id, external_id, zuora_id, account_id, session_id,
                                 error_code, error_message, attempts, first_failed_at, last_failed_at)
     SELECT (${objects})[1 + i % 8], (ARRAY['CustomerAccount__c','Subscription__c','SubscriptionProductCharge__c','ZInvoice__c',
              'InvoiceItem__c','Payment__c','Contact','PaymentMethod__c'])[1 + i % 8], '', md5(i::text), md5(i::text),
            md5((i % 5000)::text), (SELECT id FROM sync_sessions ORDER BY requested_at DESC LIMIT 1),
            (ARRAY['PARENT_FAILED','UNABLE_TO_LOCK_ROW','DATE_OUT_OF_RANGE','REQUIRED_FIELD_MISSING','INVALID_CROSS_REFERENCE_KEY',
                   'STRING_TOO_LONG','DUPLICATE_VALUE','MISSING_CRM_ID'])[1 + (i * 7) % 8],
            'record ' || i || ' failed: a long enough message to look like what Salesforce answers', 1 + i % 5,
            now() - make_interval(secs => i % 2592000), now() - make_interval(secs => i % 2592000)
       FROM generate_series(1, $1) AS i`,
    [n(values.failures)],
  );
  await store.query(
    `INSERT INTO realtime_latencies (entity_id, zuora_object, zuora_id, changed_at, committed_at, latency_ms, received_at, read_at, path)
     SELECT '', (${objects})[1 + i % 8], md5(i::text), t - make_interval(secs => 1 + i % 30), t, (1 + i % 30) * 1000 + i % 997,
            t - make_interval(secs => 1 + i % 30) + interval '200 milliseconds', t - interval '300 milliseconds',
            CASE WHEN i % 20 = 0 THEN 'reconcile' ELSE 'callout' END
       FROM (SELECT i, now() - make_interval(secs => (i * 2592000.0 / $1)::int) AS t FROM generate_series(1, $1) AS i) s`,
    [n(values.latencies)],
  );
  await store.exec('ANALYZE');
}

const schema = `bench_console_${String(process.pid)}`;
const store = await openBenchSchema(schema);
const dataDir = benchTempDir('console');
const token = 'bench-console-token-0123456789abcdef';
try {
  await migrate(store);
  const seeded = Date.now();
  await seed(store);
  console.log(
    `seeded ${values.sessions as string} sessions, ${values.failures as string} failures, ${values.latencies as string} latency samples in ${((Date.now() - seeded) / 1000).toFixed(1)} s`,
  );
  const config = loadConfig({
    DATA_DIR: dataDir,
    API_TOKEN: token,
    PORT: '0',
    LOG_LEVEL: 'silent',
    DRIFT_SCHEDULE: 'off',
    NOTIFY_TICK_SECONDS: '3600',
  });
  const service = await createService(config, createLogger('silent'), { store });
  const url = await service.app.listen({ host: '127.0.0.1', port: 0 });
  const signIn = await fetch(`${url}/console/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const headers = { cookie };
  const anySession =
    (await store.query<{ id: string }>("SELECT id FROM sync_sessions WHERE trigger = 'manual' LIMIT 1"))[0]
      ?.id ?? '';
  const week = { from: new Date(Date.now() - 7 * 86_400_000).toISOString(), to: new Date().toISOString() };
  const pages: Record<string, string[]> = {
    overview: ['/v1/overview?days=7'],
    sessions: ['/v1/syncs?limit=50'],
    'sessions (filtered)': ['/v1/syncs?limit=50&trigger=manual,scheduled&state=finished_with_errors'],
    session: [`/v1/syncs/${anySession}/progress`, `/v1/syncs?limit=500`],
    failures: ['/v1/failures/groups'],
    'failure group': [
      '/v1/failures?code=UNABLE_TO_LOCK_ROW&limit=50',
      '/v1/failures/groups?code=UNABLE_TO_LOCK_ROW',
    ],
    'failures (account)': [`/v1/failures/groups?account=${'c4ca4238a0b923820dcc509a6f75849b'}`],
    performance: [
      `/v1/performance/latency?bucket=hour&from=${week.from}&to=${week.to}`,
      `/v1/performance/throughput?from=${week.from}&to=${week.to}`,
    ],
    notifications: ['/v1/notification-rules', '/v1/notification-deliveries?limit=50'],
  };
  const runs = n(values.runs);
  console.log(
    `page                  P50 ms   P95 ms   max ms   (${String(runs)} loads each, requests in parallel)`,
  );
  for (const [name, paths] of Object.entries(pages)) {
    const times: number[] = [];
    for (let i = 0; i < runs + 3; i += 1) {
      const t0 = performance.now();
      const answers = await Promise.all(paths.map((p) => fetch(`${url}${p}`, { headers })));
      for (const a of answers) {
        if (!a.ok) throw new Error(`${a.url}: HTTP ${String(a.status)} ${await a.text()}`);
        await a.arrayBuffer();
      }
      if (i >= 3) times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const f = (v: number | undefined) => (v ?? 0).toFixed(0).padStart(8);
    console.log(
      `${name.padEnd(20)} ${f(nearestRank(times, 0.5))} ${f(nearestRank(times, 0.95))} ${f(times[times.length - 1])}`,
    );
  }
  const t0 = performance.now();
  const rss0 = process.memoryUsage().rss;
  const exported = await fetch(`${url}/v1/failures/export?format=csv`, { headers });
  let bytes = 0;
  let peak = rss0;
  for await (const chunk of (exported.body ?? []) as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  console.log(
    `export: ${values.failures as string} failures as CSV, ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s (RSS +${((peak - rss0) / 1e6).toFixed(0)} MB while streaming)`,
  );
  await service.close();
} finally {
  rmSync(dataDir, { recursive: true, force: true });
  await dropBenchSchema(schema);
}
