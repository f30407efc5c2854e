// The composition root: config -> store -> clients -> engines -> HTTP, and in the embedded default (no
// credentials configured) the emulators. Nothing else constructs these, and nothing in service/src imports
// this file: bin/zuora-sync.js runs `runMain`, tests and benchmarks call `createService`/`createSyncRuntime`.
import type { FastifyInstance } from 'fastify';
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { apiSyncDepsFor } from './api-sync/api-sync-deps.js';
import { runApiSync } from './api-sync/api-sync.js';
import { runCli, type CliIo } from './cli/run-cli.js';
import { resolveApiToken } from './config/api-token.js';
import type { Config } from './config/load-config.js';
import { serviceVersion } from './config/service-version.js';
import { createMetricsRegistry } from './http/metrics.js';
import { healthRoute } from './http/routes/health-route.js';
import { onDemandSyncsRoute } from './http/routes/on-demand-syncs-route.js';
import { realtimeStatsRoute } from './http/routes/realtime-stats-route.js';
import { realtimeDeadLetterRoutes } from './http/routes/realtime-dead-letter-actions-route.js';
import { sessionsRoute } from './http/routes/sessions-route.js';
import { dryRunRoute } from './http/routes/dry-run-route.js';
import { syncsRoute } from './http/routes/syncs-route.js';
import { webhooksRoute } from './http/routes/webhooks-route.js';
import { consoleParts, type ConsoleParts } from './console/console-routes.js';
import { cpqFor, startCpq, stopCpq } from './cpq/cpq-runtime.js';
import { cpqOrderSyncsRoute } from './http/routes/cpq-order-syncs-route.js';
import { buildServer } from './http/server.js';
import { RealtimeEngine } from './realtime/realtime-engine.js';
import { LatencyRecorder } from './realtime/realtime-latency.js';
import { sendPendingHistory } from './sessions/history-outbox.js';
import { accountsCron, catalogCron, startSchedules } from './sessions/schedules.js';
import { driftCron, startDriftSchedule } from './sessions/drift-schedule.js';
import { orgRoute } from './http/routes/org-route.js';
import { requeueOrphanedSessions, startSessionWorker } from './sessions/session-worker.js';
import { startJobQueue } from './store/job-queue.js';
import { migrate } from './store/migrate.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/store.js';
import { runSession } from './turbo/run-session.js';
import { createSyncRuntime, type SyncRuntime } from './sync-runtime.js';

export { createSyncRuntime, type SyncRuntime };

export interface Service {
  readonly config: Config;
  readonly store: Store;
  readonly boss: PgBoss;
  readonly app: FastifyInstance;
  readonly apiTokenFile: string | undefined;
  readonly runtime: SyncRuntime | undefined;
  /** Near-real-time sync, when REALTIME_SYNC=on and sessions run here. */
  readonly realtime: RealtimeEngine | undefined;
  close(): Promise<void>;
}

export interface ServiceOptions {
  /** The store to use instead of opening the configured one (the embedded demo keeps it in memory). */
  readonly store?: Store;
  /** Runs sessions, schedules and sync routes when given. */
  readonly runtime?: (store: Store) => Promise<SyncRuntime>;
}

interface SyncParts {
  readonly runtime: SyncRuntime;
  readonly realtime: RealtimeEngine | undefined;
}

/** Sessions (worker, orphans resumed, schedules) and, when enabled, near-real-time sync. */
async function startSync(
  config: Config,
  store: Store,
  boss: PgBoss,
  metrics: Registry,
  logger: Logger,
  runtime: SyncRuntime,
): Promise<SyncParts> {
  await startSessionWorker(boss, runtime.deps, startCpq(runtime.deps, config, runSession));
  const requeued = await requeueOrphanedSessions(boss, store, store.kind === 'pglite' ? 0 : 60);
  if (requeued.length > 0) logger.info({ sessions: requeued }, 'resuming sessions left by a stopped process');
  await startSchedules(
    boss,
    store,
    logger,
    { accounts: accountsCron(config.schedules.accounts), catalog: catalogCron(config.schedules.catalog) },
    runtime.entities,
  );
  await startDriftSchedule(boss, store, logger, driftCron(config.schedules.drift), runtime.entities);
  if (!config.realtime.enabled) {
    // History records a stopped process committed and never sent (the real-time engine sends them when on).
    void sendPendingHistory(runtime.deps).catch((err: unknown) =>
      logger.warn({ err }, 'history outbox not sent; it is sent at the next start'),
    );
    return { runtime, realtime: undefined };
  }
  const realtime = new RealtimeEngine({
    api: apiSyncDepsFor(runtime.deps, config.apiBudget),
    runApiSync,
    boss,
    latency: new LatencyRecorder(metrics),
    settings: config.realtime,
    entities: runtime.entities,
  });
  realtime.start();
  return { runtime, realtime };
}

/** The CPQ direction as the console's CPQ page reads and retries it. */
function consoleCpq(config: Config, runtime: SyncRuntime) {
  return { deps: cpqFor(runtime.deps).deps, pollerEnabled: config.cpq.pollerEnabled };
}

async function startHttp(
  config: Config,
  logger: Logger,
  metrics: Registry,
  store: Store,
  boss: PgBoss,
  sync: SyncParts | undefined,
): Promise<{ app: FastifyInstance; apiTokenFile: string | undefined; console: ConsoleParts }> {
  const token = resolveApiToken(config.apiToken, config.dataDir);
  const realtime = sync?.realtime;
  const api = sync === undefined ? undefined : apiSyncDepsFor(sync.runtime.deps, config.apiBudget);
  const work = new Set<Promise<unknown>>();
  const consoleUi = consoleParts(
    {
      store,
      boss,
      settings: config.console,
      adminToken: token.token,
      logger,
      api,
      entities: sync === undefined ? () => Promise.resolve(['']) : sync.runtime.entities,
      realtimeEnabled: realtime !== undefined,
      crons: {
        accounts: accountsCron(config.schedules.accounts),
        catalog: catalogCron(config.schedules.catalog),
      },
      track: (p) => {
        work.add(p);
        void p.finally(() => work.delete(p));
      },
      cpq: sync === undefined ? undefined : consoleCpq(config, sync.runtime),
    },
    config.apiBudget,
  );
  const syncRoutes =
    sync === undefined
      ? []
      : [
          syncsRoute(store, boss, sync.runtime.entities),
          // `api` is set whenever `sync` is (the governor is per connection, made with the budget above).
          onDemandSyncsRoute(api ?? apiSyncDepsFor(sync.runtime.deps), sync.runtime.entities),
          cpqOrderSyncsRoute(cpqFor(sync.runtime.deps).deps),
          orgRoute(sync.runtime.deps),
        ];
  const app = await buildServer({
    apiToken: token.token,
    onDemandToken: config.onDemandApiToken,
    bodyLimitBytes: config.bodyLimitBytes,
    logger,
    metrics,
    version: serviceVersion,
    authenticator: consoleUi.authenticator,
    trustProxy: config.console.trustProxy,
    routes: [
      healthRoute({ store, version: serviceVersion }),
      sessionsRoute(store),
      dryRunRoute(store),
      ...syncRoutes,
      webhooksRoute({
        store,
        callouts: config.realtime.callouts,
        logger,
        onEvent: () => realtime?.nudge(),
        ...(sync === undefined ? {} : { entities: sync.runtime.entities }),
      }),
      realtimeStatsRoute(store, realtime !== undefined),
      ...realtimeDeadLetterRoutes(store, () => realtime?.nudge()),
      ...consoleUi.routes,
    ],
  });
  await consoleUi.start();
  const stopConsole = async () => {
    await consoleUi.stop();
    // Retries started from the console finish (or fail) before the store closes.
    await Promise.allSettled([...work]);
  };
  return { app, apiTokenFile: token.file, console: { ...consoleUi, stop: stopConsole } };
}

export async function createService(
  config: Config,
  logger: Logger,
  options: ServiceOptions = {},
): Promise<Service> {
  const store = options.store ?? (await openStore(config));
  let sync: SyncParts | undefined;
  try {
    const metrics = createMetricsRegistry();
    const report = await migrate(store);
    if (report.applied.length > 0) logger.info({ applied: report.applied }, 'store migrated');
    const boss = await startJobQueue(store, { onError: (err) => logger.error({ err }, 'job queue error') });
    if (options.runtime !== undefined) {
      const runtime = await options.runtime(store);
      sync = { runtime, realtime: undefined };
      sync = await startSync(config, store, boss, metrics, logger, runtime);
    }
    const {
      app,
      apiTokenFile,
      console: consoleUi,
    } = await startHttp(config, logger, metrics, store, boss, sync);
    const { runtime, realtime } = sync ?? { runtime: undefined, realtime: undefined };
    return {
      config,
      store,
      boss,
      app,
      apiTokenFile,
      runtime,
      realtime,
      async close() {
        await app.close();
        await consoleUi.stop();
        await Promise.all([realtime?.stop(), stopCpq(runtime?.deps)]);
        await boss.stop({ graceful: true, close: false, wait: true });
        await runtime?.close();
        await store.close();
      },
    };
  } catch (error) {
    await Promise.all([sync?.realtime?.stop(), stopCpq(sync?.runtime.deps)]).catch(() => undefined);
    await sync?.runtime.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
}

/** The `zuora-sync` command (bin/zuora-sync.js), with the factories above. */
export function runMain(argv: readonly string[], io?: CliIo): Promise<number> {
  return runCli(
    argv,
    {
      createService: (config, logger, store) =>
        createService(config, logger, {
          ...(store === undefined ? {} : { store }),
          runtime: (s) => createSyncRuntime(config, s, logger),
        }),
      createSyncRuntime,
    },
    io,
  );
}
