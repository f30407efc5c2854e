// The composition root: config -> store -> job queue -> HTTP. Nothing else constructs these.
import type { FastifyInstance } from 'fastify';
import type PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Config } from './config/load-config.js';
import { resolveApiToken } from './config/api-token.js';
import { buildServer } from './http/server.js';
import { createMetricsRegistry } from './http/metrics.js';
import { healthRoute } from './http/routes/health-route.js';
import { sessionsRoute } from './http/routes/sessions-route.js';
import { startJobQueue } from './store/job-queue.js';
import { migrate } from './store/migrate.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/store.js';
import { serviceVersion } from './version.js';
import { syncsRoute } from './http/routes/syncs-route.js';
import { accountsCron, catalogCron, startSchedules } from './sync/schedules.js';
import { requeueOrphanedSessions, startSessionWorker } from './sync/session-worker.js';
import type { SyncRuntime } from './sync/sync-runtime.js';
import { onDemandSyncsRoute } from './http/routes/on-demand-syncs-route.js';
import { apiSyncDepsFor } from './apisync/api-sync-deps.js';
import { runApiSync } from './apisync/api-sync.js';
import { webhooksRoute } from './http/routes/webhooks-route.js';
import { realtimeStatsRoute } from './http/routes/realtime-stats-route.js';
import { RealtimeEngine } from './realtime/realtime-engine.js';
import { LatencyRecorder } from './realtime/realtime-latency.js';

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

export async function createService(
  config: Config,
  logger: Logger,
  options: ServiceOptions = {},
): Promise<Service> {
  const store = options.store ?? (await openStore(config));
  let runtime: SyncRuntime | undefined;
  let realtime: RealtimeEngine | undefined;
  try {
    const metrics = createMetricsRegistry();
    const report = await migrate(store);
    if (report.applied.length > 0) logger.info({ applied: report.applied }, 'store migrated');
    const boss = await startJobQueue(store, { onError: (err) => logger.error({ err }, 'job queue error') });
    const syncRoutes = [];
    if (options.runtime !== undefined) {
      runtime = await options.runtime(store);
      await startSessionWorker(boss, runtime.deps);
      const requeued = await requeueOrphanedSessions(boss, store, store.kind === 'pglite' ? 0 : 60);
      if (requeued.length > 0)
        logger.info({ sessions: requeued }, 'resuming sessions left by a stopped process');
      await startSchedules(
        boss,
        store,
        logger,
        {
          accounts: accountsCron(config.schedules.accounts),
          catalog: catalogCron(config.schedules.catalog),
        },
        runtime.entities,
      );
      syncRoutes.push(syncsRoute(store, boss, runtime.entities));
      syncRoutes.push(onDemandSyncsRoute(apiSyncDepsFor(runtime.deps, config.apiBudget)));
      if (config.realtime.enabled) {
        realtime = new RealtimeEngine({
          api: apiSyncDepsFor(runtime.deps, config.apiBudget),
          runApiSync,
          boss,
          latency: new LatencyRecorder(metrics),
          settings: config.realtime,
          entities: runtime.entities,
        });
        realtime.start();
      }
    }
    const token = resolveApiToken(config.apiToken, config.dataDir);
    const app = await buildServer({
      apiToken: token.token,
      onDemandToken: config.onDemandApiToken,
      bodyLimitBytes: config.bodyLimitBytes,
      logger,
      metrics,
      version: serviceVersion,
      routes: [
        healthRoute({ store, version: serviceVersion }),
        sessionsRoute(store),
        ...syncRoutes,
        webhooksRoute({
          store,
          callouts: config.realtime.callouts,
          logger,
          onEvent: () => realtime?.nudge(),
        }),
        realtimeStatsRoute(store, realtime !== undefined),
      ],
    });
    return {
      config,
      store,
      boss,
      app,
      apiTokenFile: token.file,
      runtime,
      realtime,
      async close() {
        await app.close();
        await realtime?.stop();
        await boss.stop({ graceful: true, close: false, wait: true });
        await runtime?.close();
        await store.close();
      },
    };
  } catch (error) {
    await realtime?.stop().catch(() => undefined);
    await runtime?.close().catch(() => undefined);
    await store.close().catch(() => undefined);
    throw error;
  }
}
